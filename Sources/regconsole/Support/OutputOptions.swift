import ArgumentParser

/// `--output`, shared by the listing commands.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output format: table, json or csv.")
    var output: OutputFormat = .table
}
