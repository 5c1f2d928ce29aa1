import Foundation

/// A decision that a vulnerability does not need action — not affected, or accepted as a risk —
/// with a reason, an owner and usually an expiry. Suppressed findings are hidden but always counted;
/// after the expiry they come back, flagged.
public struct Suppression: Codable, Sendable, Identifiable, Equatable {
    /// The decision, as OpenVEX words it.
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// The vulnerability cannot be exploited here (OpenVEX `not_affected`).
        case notAffected = "not_affected"
        /// The risk is known and accepted for now (OpenVEX `affected` with an action statement).
        case accepted
    }

    /// What the suppression covers.
    public enum Scope: Codable, Sendable, Hashable, CustomStringConvertible {
        /// One image (by digest) in one repository.
        case artifact(repository: String, digest: Digest)
        case repository(String)
        case namespace(String)
        /// Everything on the instance.
        case instance

        public var description: String {
            switch self {
            case .artifact(let repository, let digest): "\(repository)@\(digest.short)"
            case .repository(let repository): repository
            case .namespace(let namespace): "\(namespace)/*"
            case .instance: "*"
            }
        }

        /// Whether an image is inside the scope.
        public func covers(repository: String, digest: Digest?) -> Bool {
            switch self {
            case .artifact(let scoped, let scopedDigest): scoped == repository && scopedDigest == digest
            case .repository(let scoped): scoped == repository
            case .namespace(let scoped): Namespace.of(repository: repository) == scoped
            case .instance: true
            }
        }
    }

    public var id: String
    /// The vulnerability id (aliases of a finding match too).
    public var vulnerability: String
    /// The package, or nil for every package.
    public var package: String?
    public var scope: Scope
    public var status: Status
    /// OpenVEX justification for `not_affected` (e.g. `vulnerable_code_not_in_execute_path`).
    public var justification: String?
    public var reason: String
    public var owner: String
    public var created: Date
    public var expires: Date?

    /// Creates a suppression with a fresh id.
    public init(
        vulnerability: String, package: String? = nil, scope: Scope, status: Status, justification: String? = nil,
        reason: String,
        owner: String, created: Date = Date(), expires: Date? = nil
    ) {
        self.id = UUID().uuidString.lowercased()
        self.vulnerability = vulnerability
        self.package = package
        self.scope = scope
        self.status = status
        self.justification = justification
        self.reason = reason
        self.owner = owner
        self.created = created
        self.expires = expires
    }

    /// Whether it names this finding in this image (expiry aside).
    public func matches(_ finding: Finding, repository: String, digest: Digest?) -> Bool {
        (finding.vulnerability == vulnerability || finding.aliases.contains(vulnerability))
            && (package == nil || package == finding.package)
            && scope.covers(repository: repository, digest: digest)
    }

    /// Whether it has run out.
    public func isExpired(at now: Date) -> Bool { expires.map { $0 <= now } ?? false }
}
