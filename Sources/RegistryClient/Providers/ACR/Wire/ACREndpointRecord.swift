/// One access endpoint of an instance (ListInstanceEndpoint): internet or VPC, with its domains.
struct ACREndpointRecord: Decodable, Sendable {
    struct Domain: Decodable, Sendable {
        var Domain: String
        var `Type`: String?
    }

    var EndpointType: String?
    var Enable: Bool?
    var Status: String?
    var Domains: [Domain]?
}
