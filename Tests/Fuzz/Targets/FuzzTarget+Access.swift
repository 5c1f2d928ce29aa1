import Foundation
import RegistryClient

extension FuzzTarget {
    /// An access-list entry typed by a user: one that parses prints as a block that parses back to
    /// itself, with no host bits set.
    static let cidr = FuzzTarget(name: "cidr") { data in
        guard let block = try? CIDRBlock(text(data)) else { return }
        precondition((try? CIDRBlock(block.description)) == block, "the canonical form does not parse back")
        precondition(block.octets.count == 4 && (0...32).contains(block.prefixLength), "not an IPv4 block")
    }

    /// A request URL logged with its secret parameters masked: masking twice changes nothing, and
    /// no `Password` value survives.
    static let querySecrets = FuzzTarget(name: "query-secrets") { data in
        let url = text(data)
        let masked = URLCredentialMask.maskingSecretsInQuery(url)
        precondition(URLCredentialMask.maskingSecretsInQuery(masked) == masked, "masking is not idempotent")
        guard let question = masked.firstIndex(of: "?") else { return }
        let query = masked[masked.index(after: question)...].prefix { $0 != "#" }
        for parameter in query.split(separator: "&") where parameter.lowercased().hasPrefix("password=") {
            precondition(parameter.dropFirst("password=".count) == "***", "a password reached the log")
        }
    }
}
