/// The internet endpoint with its access list (GetInstanceEndpoint).
struct ACRInternetEndpointRecord: Decodable, Sendable {
    struct Entry: Decodable, Sendable {
        var Entry: String
        var Comment: String?
    }

    var Enable: ACRLenientText?
    var Status: String?
    var AclEnable: ACRLenientText?
    var AclEntries: [Entry]?
    var Domains: [ACREndpointRecord.Domain]?
}
