import RegistryClient
import TerminalUI

extension FindingFilter {
    /// Parses filter-bar text; a term that does not parse is the filter bar's error.
    static func forFilterBar(_ text: String) throws(FilterQuery.InvalidPattern) -> FindingFilter {
        do throws(FindingFilter.Invalid) {
            return try FindingFilter(text)
        } catch {
            throw FilterQuery.InvalidPattern(description: error.description)
        }
    }

    /// A list-model matcher for rows that hold a triaged finding: the filter text is a finding
    /// expression (`sev>=high fixable:y`) rather than plain text.
    static func rowMatcher<Row>(
        _ entry: @escaping (Row) -> TriagedFinding
    ) -> (String) throws(FilterQuery.InvalidPattern) -> (Row) -> Bool {
        { text throws(FilterQuery.InvalidPattern) in
            let filter = try forFilterBar(text)
            return { row in
                let triaged = entry(row)
                return filter.matches(triaged.finding, suppressed: triaged.isSuppressed)
            }
        }
    }
}
