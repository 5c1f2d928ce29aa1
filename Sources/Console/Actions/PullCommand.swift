import TerminalUI

/// The `docker pull` command the copy keys put on the clipboard. Names come from the registry, so
/// the reference is quoted for POSIX shells when it holds anything but plain reference characters;
/// one with control or bidi characters, which quoting cannot make visible, is not copied at all.
enum PullCommand {
    /// `docker pull REFERENCE`, quoted as needed; nil when `reference` holds control characters.
    static func text(for reference: String) -> String? {
        guard !reference.unicodeScalars.contains(where: Sanitizer.needsReplacement) else { return nil }
        return "docker pull " + quoted(reference)
    }

    /// `word` as one POSIX shell word: as it is when every character is plain (letters, digits,
    /// `@%+=:,./_-`), else in single quotes with each `'` written as `'\''`.
    static func quoted(_ word: String) -> String {
        let plain =
            !word.isEmpty
            && word.utf8.allSatisfy { byte in
                let letter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
                return letter || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || "@%+=:,./_-".utf8.contains(byte)
            }
        if plain { return word }
        return "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
