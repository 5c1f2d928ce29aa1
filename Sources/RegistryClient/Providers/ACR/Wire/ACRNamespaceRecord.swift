/// A namespace (ListNamespace, GetNamespace).
struct ACRNamespaceRecord: Decodable, Sendable {
    var NamespaceId: String?
    var NamespaceName: String
    var NamespaceStatus: String?
    var AutoCreateRepo: Bool?
    var DefaultRepoType: String?
}
