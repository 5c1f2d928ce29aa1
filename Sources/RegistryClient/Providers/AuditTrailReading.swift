/// A provider that keeps its own audit log of what users did (Harbor's `auditlog-exts`).
public protocol AuditTrailReading: RegistryProvider {
    /// Entries newest first, a page of `auditPageSize` at a time, of the whole instance or of one
    /// project; at most `maxPages` pages, the last one short when the log ends.
    func auditEvents(
        project: String?, filter: AuditEventFilter, maxPages: Int
    ) -> AsyncThrowingStream<[AuditEvent], any Error>
}

extension AuditTrailReading {
    /// Entries a full page holds.
    public var auditPageSize: Int { 100 }
}
