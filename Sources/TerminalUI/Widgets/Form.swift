/// A vertical form of labelled fields with validation messages; Tab moves between fields.
public struct Form: Sendable {
    /// What a field holds.
    public enum Value: Sendable, Equatable {
        case text(LineEditor)
        case toggle(Bool)
        case choice([String], selected: Int)
        /// Text typed without echo (a password): drawn as one bullet per character.
        case secret(LineEditor)
    }

    /// One field.
    public struct Field: Sendable {
        /// The key the owner reads the field by.
        public var id: String
        public var label: String
        public var value: Value
        /// A problem with the current value, shown under the field.
        public var error: String?
        /// A hint shown when there is no error.
        public var hint: String?

        public init(id: String, label: String, value: Value, hint: String? = nil) {
            self.id = id
            self.label = label
            self.value = value
            self.hint = hint
        }

        /// The value as text (`true`/`false` for toggles, the chosen option for choices).
        public var text: String {
            switch value {
            case .text(let editor), .secret(let editor): editor.text
            case .toggle(let on): on ? "true" : "false"
            case .choice(let options, let selected): options.indices.contains(selected) ? options[selected] : ""
            }
        }
    }

    public var fields: [Field]
    public private(set) var focus = 0

    public init(fields: [Field]) { self.fields = fields }

    /// The field with that id.
    public subscript(id: String) -> Field? {
        get { fields.first { $0.id == id } }
        set {
            guard let newValue, let index = fields.firstIndex(where: { $0.id == id }) else { return }
            fields[index] = newValue
        }
    }

    /// Handles a key; returns true when a field's value changed (time to validate again).
    public mutating func handle(_ key: Key) -> Bool {
        guard !fields.isEmpty else { return false }
        switch key {
        case .tab, .down:
            focus = (focus + 1) % fields.count
            return false
        case .backTab, .up:
            focus = (focus + fields.count - 1) % fields.count
            return false
        default:
            break
        }
        switch fields[focus].value {
        case .text(var editor):
            guard editor.handle(key) else { return false }
            fields[focus].value = .text(editor)
        case .secret(var editor):
            guard editor.handle(key) else { return false }
            fields[focus].value = .secret(editor)
        case .toggle(let on):
            guard key == .character(" ") || key == .left || key == .right else { return false }
            fields[focus].value = .toggle(!on)
        case .choice(let options, let selected):
            switch key {
            case .right, .character(" "):
                fields[focus].value = .choice(options, selected: (selected + 1) % max(1, options.count))
            case .left:
                fields[focus].value = .choice(options, selected: (selected + options.count - 1) % max(1, options.count))
            default: return false
            }
        }
        return true
    }

    /// Whether no field has an error.
    public var isValid: Bool { fields.allSatisfy { $0.error == nil } }

    /// Draws the fields, two lines each (value, then error or hint).
    @MainActor
    public func draw(on surface: any Surface, in rect: Rect, theme: Theme) {
        let labelWidth = min(rect.columns / 2, (fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2)
        for (index, field) in fields.enumerated() {
            let row = rect.row + index * 2
            guard row < rect.bottom else { return }
            let focused = index == focus
            surface.draw(
                field.label, at: Point(row: row, column: rect.column), style: theme[focused ? .title : .text],
                width: labelWidth)
            let valueColumn = rect.column + labelWidth
            let valueWidth = rect.columns - labelWidth
            switch field.value {
            case .text(let editor):
                if focused {
                    editor.draw(
                        on: surface, at: Point(row: row, column: valueColumn), width: valueWidth, prefix: "",
                        prefixStyle: theme[.prompt], style: theme[.promptInput])
                } else {
                    surface.draw(
                        editor.text.isEmpty ? "—" : editor.text, at: Point(row: row, column: valueColumn),
                        style: theme[editor.text.isEmpty ? .muted : .text], width: valueWidth)
                }
            case .secret(let editor):
                surface.draw(
                    String(repeating: "•", count: editor.text.count), at: Point(row: row, column: valueColumn),
                    style: theme[focused ? .promptInput : .text], width: valueWidth)
            case .toggle(let on):
                surface.draw(
                    on ? "[x]" : "[ ]", at: Point(row: row, column: valueColumn),
                    style: theme[focused ? .buttonFocus : .text])
            case .choice:
                surface.draw(
                    "‹ \(field.text) ›", at: Point(row: row, column: valueColumn),
                    style: theme[focused ? .buttonFocus : .text], width: valueWidth)
            }
            if row + 1 < rect.bottom, let message = field.error ?? field.hint {
                surface.draw(
                    message, at: Point(row: row + 1, column: valueColumn),
                    style: theme[field.error != nil ? .error : .muted], width: valueWidth)
            }
        }
    }
}
