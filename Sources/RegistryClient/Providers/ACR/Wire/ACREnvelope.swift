/// The fields every ACR answer carries beside its own: success or error alike. Personal Edition
/// answers spell them in lower camel case (`code`, `message`, `requestId`), read as well.
struct ACREnvelope: Decodable, Sendable {
    var requestID: String?
    var code: ACRCode?
    var message: String?
    var isSuccess: Bool?
    /// Which permission was missing and which policy denied it (NoPrivilege).
    var accessDeniedDetail: AccessDenied?
    var recommend: String?

    /// `AccessDeniedDetail`: Alibaba Cloud's account of a RAM denial.
    struct AccessDenied: Decodable, Sendable {
        var AuthAction: String?
        var NoPermissionType: String?
        var PolicyType: String?
    }

    private enum CodingKeys: String, CodingKey {
        case requestID = "RequestId"
        case code = "Code"
        case message = "Message"
        case isSuccess = "IsSuccess"
        case accessDeniedDetail = "AccessDeniedDetail"
        case recommend = "Recommend"
        case lowerRequestID = "requestId"
        case lowerCode = "code"
        case lowerMessage = "message"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func text(_ key: CodingKeys, _ lower: CodingKeys) -> String? {
            (try? container.decodeIfPresent(String.self, forKey: key))
                ?? (try? container.decodeIfPresent(String.self, forKey: lower))
        }
        requestID = text(.requestID, .lowerRequestID)
        code =
            (try? container.decodeIfPresent(ACRCode.self, forKey: .code))
            ?? (try? container.decodeIfPresent(ACRCode.self, forKey: .lowerCode))
        message = text(.message, .lowerMessage)
        isSuccess = try? container.decodeIfPresent(Bool.self, forKey: .isSuccess)
        accessDeniedDetail = try? container.decodeIfPresent(AccessDenied.self, forKey: .accessDeniedDetail)
        recommend = try? container.decodeIfPresent(String.self, forKey: .recommend)
    }
}
