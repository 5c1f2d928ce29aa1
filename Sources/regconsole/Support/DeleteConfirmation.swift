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
        let what = "\(manifests) manifest(s) and \(tags) tag(s)"
        try Confirmation.ask(typed ? "delete \(what)" : "Delete \(what)", typing: typed ? "delete \(manifests)" : nil, yes: yes)
    }
}
