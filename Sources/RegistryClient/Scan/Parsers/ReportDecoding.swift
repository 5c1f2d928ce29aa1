import Foundation

/// JSON decoding for report parsers: a failure becomes a `ScanReportError` with the JSON path, and a
/// document that stops early is called truncated, with the byte where it stops.
enum ReportDecoding {
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, source: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw ScanReportError(source: source, message: syntaxProblem(data))
            }
            let summary = DecodingErrorSummary.describe(error)
            let path: String? =
                switch error {
                case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                    DecodingErrorSummary.path(context.codingPath)
                case .keyNotFound(let key, let context):
                    DecodingErrorSummary.path(context.codingPath + [key])
                @unknown default: nil
                }
            let message = summary.range(of: ": ").map { String(summary[$0.upperBound...]) } ?? summary
            throw ScanReportError(source: source, path: path, message: message)
        }
    }

    /// Why bytes are not JSON: empty, truncated (the last byte does not close the document), or garbage.
    static func syntaxProblem(_ data: Data) -> String {
        let trimmed = data.reversed().drop { [0x20, 0x0A, 0x0D, 0x09].contains($0) }
        guard let last = trimmed.first else { return "the report is empty" }
        if last != UInt8(ascii: "}") && last != UInt8(ascii: "]") {
            return "the JSON stops at byte \(data.count) before the document is closed (truncated download or write?)"
        }
        if let number = outOfRangeNumber(data) {
            let shown = number.literal.count > 40 ? number.literal.prefix(40) + "…" : Substring(number.literal)
            return "the number \(shown) at byte \(number.offset) is out of range "
                + "(too large for a 64-bit floating-point number)"
        }
        return "not valid JSON"
    }

    /// The first number literal outside strings that no `Double` can hold (`1e999`), and its byte
    /// offset: JSONDecoder rejects the whole document for it without saying why.
    static func outOfRangeNumber(_ data: Data) -> (literal: String, offset: Int)? {
        let numberBytes = Set("0123456789+-.eE".utf8)
        var inString = false
        var escaped = false
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if numberBytes.contains(byte) {
                let end = data[index...].firstIndex { !numberBytes.contains($0) } ?? data.endIndex
                let literal = String(decoding: data[index..<end], as: UTF8.self)
                if let value = Double(literal), value.isInfinite { return (literal, index - data.startIndex) }
                index = end
                continue
            }
            index += 1
        }
        return nil
    }
}

/// A number that some reports write as a string (`"security-severity": "5.3"`).
struct LenientDouble: Decodable, Sendable {
    var value: Double?

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            value = number
        } else if let text = try? container.decode(String.self) {
            value = Double(text.trimmingCharacters(in: .whitespaces))
        } else if container.decodeNil() {
            value = nil
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a number or a numeric string")
        }
    }
}
