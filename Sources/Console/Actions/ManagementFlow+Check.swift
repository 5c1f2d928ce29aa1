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

    /// Why `pattern` is not a regular expression, with the compiler's reason; nil when it compiles.
    func regularExpressionProblem(_ pattern: String) -> String? {
        guard !pattern.isEmpty else { return context.catalog[.valueRequired] }
        do {
            _ = try Regex(pattern)
            return nil
        } catch {
            return context.catalog[.errorRegexp, String(describing: error)]
        }
    }

    /// Why `url` is not an http or https URL with a host; nil when it is.
    func webURLProblem(_ url: String) -> String? {
        problem { try RepositoryTrigger.requireWebURL(url) }.map { _ in context.catalog[.errorWebURL] }
    }

    /// The option chosen in the choice field `id`, within `0..<count`.
    func choice(in form: Form, id: String, count: Int) -> Int {
        guard case .choice(_, let selected)? = form[id]?.value, (0..<count).contains(selected) else { return 0 }
        return selected
    }
}
