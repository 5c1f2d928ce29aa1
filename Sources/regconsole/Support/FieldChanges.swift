import Foundation
import TerminalUI

/// What an update changes, field by field (`tag: v1 → v2`), shown on standard error before the
/// change is made.
struct FieldChanges {
    private var lines: [String] = []

    /// Whether no field changes.
    var isEmpty: Bool { lines.isEmpty }

    /// Notes `field` when `new` differs from `old`.
    mutating func compare(_ field: String, _ old: String, _ new: String) {
        guard old != new else { return }
        lines.append("  \(field): \(old.isEmpty ? "(none)" : old) → \(new.isEmpty ? "(none)" : new)")
    }

    /// Writes `subject:` and the changed fields on standard error, sanitized.
    func show(_ subject: String) {
        let text = ([subject + ":"] + lines).map { Sanitizer.clean($0) + "\n" }.joined()
        FileHandle.standardError.write(Data(text.utf8))
    }
}
