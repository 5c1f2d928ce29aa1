/// A namespace (GetNamespaceList lists the first three fields; GetNamespace adds the settings).
struct ACRPersonalNamespaceRecord: Decodable, Sendable {
    var namespace: String
    var authorizeType: String?
    var namespaceStatus: String?
    var defaultVisibility: String?
    var autoCreate: ACRLenientText?
}

/// GetNamespace's `data`: `{"namespace":{…}}`.
struct ACRPersonalNamespaceDetail: Decodable, Sendable {
    var namespace: ACRPersonalNamespaceRecord
}

/// GetNamespaceList's `data`.
struct ACRPersonalNamespaceList: Decodable, Sendable {
    var namespaces: [ACRPersonalNamespaceRecord]
}
