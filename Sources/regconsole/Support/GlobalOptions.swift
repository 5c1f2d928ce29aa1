import ArgumentParser

/// Options every command accepts.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Config file (default: $REGCONSOLE_CONFIG, else $XDG_CONFIG_HOME/regconsole/config.toml).",
            valueName: "file"))
    var config: String?

    @Flag(name: .long, help: "Hide and refuse every mutating action.")
    var readOnly = false

    @Flag(name: .long, help: "Allow plain HTTP and unverified TLS for hosts named in references.")
    var insecure = false

    @Flag(name: .shortAndLong, help: "Log requests and retries to standard error.")
    var verbose = false
}
