/// A strict JSON reader over UTF-8 bytes for large reports: the caller reads the values it wants and
/// skips the rest, and every byte is still checked. It accepts only what JSONDecoder decodes to the same
/// values: anything else (escaped or repeated keys, a number no `Double` holds, a lone surrogate, a byte
/// order mark) throws `Unsupported`, and the caller decodes with JSONDecoder instead.
struct JSONByteReader {
    /// Input this reader leaves to JSONDecoder (which also words any error).
    struct Unsupported: Error {}

    /// An object key, valid while the bytes are.
    struct Key {
        fileprivate let bytes: UnsafeRawBufferPointer

        /// The key as a string.
        var string: String { String(decoding: bytes, as: UTF8.self) }

        static func == (key: Key, name: StaticString) -> Bool {
            key.bytes.elementsEqual(UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        }
    }

    /// Deeper nesting is left to JSONDecoder, so the reader's recursion stays shallow.
    private static let depthLimit = 128

    private let bytes: UnsafeRawBufferPointer
    private var offset = 0
    private var depth = 0

    /// Reads `bytes`, which must outlive the reader.
    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Reads the document's single value with `value`, then requires the end of the input.
    mutating func document<T>(_ value: (inout JSONByteReader) throws -> T) throws -> T {
        let result = try value(&self)
        skipWhitespace()
        guard offset == bytes.count else { throw Unsupported() }
        return result
    }

    /// Whether the next value is `null` (consumed if so).
    mutating func null() throws -> Bool {
        skipWhitespace()
        guard literal("null") else { return false }
        return true
    }

    /// An object, each member handed to `member` with the reader before its value; `member` must read
    /// or skip that value.
    mutating func object(_ member: (Key, inout JSONByteReader) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        try enter()
        defer { depth -= 1 }
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            offset += 1
            return
        }
        while true {
            skipWhitespace()
            let key = try rawKey()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            try member(key, &self)
            skipWhitespace()
            if peek() == UInt8(ascii: ",") {
                offset += 1
            } else {
                try expect(UInt8(ascii: "}"))
                return
            }
        }
    }

    /// An object read for the keys in `names`: `member` gets each one's index in `names`, with the reader
    /// before its value, and must read or skip it; other members are skipped. A repeated key is unsupported.
    mutating func object(keys names: [StaticString], _ member: (Int, inout JSONByteReader) throws -> Void) throws {
        var seen: UInt64 = 0
        try object { key, reader in
            guard let index = names.firstIndex(where: { key == $0 }) else { return try reader.skip() }
            let bit: UInt64 = 1 << index
            guard seen & bit == 0 else { throw Unsupported() }
            seen |= bit
            try member(index, &reader)
        }
    }

    /// A value read by `value`, or nil for `null`.
    mutating func optional<T>(_ value: (inout JSONByteReader) throws -> T) throws -> T? {
        try null() ? nil : try value(&self)
    }

    /// An array, each element read by `element`.
    mutating func array(_ element: (inout JSONByteReader) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        try enter()
        defer { depth -= 1 }
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            offset += 1
            return
        }
        while true {
            try element(&self)
            skipWhitespace()
            if peek() == UInt8(ascii: ",") {
                offset += 1
            } else {
                try expect(UInt8(ascii: "]"))
                return
            }
        }
    }

    /// An array, each element read by `element`.
    mutating func list<T>(_ element: (inout JSONByteReader) throws -> T) throws -> [T] {
        var elements: [T] = []
        try array { elements.append(try element(&$0)) }
        return elements
    }

    /// A string.
    mutating func string() throws -> String {
        skipWhitespace()
        try expect(UInt8(ascii: "\""))
        let start = offset
        var ascii = true
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let text = UnsafeRawBufferPointer(rebasing: bytes[start..<offset])
                offset += 1
                if ascii { return String(decoding: text, as: UTF8.self) }
                guard let valid = String(validating: text, as: UTF8.self) else { throw Unsupported() }
                return valid
            }
            if byte == UInt8(ascii: "\\") {
                offset = start
                return try escapedString()
            }
            guard byte >= 0x20 else { throw Unsupported() }
            if byte >= 0x80 { ascii = false }
            offset += 1
        }
        throw Unsupported()
    }

    /// A number as a `Double`.
    mutating func double() throws -> Double {
        let text = try numberLiteral()
        guard let value = Double(text), value.isFinite else { throw Unsupported() }
        return value
    }

    /// A number written as an integer (no fraction or exponent) that fits an `Int`.
    mutating func integer() throws -> Int {
        let text = try numberLiteral()
        guard let value = Int(text) else { throw Unsupported() }
        return value
    }

    /// Skips any value, checking it as strictly as reading it would.
    mutating func skip() throws {
        skipWhitespace()
        switch peek() {
        case UInt8(ascii: "{"): try object { _, reader in try reader.skip() }
        case UInt8(ascii: "["): try array { reader in try reader.skip() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): guard literal("true") else { throw Unsupported() }
        case UInt8(ascii: "f"): guard literal("false") else { throw Unsupported() }
        case UInt8(ascii: "n"): guard literal("null") else { throw Unsupported() }
        default: _ = try double()
        }
    }

    // MARK: - Lexing

    private mutating func enter() throws {
        depth += 1
        guard depth <= Self.depthLimit else { throw Unsupported() }
    }

    private func peek() -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8) throws {
        skipWhitespace()
        guard peek() == byte else { throw Unsupported() }
        offset += 1
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let word = UnsafeRawBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard offset + word.count <= bytes.count, bytes[offset..<offset + word.count].elementsEqual(word) else {
            return false
        }
        offset += word.count
        return true
    }

    /// A key without escapes (an escaped key is left to JSONDecoder).
    private mutating func rawKey() throws -> Key {
        try expect(UInt8(ascii: "\""))
        let start = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                let key = UnsafeRawBufferPointer(rebasing: bytes[start..<offset - 1])
                guard key.allSatisfy({ $0 < 0x80 }) || String(validating: key, as: UTF8.self) != nil else {
                    throw Unsupported()
                }
                return Key(bytes: key)
            }
            guard byte >= 0x20, byte != UInt8(ascii: "\\") else { throw Unsupported() }
            offset += 1
        }
        throw Unsupported()
    }

    /// JSON's number grammar: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
    private mutating func numberLiteral() throws -> String {
        skipWhitespace()
        let start = offset
        func digits(_ reader: inout JSONByteReader) -> Int {
            let first = reader.offset
            while let byte = reader.peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { reader.offset += 1 }
            return reader.offset - first
        }
        if peek() == UInt8(ascii: "-") { offset += 1 }
        let leadingZero = peek() == UInt8(ascii: "0")
        let integerDigits = digits(&self)
        guard integerDigits > 0, !leadingZero || integerDigits == 1 else { throw Unsupported() }
        if peek() == UInt8(ascii: ".") {
            offset += 1
            guard digits(&self) > 0 else { throw Unsupported() }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            offset += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { offset += 1 }
            guard digits(&self) > 0 else { throw Unsupported() }
        }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
    }

    /// The string at the opening quote's end, with escapes, decoded into a buffer.
    private mutating func escapedString() throws -> String {
        var decoded: [UInt8] = []
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: decoded, as: UTF8.self) else { throw Unsupported() }
                return text
            case UInt8(ascii: "\\"):
                guard let escape = peek() else { throw Unsupported() }
                offset += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"): decoded.append(contentsOf: String(try unicodeEscape()).utf8)
                default: throw Unsupported()
                }
            case 0..<0x20:
                throw Unsupported()
            default:
                decoded.append(byte)
            }
        }
        throw Unsupported()
    }

    /// The scalar of `XXXX` after `\u`, joining a surrogate pair; a lone surrogate is unsupported.
    private mutating func unicodeEscape() throws -> Unicode.Scalar {
        let first = try hexQuad()
        if let scalar = Unicode.Scalar(first) { return scalar }
        guard (0xD800..<0xDC00).contains(first), literal("\\u") else { throw Unsupported() }
        let second = try hexQuad()
        guard (0xDC00..<0xE000).contains(second),
            let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
        else { throw Unsupported() }
        return scalar
    }

    private mutating func hexQuad() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek() else { throw Unsupported() }
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Unsupported()
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }
}
