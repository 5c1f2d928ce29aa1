import Foundation
import TerminalUI

/// A job log as the server sent it, printed with control characters (escape sequences, lone
/// carriage returns) shown as stand-ins and line breaks (LF or CRLF) kept.
enum LogText {
    static func print(_ log: String) {
        let cleaned = Sanitizer.clean(log.replacingOccurrences(of: "\r\n", with: "\n"), keepingLineBreaks: true)
        Swift.print(cleaned, terminator: cleaned.hasSuffix("\n") || cleaned.isEmpty ? "" : "\n")
    }
}
