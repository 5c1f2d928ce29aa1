/// One line of `regconsole doctor`: a check of one instance, passed or failed, with a fix for a failure.
public struct DoctorCheck: Sendable, Equatable {
    /// The checks, in the order they run.
    public enum Name: String, Sendable, CaseIterable {
        case dns, tcp, tls, api, auth, read, clock, permissions
        case configMode = "config-mode"
    }

    /// What a check found: whether it passed, what it saw, and for a failure how to fix it.
    public struct Outcome: Sendable, Equatable {
        public var ok: Bool
        public var detail: String
        public var fix: String?

        /// A passed check.
        public static func passed(_ detail: String) -> Outcome { Outcome(ok: true, detail: detail, fix: nil) }

        /// A failed check and its fix.
        public static func failed(_ detail: String, fix: String) -> Outcome {
            Outcome(ok: false, detail: detail, fix: fix)
        }
    }

    /// The instance (config entry, or `ENTRY.INSTANCE` of an ACR entry) checked.
    public var instance: String
    public var name: Name
    public var outcome: Outcome

    /// Creates a check line.
    public init(instance: String, name: Name, outcome: Outcome) {
        self.instance = instance
        self.name = name
        self.outcome = outcome
    }

    public var ok: Bool { outcome.ok }
    public var detail: String { outcome.detail }
    /// How to fix a failure; nil when the check passed.
    public var fix: String? { outcome.ok ? nil : outcome.fix }
}
