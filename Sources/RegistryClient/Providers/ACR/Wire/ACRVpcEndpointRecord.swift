/// The VPC endpoint and its linked VPCs (GetInstanceVpcEndpoint; its domains are plain strings).
struct ACRVpcEndpointRecord: Decodable, Sendable {
    struct LinkedVpc: Decodable, Sendable {
        var VpcId: String
        var VswitchId: String?
        var Ip: String?
        var Status: String?
        var DefaultAccess: ACRLenientText?
        var Issue: String?
    }

    var Enable: ACRLenientText?
    var Domains: [String]?
    var LinkedVpcs: [LinkedVpc]?
}
