import Foundation
import RegistryClient
import TerminalUI

/// What `config init` found, printed as a numbered list, and the user's choice of proposals.
enum ProposalList {
    /// Prints the proposals (number, name, kind, where it points, credentials, notes) and what was not proposed.
    static func print(_ outcome: ConfigDiscovery.Outcome) {
        for (index, proposal) in outcome.proposals.enumerated() {
            let entry = proposal.entry
            Swift.print(Sanitizer.clean("\(index + 1). \(entry.name) (\(entry.kind.rawValue)) \(proposal.target)"))
            Swift.print(Sanitizer.clean("   found in \(proposal.origin)"))
            Swift.print(Sanitizer.clean("   credentials: \(proposal.credentials)"))
            for note in proposal.notes { Swift.print(Sanitizer.clean("   note: \(note)")) }
        }
        if !outcome.notes.isEmpty {
            Swift.print("Not proposed:")
            for note in outcome.notes { Swift.print(Sanitizer.clean("  - \(note)")) }
        }
    }

    /// The proposals to write: all with `yes`; else asked on the terminal, all at once or one by one.
    /// - Throws: `UsageError` when standard input is not a terminal and `yes` is not given.
    static func choose(_ proposals: [InstanceProposal], yes: Bool) throws -> [InstanceProposal] {
        if yes { return proposals }
        guard isatty(STDIN_FILENO) == 1 else {
            throw UsageError(
                description:
                    "standard input is not a terminal: pass --yes to write the \(proposals.count) proposal(s) above")
        }
        switch ask("Write all \(proposals.count)? [Y/n/e=ask each] ") {
        case "", "y", "yes": return proposals
        case "e", "each":
            return proposals.enumerated().filter { index, proposal in
                ["", "y", "yes"].contains(ask(Sanitizer.clean("Write \(index + 1). \(proposal.entry.name)? [Y/n] ")))
            }.map(\.element)
        default: return []
        }
    }

    /// The answer to `question`, trimmed and lowercased; `n` at the end of input.
    private static func ask(_ question: String) -> String {
        FileHandle.standardError.write(Data(question.utf8))
        guard let line = readLine() else { return "n" }
        return line.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
