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
    // Builds
    case listRepoBuildRule = "ListRepoBuildRule"
    case createRepoBuildRule = "CreateRepoBuildRule"
    case updateRepoBuildRule = "UpdateRepoBuildRule"
    case deleteRepoBuildRule = "DeleteRepoBuildRule"
    case createBuildRecordByRule = "CreateBuildRecordByRule"
    case createBuildRecordByRecord = "CreateBuildRecordByRecord"
    case cancelRepoBuildRecord = "CancelRepoBuildRecord"
    case listRepoBuildRecord = "ListRepoBuildRecord"
    case getRepoBuildRecord = "GetRepoBuildRecord"
    case getRepoBuildRecordStatus = "GetRepoBuildRecordStatus"
    case listRepoBuildRecordLog = "ListRepoBuildRecordLog"
    case getRepoSourceCodeRepo = "GetRepoSourceCodeRepo"
    case createRepoSourceCodeRepo = "CreateRepoSourceCodeRepo"
    case updateRepoSourceCodeRepo = "UpdateRepoSourceCodeRepo"
    // Triggers and the event center
    case listRepoTrigger = "ListRepoTrigger"
    case createRepoTrigger = "CreateRepoTrigger"
    case updateRepoTrigger = "UpdateRepoTrigger"
    case deleteRepoTrigger = "DeleteRepoTrigger"
    case listEventCenterRuleName = "ListEventCenterRuleName"
    case updateEventCenterRule = "UpdateEventCenterRule"
    case deleteEventCenterRule = "DeleteEventCenterRule"
    case listEventCenterRecord = "ListEventCenterRecord"
    // Delivery chains
    case listChain = "ListChain"
    case getChain = "GetChain"
    case createChain = "CreateChain"
    case updateChain = "UpdateChain"
    case deleteChain = "DeleteChain"
    case listChainInstance = "ListChainInstance"
    // Replication and subscriptions
    case createRepoSyncRule = "CreateRepoSyncRule"
    case listRepoSyncRule = "ListRepoSyncRule"
    case deleteRepoSyncRule = "DeleteRepoSyncRule"
    case createRepoSyncTaskByRule = "CreateRepoSyncTaskByRule"
    case createRepoSyncTask = "CreateRepoSyncTask"
    case getRepoSyncTask = "GetRepoSyncTask"
    case listRepoSyncTask = "ListRepoSyncTask"
    case cancelRepoSyncTask = "CancelRepoSyncTask"
    case createArtifactSubscriptionRule = "CreateArtifactSubscriptionRule"
    case updateArtifactSubscriptionRule = "UpdateArtifactSubscriptionRule"
    case deleteArtifactSubscriptionRule = "DeleteArtifactSubscriptionRule"
    case listArtifactSubscriptionRule = "ListArtifactSubscriptionRule"
    case createArtifactSubscriptionTask = "CreateArtifactSubscriptionTask"
    case getArtifactSubscriptionTask = "GetArtifactSubscriptionTask"
    case listArtifactSubscriptionTask = "ListArtifactSubscriptionTask"
    // Access and capacity
    case getInstanceEndpoint = "GetInstanceEndpoint"
    case updateInstanceEndpointStatus = "UpdateInstanceEndpointStatus"
    case createInstanceEndpointAclPolicy = "CreateInstanceEndpointAclPolicy"
    case deleteInstanceEndpointAclPolicy = "DeleteInstanceEndpointAclPolicy"
    case getInstanceVpcEndpoint = "GetInstanceVpcEndpoint"
    case resetLoginPassword = "ResetLoginPassword"
    case getInstanceUsage = "GetInstanceUsage"

    /// The API version every action belongs to.
    public static let version = "2018-12-01"

    /// GET for the few actions the SDK sends that way, POST for the rest.
    public var method: HTTPMethod {
        switch self {
        case .getRepoTag, .getArtifactLifecycleRule, .listArtifactLifecycleRule, .listEventCenterRuleName,
            .listEventCenterRecord, .listArtifactSubscriptionRule, .getArtifactSubscriptionTask,
            .listArtifactSubscriptionTask:
            .get
        default: .post
        }
    }

    /// Whether the action only reads: safe to retry, allowed on read-only instances.
    public var isReadOnly: Bool {
        rawValue.hasPrefix("List") || rawValue.hasPrefix("Get")
    }

    /// The RAM permission a user needs to call the action (`cr:ListRepoTag`). Several actions are
    /// authorised under another name (`CreateRepoTrigger` needs `cr:CreateWebHook`).
    public var permission: String {
        switch self {
        case .listRepoBuildRule: "cr:ListRepositoryBuildRule"
        case .createRepoBuildRule: "cr:CreateRepositoryBuildRule"
        case .updateRepoBuildRule: "cr:UpdateRepositoryBuildRule"
        case .deleteRepoBuildRule: "cr:DeleteRepositoryBuildRule"
        case .listRepoBuildRecord: "cr:ListRepositoryBuild"
        case .getRepoBuildRecord: "cr:GetRepositoryBuildRecord"
        case .listRepoBuildRecordLog: "cr:GetRepositoryBuildLog"
        case .createRepoSourceCodeRepo: "cr:CreateSourceRepository"
        case .updateRepoSourceCodeRepo: "cr:UpdateSourceRepository"
        case .createRepoTrigger: "cr:CreateWebHook"
        case .listRepoTrigger: "cr:GetWebHookLog"
        case .createRepoSyncRule: "cr:CreateSyncRule"
        case .listRepoSyncRule: "cr:ListSyncRule"
        case .createRepoSyncTaskByRule: "cr:PullRepository"
        case .getRepoSyncTask, .listRepoSyncTask: "cr:GetRepositorySync"
        default: "cr:\(rawValue)"
        }
    }
}
