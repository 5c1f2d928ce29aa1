import Foundation

/// Suppressions as an OpenVEX v0.2.0 document, for Trivy (`--vex`), Grype and other tools.
public enum OpenVEX {
    /// The document for `suppressions` of the registry at `host`.
    public static func document(
        _ suppressions: [Suppression], host: String, author: String, now: Date = Date()
    ) throws -> Data {
        let statements: [[String: Any]] = suppressions.map { suppression in
            var product: [String: Any] = ["@id": productID(suppression.scope, host: host)]
            if let package = suppression.package { product["subcomponents"] = [["@id": package]] }
            var statement: [String: Any] = [
                "vulnerability": ["name": suppression.vulnerability],
                "products": [product],
                "timestamp": RFC3339.format(suppression.created),
            ]
            var notes = "owner: \(suppression.owner)"
            if let expires = suppression.expires { notes += "; expires: \(RFC3339.format(expires))" }
            statement["status_notes"] = notes
            switch suppression.status {
            case .notAffected:
                statement["status"] = "not_affected"
                statement["justification"] = suppression.justification ?? "vulnerable_code_not_in_execute_path"
                statement["impact_statement"] = suppression.reason
            case .accepted:
                statement["status"] = "affected"
                statement["action_statement"] = "Risk accepted: \(suppression.reason)"
            }
            return statement
        }
        let document: [String: Any] = [
            "@context": "https://openvex.dev/ns/v0.2.0",
            "@id": "https://regconsole.invalid/vex/\(host)/\(Int(now.timeIntervalSince1970))",
            "author": author,
            "timestamp": RFC3339.format(now),
            "version": 1,
            "tooling": "regconsole",
            "statements": statements,
        ]
        return try JSONSerialization.data(
            withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// An image reference for the scope: `host/repo@digest`, `host/repo`, `host/namespace/*`, `host/*`.
    private static func productID(_ scope: Suppression.Scope, host: String) -> String {
        switch scope {
        case .artifact(let repository, let digest): "\(host)/\(repository)@\(digest)"
        case .repository(let repository): "\(host)/\(repository)"
        case .namespace(let namespace): "\(host)/\(namespace)/*"
        case .instance: "\(host)/*"
        }
    }
}
