import RegistryClient
import TerminalUI

extension AuditEventFilter {
    /// The audit pane's filter-bar text: `user:NAME op:OPERATION resource:TEXT type:TYPE`, terms
    /// apart by spaces; a bare word is part of a resource name. An unknown key is the bar's error.
    init(filterBar text: String) throws(FilterQuery.InvalidPattern) {
        self.init()
        for term in text.split(separator: " ") {
            let parts = term.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else {
                resource = String(term)
                continue
            }
            let value = parts[1].isEmpty ? nil : parts[1]
            switch parts[0].lowercased() {
            case "user", "username": user = value
            case "op", "operation": operation = value
            case "resource": resource = value
            case "type", "resource_type": resourceType = value
            default: throw FilterQuery.InvalidPattern(description: "\(parts[0]): use user, op, resource or type")
            }
        }
    }
}
