/// A chain's steps and how they connect (GetChain's `ChainConfig`). Node settings may come as
/// `NodeConfig` or `node_config`; numbers may come as strings.
struct ACRChainConfigRecord: Decodable, Sendable {
    var Version: ACRLenientText?
    var IsActive: Bool?
    var Nodes: [Node]?
    var Routers: [Router]?

    struct Node: Decodable, Sendable {
        var NodeName: String
        var Enable: Bool?
        var config: Settings?

        private enum CodingKeys: String, CodingKey {
            case NodeName, Enable, NodeConfig
            case nodeConfig = "node_config"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            NodeName = try container.decode(String.self, forKey: .NodeName)
            Enable = try? container.decodeIfPresent(Bool.self, forKey: .Enable)
            config =
                (try? container.decodeIfPresent(Settings.self, forKey: .NodeConfig))
                ?? (try? container.decodeIfPresent(Settings.self, forKey: .nodeConfig))
        }
    }

    struct Settings: Decodable, Sendable {
        var DenyPolicy: DenyPolicy?
        var Retry: ACRLenientText?
        var Timeout: ACRLenientText?
        var ScanEngine: String?
    }

    struct DenyPolicy: Decodable, Sendable {
        var IssueLevel: String?
        var IssueCount: LenientInt?
        var Logic: String?
        var Action: String?
    }

    struct Router: Decodable, Sendable {
        var From: End?
        var To: End?
    }

    struct End: Decodable, Sendable {
        var NodeName: String?
    }
}
