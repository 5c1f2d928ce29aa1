/// A report that cannot be read: where it came from, where in the JSON, and what is wrong. A report
/// that fails anywhere is rejected whole, never shown partially.
public struct ScanReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, or the referrer it was fetched from.
    public var source: String
    /// The JSON path (`$.Results[0].Vulnerabilities[3].Severity`), when the problem has one.
    public var path: String?
    public var message: String

    /// Creates an error.
    public init(source: String, path: String? = nil, message: String) {
        self.source = source
        self.path = path
        self.message = message
    }

    public var description: String {
        path.map { "\(source): at \($0): \(message)" } ?? "\(source): \(message)"
    }
}
