/// One log line (ListRepoBuildRecordLog's `BuildRecordLogs`).
struct ACRBuildLogRecord: Decodable, Sendable {
    var LineNumber: LenientInt
    var BuildStage: String?
    var Message: String?
}
