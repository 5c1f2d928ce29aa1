import Foundation

/// The question on the terminal before a delete or another change that is hard to undo. Without
/// a terminal, `--yes` is required.
enum Confirmation {
    /// What is asked about, for the messages when it is not done.
    enum Action {
        case delete
        case change

        var verb: String { self == .delete ? "delete" : "change" }
    }

    /// Returns when confirmed (or `yes`); throws otherwise, having done nothing. With `phrase`,
    /// the answer must be that phrase typed out; otherwise `y` or `yes`.
    static func ask(_ question: String, typing phrase: String?, yes: Bool, action: Action = .delete) throws {
        if yes { return }
        guard isatty(STDIN_FILENO) == 1 else {
            throw UsageError(
                description:
                    "refusing to \(action.verb) without confirmation: standard input is not a terminal; pass --yes")
        }
        FileHandle.standardError.write(
            Data((phrase.map { "Type '\($0)' to \(question): " } ?? "\(question)? [y/N] ").utf8))
        let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces)
        let accepted = phrase.map { answer == $0 } ?? ["y", "yes"].contains(answer.lowercased())
        guard accepted else {
            throw CommandFailure(status: .success, description: "cancelled; nothing was \(action.verb)d")
        }
    }
}
