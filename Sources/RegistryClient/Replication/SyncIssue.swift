/// Why an ACR sync task failed (`TaskIssue`), with what to do about it.
public struct SyncIssue: Sendable, Hashable, CustomStringConvertible {
    /// The code as ACR sent it (`TAG_CONFLICT`).
    public var code: String

    /// Wraps a code.
    public init(_ code: String) { self.code = code }

    /// What happened and what to do, in one sentence.
    public var description: String {
        switch code.uppercased() {
        case "TAG_CONFLICT":
            "the target tag exists and is immutable: delete it on the target, or turn off tag immutability there"
        case "OSS_POLICY_UNAUTHORIZED":
            "the target instance may not write to its storage: grant ACR's service role access to the target's OSS bucket"
        case "UNSUPPORTED_FORMAT":
            "the image's format cannot be replicated: push it as an OCI or Docker v2 image"
        case "DATA_LENGTH_EXCEEDED":
            "the manifest or config is too large to replicate: slim the image metadata"
        case "NETWORK_ERROR":
            "the network between the instances failed: run the sync again; check the link for custom links"
        case "INTERNAL_ERROR":
            "ACR failed internally: run the sync again; if it persists, open a ticket with the task id"
        default:
            "ACR reported \(code)"
        }
    }
}
