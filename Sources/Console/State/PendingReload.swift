/// One reload of a pane after a pause, for lists whose rows are still changing (running builds,
/// sync tasks, replications): at most one is pending, and closing the pane cancels it.
@MainActor
final class PendingReload {
    private var task: Task<Void, Never>?

    /// Reloads `pane` after `delay`, unless a reload is pending already.
    func schedule<Kind: ResourceKind>(_ pane: ResourcePane<Kind>, after delay: Duration) {
        guard task == nil else { return }
        task = Task { [weak self, weak pane] in
            try? await Task.sleep(for: delay)
            guard let self, let pane, !Task.isCancelled else { return }
            self.task = nil
            pane.reload()
        }
    }

    /// Drops the pending reload.
    func cancel() {
        task?.cancel()
        task = nil
    }
}
