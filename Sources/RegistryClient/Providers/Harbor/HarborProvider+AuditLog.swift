import Foundation

/// Harbor's own audit log (`auditlog-exts`, v2.13+), filtered on the server through `q` and read
/// one page after another (it grows without bound, so `X-Total-Count` is no reason to read ahead).
extension HarborProvider: AuditTrailReading {
    public func auditEvents(
        project: String?, filter: AuditEventFilter, maxPages: Int
    ) -> AsyncThrowingStream<[AuditEvent], any Error> {
        let path =
            project.map { HarborPath.project($0).appending("auditlog-exts") }
            ?? HarborPath.root.appending("auditlog-exts")
        let query = [("sort", "-op_time")] + (Self.auditQuery(filter).map { [("q", $0)] } ?? [])
        let (client, pageSize) = (client, auditPageSize)
        let operation = project.map { "reading the audit log of \($0)" } ?? "reading the audit log"
        return .producing { continuation in
            for number in 1...max(1, maxPages) {
                let page: [HarborAuditLogRecord] =
                    try await client.get(
                        path, query: query + [("page", String(number)), ("page_size", String(pageSize))],
                        as: [HarborAuditLogRecord]?.self, operation: operation) ?? []
                continuation.yield(page.map(Self.auditEvent))
                if page.count < pageSize { return }
            }
        }
    }

    /// Harbor's `q`: `username=alice,resource=~app,op_time=[2024-05-01 00:00:00~2024-05-02 00:00:00]`
    /// (times in UTC); nil when nothing is filtered. Values holding `,` cannot be expressed and are cut there.
    static func auditQuery(_ filter: AuditEventFilter) -> String? {
        func value(_ text: String?) -> String? {
            guard let text = text?.prefix(while: { $0 != "," }), !text.isEmpty else { return nil }
            return String(text)
        }
        var terms: [String] = []
        if let user = value(filter.user) { terms.append("username=\(user)") }
        if let operation = value(filter.operation) { terms.append("operation=\(operation)") }
        if let resourceType = value(filter.resourceType) { terms.append("resource_type=\(resourceType)") }
        if let resource = value(filter.resource) { terms.append("resource=~\(resource)") }
        if filter.since != nil || filter.until != nil {
            let low = filter.since.map(Self.queryTime) ?? ""
            let high = filter.until.map(Self.queryTime) ?? ""
            terms.append("op_time=[\(low)~\(high)]")
        }
        return terms.isEmpty ? nil : terms.joined(separator: ",")
    }

    /// `2024-05-01 10:00:00` in UTC, the time form Harbor's `q` ranges take.
    static func queryTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    static func auditEvent(_ record: HarborAuditLogRecord) -> AuditEvent {
        AuditEvent(
            id: record.id, time: record.opTime?.date, username: record.username ?? "", resource: record.resource ?? "",
            resourceType: record.resourceType ?? "", operation: record.operation ?? "",
            detail: record.operationDescription, succeeded: record.operationResult ?? true)
    }
}
