import Foundation

/// One copy of one tag to a target: its state, why it failed, and (when read one by one) the
/// layers copied so far.
public struct SyncTask: Sendable, Hashable, Identifiable {
    /// Bytes and layers copied so far, summed over the task's layers.
    public struct Progress: Sendable, Hashable {
        public var syncedBytes: Int64
        public var totalBytes: Int64
        public var layersDone: Int
        public var layerCount: Int

        /// Creates a progress figure.
        public init(syncedBytes: Int64, totalBytes: Int64, layersDone: Int, layerCount: Int) {
            self.syncedBytes = syncedBytes
            self.totalBytes = totalBytes
            self.layersDone = layersDone
            self.layerCount = layerCount
        }

        /// 0…1; nil when no size is known.
        public var fraction: Double? {
            totalBytes > 0 ? min(1, Double(syncedBytes) / Double(totalBytes)) : nil
        }
    }

    /// The server's id (`rst-…`).
    public var id: String
    /// The rule that made it; nil for a one-off sync.
    public var ruleID: String?
    /// Tasks started by one push for several rules share this.
    public var batchID: String?
    public var status: SyncTaskStatus
    /// Whether a rule started it on push (`PASSIVE`) or someone ran it (`INITIATIVE`).
    public var trigger: SyncRule.Trigger?
    public var issue: SyncIssue?
    public var source: ReplicaLocation
    public var target: ReplicaLocation
    public var created: Date?
    public var modified: Date?
    /// Known only when the task was read on its own.
    public var progress: Progress?

    /// Creates a task.
    public init(
        id: String, ruleID: String? = nil, batchID: String? = nil, status: SyncTaskStatus,
        trigger: SyncRule.Trigger? = nil, issue: SyncIssue? = nil, source: ReplicaLocation, target: ReplicaLocation,
        created: Date? = nil, modified: Date? = nil, progress: Progress? = nil
    ) {
        self.id = id
        self.ruleID = ruleID
        self.batchID = batchID
        self.status = status
        self.trigger = trigger
        self.issue = issue
        self.source = source
        self.target = target
        self.created = created
        self.modified = modified
        self.progress = progress
    }
}
