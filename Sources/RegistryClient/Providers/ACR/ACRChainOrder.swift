/// Puts a chain's nodes in pipeline order: along the routers from the node nothing leads to,
/// depth first, each node once; nodes no router reaches follow in their listed order.
enum ACRChainOrder {
    static func nodes(_ config: ACRChainConfigRecord) -> [ChainNode] {
        let listed = config.Nodes ?? []
        var next: [String: [String]] = [:]
        var reached: Set<String> = []
        for router in config.Routers ?? [] {
            guard let from = router.From?.NodeName, let to = router.To?.NodeName else { continue }
            next[from, default: []].append(to)
            reached.insert(to)
        }
        var ordered: [String] = []
        var seen: Set<String> = []
        func visit(_ name: String) {
            guard seen.insert(name).inserted else { return }
            ordered.append(name)
            for following in next[name] ?? [] { visit(following) }
        }
        for node in listed where !reached.contains(node.NodeName) { visit(node.NodeName) }
        for node in listed { visit(node.NodeName) }
        let byName = Dictionary(listed.map { ($0.NodeName, $0) }, uniquingKeysWith: { first, _ in first })
        return ordered.compactMap { byName[$0] }.map(node)
    }

    private static func node(_ record: ACRChainConfigRecord.Node) -> ChainNode {
        let settings = record.config
        let policy = settings?.DenyPolicy.map {
            ChainNode.DenyPolicy(
                issueLevel: $0.IssueLevel, issueCount: $0.IssueCount?.value, logic: $0.Logic, action: $0.Action)
        }
        var extra: [String: String] = [:]
        extra["Retry"] = settings?.Retry?.text
        extra["Timeout"] = settings?.Timeout?.text
        extra["ScanEngine"] = settings?.ScanEngine
        return ChainNode(name: record.NodeName, enabled: record.Enable ?? true, denyPolicy: policy, settings: extra)
    }
}
