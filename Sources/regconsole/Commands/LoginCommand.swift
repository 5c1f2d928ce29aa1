import ArgumentParser
import Foundation
import RegistryClient
import TerminalUI

/// `regconsole login INSTANCE [--print] [--hours N]`: temporary registry credentials of an ACR
/// instance, into the docker config (or its credential helper) or, for `docker login
/// --password-stdin`, onto a pipe. The password is never shown nor logged otherwise.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Store temporary credentials for an ACR instance's registry in the docker config.",
        discussion: "With --print, write only the password to a pipe instead: \(pipeline("INSTANCE"))")

    /// How `--print` is meant to be used.
    static func pipeline(_ instance: String) -> String {
        "regconsole login \(instance) --print | docker login HOST -u USER --password-stdin"
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ACR instance.", completion: Completions.instance)
    var instance: String
    @Flag(name: .long, help: "Write only the password to standard output (a pipe), and no config.")
    var print = false
    @Option(name: .long, help: ArgumentHelp("How long the credentials last: 1 to 24 hours.", valueName: "n"))
    var hours = 12

    func validate() throws {
        guard (1...24).contains(hours) else { throw ValidationError("--hours must be 1 to 24, not \(hours)") }
    }

    func run() async throws {
        if print, isatty(STDOUT_FILENO) == 1 {
            throw UsageError(
                description: "refusing to print the password on a terminal; pipe it: \(Self.pipeline(instance))")
        }
        let context = try CLIContext(global)
        let target = try await DeliveryTarget<any RegistryLoginIssuing>.instance(
            instance, context: context, command: "temporary logins")
        let login = try await target.provider.registryLogin(hours: hours)
        let destination: String
        if print {
            FileHandle.standardOutput.write(Data((login.password + "\n").utf8))
            destination = "standard output"
        } else {
            let stored = try await DockerConfigWriter(environment: context.environment).store(
                host: login.host, username: login.username, password: login.password)
            switch stored {
            case .file(let url): destination = url.path
            case .helper(let name): destination = "docker-credential-\(name)"
            }
        }
        try context.access.recordLogin(login, destination: destination, on: target.provider)
        let summary = Sanitizer.clean(
            "\(print ? "Password for" : "Logged in to") \(login.host) as \(login.username); "
                + "the credentials expire \(expiry(login.expires))")
        if print {
            FileHandle.standardError.write(Data("\(summary)\n".utf8))
        } else {
            Swift.print("\(summary) (stored in \(destination))")
        }
    }

    /// `at 2026-12-07T17:00:00Z (in 12 h)`, or `in 12 h` when the server gave no time.
    private func expiry(_ expires: Date?) -> String {
        guard let expires else { return "in \(hours) h" }
        let left = Int((expires.timeIntervalSinceNow / 3600).rounded())
        return "at \(RFC3339.format(expires)) (in \(left) h)"
    }
}
