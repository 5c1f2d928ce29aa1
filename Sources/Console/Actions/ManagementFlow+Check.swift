import RegistryClient
import TerminalUI

/// Checks forms share: a client check's complaint as a field error, a choice's index.
extension ManagementFlow {
    /// What `check` throws, in the user's language (a compiler's complaint included); nil when
    /// it passes.
    func problem(_ check: () throws -> Void) -> String? {
        do {
            try check()
            return nil
        } catch {
            return context.catalog.describe(error)
        }
    }

    /// The option chosen in the choice field `id`, within `0..<count`.
    func choice(in form: Form, id: String, count: Int) -> Int {
        guard case .choice(_, let selected)? = form[id]?.value, (0..<count).contains(selected) else { return 0 }
        return selected
    }
}
