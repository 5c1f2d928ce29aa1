import Foundation

/// The question before deleting on a terminal: `y` for small plans, `delete N` typed for production
/// instances or more than 10 manifests. Without a terminal, `--yes` is required.
struct DeleteConfirmation {
    /// Manifests to delete.
    var manifests: Int
    /// Tags that go with them.
    var tags: Int
    /// Whether the answer must be typed.
    var typed: Bool

    /// Returns when confirmed (or `yes`); throws otherwise, having deleted nothing.
    func ask(yes: Bool) throws {
        if yes { return }
        guard isatty(STDIN_FILENO) == 1 else {
            throw UsageError(description: "refusing to delete without confirmation: standard input is not a terminal; pass --yes")
        }
        let question = typed
            ? "Type 'delete \(manifests)' to delete \(manifests) manifest(s) and \(tags) tag(s): "
            : "Delete \(manifests) manifest(s) and \(tags) tag(s)? [y/N] "
        FileHandle.standardError.write(Data(question.utf8))
        let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces)
        let accepted = typed ? answer == "delete \(manifests)" : ["y", "yes"].contains(answer.lowercased())
        guard accepted else { throw CommandFailure(status: .success, description: "cancelled; nothing was deleted") }
    }
}
