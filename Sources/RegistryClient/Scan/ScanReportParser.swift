import Foundation

/// Reads a scan report in any supported format, recognized by its content.
public enum ScanReportParser {
    /// The report, decoded as the format its top-level keys name, in one pass over the JSON.
    private enum Detected: Decodable {
        case trivy(TrivyReport)
        case grype(GrypeReport)
        case sarif(SARIFReport)
        case cyclonedx(CycloneDXReport)
        case harbor(HarborReport)
        case unrecognized

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: NamedCodingKey.self)
            let keys = Set(container.allKeys.map(\.stringValue))
            if keys.contains("SchemaVersion") {
                self = .trivy(try TrivyReport(from: decoder))
            } else if keys.contains("matches") {
                self = .grype(try GrypeReport(from: decoder))
            } else if keys.contains("runs") {
                self = .sarif(try SARIFReport(from: decoder))
            } else if keys.contains("bomFormat") {
                self = .cyclonedx(try CycloneDXReport(from: decoder))
            } else if keys.contains("vulnerabilities") {
                self = .harbor(try HarborReport(from: decoder))
            } else if keys.count == 1, let key = container.allKeys.first, key.stringValue.contains("vuln") {
                // Harbor's API wraps the report in an object keyed by the report's MIME type.
                self = .harbor(try container.decode(HarborReport.self, forKey: key))
            } else {
                self = .unrecognized
            }
        }
    }

    /// The largest report file `readFile` reads.
    public static let fileSizeLimit = 64 << 20

    /// Reads a report file without ever blocking: anything but a regular file (a FIFO, a device, a
    /// directory) is refused by its type, and so is a file larger than `fileSizeLimit`.
    /// - Throws: `ScanReportError` naming the path and the reason.
    public static func readFile(_ path: String) throws -> Data {
        func failure(_ reason: String) -> ScanReportError {
            ScanReportError(source: path, message: "cannot read the report: \(reason)")
        }
        // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT, let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                throw failure("it does not exist (dangling link to \(target))")
            }
            throw failure(code == ENOENT ? "it does not exist" : String(cString: strerror(code)))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure(String(cString: strerror(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw failure("it is a directory")
        case S_IFIFO: throw failure("it is a named pipe (FIFO), not a regular file")
        case S_IFCHR, S_IFBLK: throw failure("it is a device, not a regular file")
        case S_IFSOCK: throw failure("it is a socket, not a regular file")
        default: throw failure("it is not a regular file")
        }
        let tooLarge = failure("it is larger than \(fileSizeLimit >> 20) MiB, the most regconsole reads of a report")
        guard info.st_size <= fileSizeLimit else { throw tooLarge }
        // Read to the end rather than trusting st_size: the file may grow while it is read.
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count >= 0 else { throw failure(String(cString: strerror(errno))) }
            if count == 0 { return data }
            data.append(contentsOf: buffer[0..<count])
            guard data.count <= fileSizeLimit else { throw tooLarge }
        }
    }

    /// Parses `data`.
    /// - Parameter source: the file name or referrer, for error messages.
    /// - Throws: `ScanReportError` naming the source, the JSON path and the problem.
    public static func parse(_ data: Data, source: String) throws -> ScanReport {
        if let report = try TrivyReport.read(data, source: source) { return report }
        if let problem = binaryProblem(data) { throw ScanReportError(source: source, message: problem) }
        let detected: Detected
        do {
            detected = try ReportDecoding.decode(Detected.self, from: data, source: source)
        } catch let error as ScanReportError where error.path == nil || error.path == "$" {
            // A document that is not an object is JSON, just not a report.
            guard (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil else {
                throw error
            }
            detected = .unrecognized
        }
        switch detected {
        case .trivy(let report): return try report.report(source: source)
        case .grype(let report): return report.report(source: source)
        case .sarif(let report): return try report.report(source: source)
        case .cyclonedx(let report): return try report.report(source: source)
        case .harbor(let report): return report.report()
        case .unrecognized:
            throw ScanReportError(
                source: source,
                message: "not a scan report regconsole reads (Trivy JSON, Grype JSON, SARIF 2.1.0, CycloneDX, Harbor)")
        }
    }

    /// Why `data` is not text at all (a NUL byte, or not UTF-8), so no JSON report: nil for text.
    private static func binaryProblem(_ data: Data) -> String? {
        data.withUnsafeBytes { raw in
            // Over the raw buffer, without copying: a report is megabytes.
            let bytes = raw.assumingMemoryBound(to: UInt8.self)
            if let zero = bytes.firstIndex(of: 0) {
                return "not a JSON report: binary data (a zero byte at offset \(zero))"
            }
            let isText = (try? UTF8Span(validating: bytes.span)) != nil
            return isText ? nil : "not a JSON report: the bytes are not UTF-8 text"
        }
    }
}
