/// An Alibaba Cloud AccessKey (optionally an STS token) and where it came from. Never printed.
public struct AlibabaCredential: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    public var accessKeyID: String
    public var accessKeySecret: String
    public var securityToken: String?
    /// Where it was found, for the instances pane: "environment ($ALIBABA_CLOUD_ACCESS_KEY_ID)",
    /// "~/.aliyun/config.json profile 'default' (AK)", "~/.alibabacloud/credentials [default]" …
    public var source: String

    /// Creates a credential.
    public init(accessKeyID: String, accessKeySecret: String, securityToken: String? = nil, source: String) {
        self.accessKeyID = accessKeyID
        self.accessKeySecret = accessKeySecret
        self.securityToken = securityToken
        self.source = source
    }

    /// The key id with all but its first 4 and last 4 characters masked (LTAI****abcd); ids shorter
    /// than 12 characters are fully masked (****).
    public var maskedKeyID: String {
        guard accessKeyID.count >= 12 else { return "****" }
        return "\(accessKeyID.prefix(4))****\(accessKeyID.suffix(4))"
    }

    /// `LTAI****abcd (STS token) from <source>`, without the secret or the token.
    public var description: String {
        "\(maskedKeyID)\(securityToken == nil ? "" : " (STS token)") from \(source)"
    }

    /// The fields with the secret and the token redacted.
    public var debugDescription: String {
        let token = securityToken == nil ? "nil" : "<redacted>"
        return "AlibabaCredential(accessKeyID: \(maskedKeyID), accessKeySecret: <redacted>, securityToken: \(token), "
            + "source: \(source))"
    }

    /// What `dump` and debuggers show: the same redacted fields.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "accessKeyID": maskedKeyID, "accessKeySecret": "<redacted>",
                "securityToken": securityToken == nil ? "nil" : "<redacted>", "source": source,
            ],
            displayStyle: .struct)
    }
}
