/// The fields every ACR answer carries beside its own: success or error alike.
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
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        requestID = try? container.decodeIfPresent(String.self, forKey: .requestID)
        code = try? container.decodeIfPresent(ACRCode.self, forKey: .code)
        message = try? container.decodeIfPresent(String.self, forKey: .message)
        isSuccess = try? container.decodeIfPresent(Bool.self, forKey: .isSuccess)
        accessDeniedDetail = try? container.decodeIfPresent(AccessDenied.self, forKey: .accessDeniedDetail)
        recommend = try? container.decodeIfPresent(String.self, forKey: .recommend)
    }
}
