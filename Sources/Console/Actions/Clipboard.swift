import Foundation

/// Copying through the terminal with OSC 52, which works over SSH. Inside tmux the sequence is
/// also sent wrapped for passthrough, so it reaches the outer terminal when tmux allows it.
enum Clipboard {
    /// The escape sequence(s) that put `text` on the clipboard.
    static func sequence(for text: String, environment: [String: String]) -> String {
        let osc = "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}"
        guard environment["TMUX"] != nil else { return osc }
        let escaped = osc.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}")
        return osc + "\u{1B}Ptmux;\(escaped)\u{1B}\\"
    }
}
