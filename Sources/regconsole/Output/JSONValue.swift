import Foundation
import RegistryClient
import TerminalUI

/// A JSON document with ordered object keys, serialized with every string sanitized.
enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case number(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// A string, or null.
    static func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// An RFC 3339 UTC time, or null.
    static func date(_ value: Date?) -> JSONValue { value.map { .string(RFC3339.format($0)) } ?? .null }

    /// Serializes with two-space indentation.
    func serialized() -> String {
        var output = ""
        write(to: &output, indent: 0)
        return output
    }

    /// Prints the serialization and a line break, written out as it is made rather than held whole.
    func print() {
        var output = StandardOutputBuffer()
        write(to: &output, indent: 0)
        output.write("\n")
        output.flush()
    }

    /// Prints `values` as `.array(values)` prints, taking each value only as it is written.
    static func print(array values: some Sequence<JSONValue>) {
        var output = StandardOutputBuffer()
        write(array: values, to: &output, indent: 0)
        output.write("\n")
        output.flush()
    }

    private func write(to output: inout some TextOutputStream, indent: Int) {
        switch self {
        case .null: output.write("null")
        case .bool(let value): output.write(value ? "true" : "false")
        case .number(let value): output.write(String(value))
        case .double(let value): output.write(value.isFinite ? String(value) : "null")
        case .string(let value): Self.write(string: value, keepingLineBreaks: true, to: &output)
        case .array(let values): Self.write(array: values, to: &output, indent: indent)
        case .object(let fields):
            guard !fields.isEmpty else {
                output.write("{}")
                return
            }
            output.write("{")
            for (index, (key, value)) in fields.enumerated() {
                output.write(index == 0 ? "\n" : ",\n")
                Self.pad(&output, indent + 1)
                Self.write(string: key, keepingLineBreaks: false, to: &output)
                output.write(": ")
                value.write(to: &output, indent: indent + 1)
            }
            output.write("\n")
            Self.pad(&output, indent)
            output.write("}")
        }
    }

    private static func write(
        array values: some Sequence<JSONValue>, to output: inout some TextOutputStream, indent: Int
    ) {
        var isEmpty = true
        for value in values {
            output.write(isEmpty ? "[\n" : ",\n")
            isEmpty = false
            pad(&output, indent + 1)
            value.write(to: &output, indent: indent + 1)
        }
        guard !isEmpty else {
            output.write("[]")
            return
        }
        output.write("\n")
        pad(&output, indent)
        output.write("]")
    }

    private static func pad(_ output: inout some TextOutputStream, _ indent: Int) {
        for _ in 0..<indent { output.write("  ") }
    }

    /// Decodes any JSON (a raw manifest), with object keys sorted.
    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            self = .object(
                try object.allKeys.sorted { $0.stringValue < $1.stringValue }.map {
                    ($0.stringValue, try object.decode(JSONValue.self, forKey: $0))
                })
        } else if var array = try? decoder.unkeyedContainer() {
            var values: [JSONValue] = []
            while !array.isAtEnd { values.append(try array.decode(JSONValue.self)) }
            self = .array(values)
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                self = .null
            } else if let value = try? single.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? single.decode(Int64.self) {
                self = .number(value)
            } else if let value = try? single.decode(Double.self) {
                self = .double(value)
            } else {
                self = .string(try single.decode(String.self))
            }
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// A string sanitized, quoted and escaped. Printable ASCII without `"` or `\` (most of what is
    /// written) needs none of that and is written as it is.
    private static func write(string text: String, keepingLineBreaks: Bool, to output: inout some TextOutputStream) {
        let isPlain = text.utf8.allSatisfy {
            $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\")
        }
        output.write("\"")
        guard !isPlain else {
            output.write(text)
            output.write("\"")
            return
        }
        for scalar in Sanitizer.clean(text, keepingLineBreaks: keepingLineBreaks).unicodeScalars {
            switch scalar {
            case "\"": output.write("\\\"")
            case "\\": output.write("\\\\")
            case "\n": output.write("\\n")
            case "\t": output.write("\\t")
            case "\r": output.write("\\r")
            default:
                if scalar.value < 0x20 {
                    output.write(String(format: "\\u%04x", scalar.value))
                } else {
                    output.write(String(scalar))
                }
            }
        }
        output.write("\"")
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    init(stringLiteral value: String) { self = .string(value) }
}
