/// The `cr` 2018-12-01 actions regconsole calls, with the HTTP method Alibaba's SDK uses for each.
public enum ACRAction: String, Sendable, CaseIterable {
    case listInstance = "ListInstance"
    case getInstance = "GetInstance"
    case listInstanceEndpoint = "ListInstanceEndpoint"
    case getAuthorizationToken = "GetAuthorizationToken"
    case listNamespace = "ListNamespace"
    case createNamespace = "CreateNamespace"
    case updateNamespace = "UpdateNamespace"
    case deleteNamespace = "DeleteNamespace"
    case listRepository = "ListRepository"
    case getRepository = "GetRepository"
    case createRepository = "CreateRepository"
    case updateRepository = "UpdateRepository"
    case deleteRepository = "DeleteRepository"
    case listRepoTag = "ListRepoTag"
    case getRepoTag = "GetRepoTag"
    case deleteRepoTag = "DeleteRepoTag"
    case createRepoTagScanTask = "CreateRepoTagScanTask"
    case getRepoTagScanStatus = "GetRepoTagScanStatus"
    case getRepoTagScanSummary = "GetRepoTagScanSummary"
    case listRepoTagScanResult = "ListRepoTagScanResult"
    case listArtifactLifecycleRule = "ListArtifactLifecycleRule"
    case getArtifactLifecycleRule = "GetArtifactLifecycleRule"
    case createArtifactLifecycleRule = "CreateArtifactLifecycleRule"
    case updateArtifactLifecycleRule = "UpdateArtifactLifecycleRule"
    case deleteArtifactLifecycleRule = "DeleteArtifactLifecycleRule"

    /// The API version every action belongs to.
    public static let version = "2018-12-01"

    /// GET for the few actions the SDK sends that way, POST for the rest.
    public var method: HTTPMethod {
        switch self {
        case .getRepoTag, .getArtifactLifecycleRule, .listArtifactLifecycleRule: .get
        default: .post
        }
    }

    /// Whether the action only reads: safe to retry, allowed on read-only instances.
    public var isReadOnly: Bool {
        rawValue.hasPrefix("List") || rawValue.hasPrefix("Get")
    }

    /// The RAM permission a user needs to call the action (`cr:ListRepoTag`).
    public var permission: String { "cr:\(rawValue)" }
}
