import Foundation

/// Pretty-prints JSON text into styled lines (keys, strings, numbers, literals), keeping the
/// document's key order. It works token by token, so broken JSON is still shown, never dropped.
public enum JSONHighlighter {
    /// The document as indented, highlighted lines.
    public static func lines(_ data: Data) -> [StyledLine] {
        let scalars = Array(String(decoding: data, as: UTF8.self).unicodeScalars)
        var output: [StyledLine] = []
        var current: [StyledLine.Run] = []
        var depth = 0
        var index = 0
        var pendingBreak = false

        func breakLine() {
            output.append(StyledLine(current))
            current = [StyledLine.Run(String(repeating: "  ", count: depth))]
        }
        func startValue() {
            if pendingBreak {
                breakLine()
                pendingBreak = false
            }
        }

        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case " ", "\n", "\r", "\t":
                index += 1
            case "{", "[":
                startValue()
                let close: Unicode.Scalar = scalar == "{" ? "}" : "]"
                var next = index + 1
                while next < scalars.count, [" ", "\n", "\r", "\t"].contains(scalars[next]) { next += 1 }
                if next < scalars.count, scalars[next] == close {
                    current.append(.init(String(scalar) + String(close)))
                    index = next + 1
                } else {
                    current.append(.init(String(scalar)))
                    depth += 1
                    pendingBreak = true
                    index += 1
                }
            case "}", "]":
                depth = max(0, depth - 1)
                pendingBreak = false
                breakLine()
                current.append(.init(String(scalar)))
                index += 1
            case ",":
                current.append(.init(","))
                pendingBreak = true
                index += 1
            case ":":
                current.append(.init(": "))
                index += 1
            case "\"":
                startValue()
                var end = index + 1
                while end < scalars.count, scalars[end] != "\"" { end += scalars[end] == "\\" ? 2 : 1 }
                end = min(end, scalars.count - 1)
                let text = String(String.UnicodeScalarView(scalars[index...end]))
                var after = end + 1
                while after < scalars.count, [" ", "\n", "\r", "\t"].contains(scalars[after]) { after += 1 }
                let isKey = after < scalars.count && scalars[after] == ":"
                current.append(.init(text, isKey ? .jsonKey : .jsonString))
                index = end + 1
            default:
                startValue()
                var end = index
                while end < scalars.count, !" \n\r\t,:{}[]\"".unicodeScalars.contains(scalars[end]) { end += 1 }
                end = max(end, index + 1)
                let token = String(String.UnicodeScalarView(scalars[index..<end]))
                current.append(.init(token, ["true", "false", "null"].contains(token) ? .jsonLiteral : .jsonNumber))
                index = end
            }
        }
        if !current.isEmpty && !(current.count == 1 && current[0].text.trimmingCharacters(in: .whitespaces).isEmpty) {
            output.append(StyledLine(current))
        }
        return output
    }
}
