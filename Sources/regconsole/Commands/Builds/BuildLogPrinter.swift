import Foundation
import RegistryClient
import TerminalUI

/// Prints a build's log on standard output, one `  LINE STAGE  message` per line as the lines
/// arrive, then how the build stands on standard error; a failed or canceled build ends the
/// command with status 1.
struct BuildLogPrinter {
    let target: DeliveryTarget<any BuildManaging>
    let recordID: String
    let options: BuildLogOptions
    /// Whether a build whose log the registry does not serve is followed by its status alone.
    var logOptional = false

    /// Prints the log there is and, with `follow`, new lines until the build ends.
    /// - Throws: `CommandFailure` when the build failed, was canceled or (followed) did not end.
    func run(follow: Bool) async throws {
        let follower = BuildLogFollower(
            provider: target.provider, repository: target.repository, recordID: recordID, interval: options.interval,
            logOptional: logOptional)
        let waiting = follow ? WaitLine("following build \(recordID) of \(target.reference)") : nil
        defer { waiting?.finish() }
        var final: BuildStatus?
        try await target.naming("build", recordID, listedBy: "builds list") {
            for try await event in follower.events(follow: follow) {
                switch event {
                case .lines(let lines):
                    let text = lines.map(Self.line).joined()
                    if let waiting {
                        waiting.interrupting { print(text, terminator: "") }
                    } else {
                        print(text, terminator: "")
                    }
                case .finished(let status): final = status
                }
            }
        }
        waiting?.finish()
        fflush(nil)  // all streams, standard output among them
        let status = final ?? .other("UNKNOWN")
        let summary = Sanitizer.clean("build \(recordID) of \(target.reference): \(status)")
        switch status {
        case .success:
            FileHandle.standardError.write(Data("\(summary)\n".utf8))
        case .failed, .canceled:
            throw CommandFailure(
                status: .runtime,
                description: "\(summary); run it again with: regconsole builds rebuild \(target.reference) \(recordID)")
        case _ where status.isRunning && follow:
            throw CommandFailure(
                status: .runtime,
                description:
                    "\(summary): stopped following before it ended; go on with: regconsole builds log \(target.reference) \(recordID) --follow"
            )
        default:
            guard !follow else {
                throw CommandFailure(status: .runtime, description: "\(summary), not SUCCESS")
            }
            FileHandle.standardError.write(Data("\(summary)\n".utf8))
        }
    }

    /// `  12 BUILD  Step 2/5 : RUN make`, sanitized.
    static func line(_ line: BuildLogLine) -> String {
        "  \(line.number) \(Sanitizer.clean(line.stage ?? "-"))  \(Sanitizer.clean(line.message))\n"
    }
}
