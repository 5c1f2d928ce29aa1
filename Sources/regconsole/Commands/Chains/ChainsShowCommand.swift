import ArgumentParser
import Foundation
import RegistryClient
import TerminalUI

/// `regconsole chains show INSTANCE CHAIN`.
struct ChainsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a delivery chain: its scope and its steps as a pipeline, with the scan's deny policy.",
        discussion: "JSON gives the chain as one object with its nodes; CSV gives one row per node.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ACR instance.", completion: Completions.instance)
    var instance: String
    @Argument(help: "The chain's id or name (see `chains list`).")
    var chain: String
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let target = try await DeliveryTarget.chains(instance, context: context)
        let listed = try await target.chain(named: chain)
        let chain = try await target.naming("delivery chain", chain, listedBy: "chains list") {
            try await target.provider.chain(id: listed.id)
        }
        switch format.output {
        case .table: print(Self.text(chain), terminator: "")
        case .json: Self.json(chain).print()
        case .csv: Self.nodeRecords(chain).print(as: .csv)
        }
    }

    /// The chain for people: facts, then the enabled steps as one pipeline and the disabled ones.
    static func text(_ chain: DeliveryChain) -> String {
        var lines: [(String, String)] = [("chain", "\(chain.name) (\(chain.id))")]
        if let description = chain.description, !description.isEmpty { lines.append(("description", description)) }
        let scope = [chain.scopeType, chain.repository ?? chain.namespace].compactMap { $0 }.joined(separator: " ")
        if !scope.isEmpty { lines.append(("scope", scope)) }
        if !chain.excluded.isEmpty { lines.append(("excluded", chain.excluded.joined(separator: ", "))) }
        if let isActive = chain.isActive {
            lines.append(
                ("state", (isActive ? "active" : "inactive") + (chain.version.map { ", version \($0)" } ?? "")))
        }
        let nodes = chain.nodes ?? []
        let enabled = nodes.filter(\.enabled).map { "[\($0.summary)]" }
        lines.append(("pipeline", enabled.isEmpty ? "-" : enabled.joined(separator: " → ")))
        let disabled = nodes.filter { !$0.enabled }.map(\.shortName)
        if !disabled.isEmpty { lines.append(("disabled", disabled.joined(separator: ", "))) }
        let width = lines.map(\.0.count).max() ?? 0
        return lines.map { label, value in
            label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + Sanitizer.clean(value) + "\n"
        }.joined()
    }

    /// The chain as one object; keys the server did not give are left out.
    static func json(_ chain: DeliveryChain) -> JSONValue {
        var fields: [(String, JSONValue)] = [("id", .string(chain.id)), ("name", .string(chain.name))]
        func add(_ key: String, _ value: String?) { if let value { fields.append((key, .string(value))) } }
        add("description", chain.description)
        add("scopeType", chain.scopeType)
        add("namespace", chain.namespace)
        add("repository", chain.repository)
        fields.append(("excluded", .array(chain.excluded.map { .string($0) })))
        add("version", chain.version)
        if let isActive = chain.isActive { fields.append(("isActive", .bool(isActive))) }
        if let nodes = chain.nodes { fields.append(("nodes", .array(nodes.map(node)))) }
        return .object(fields)
    }

    private static func node(_ node: ChainNode) -> JSONValue {
        var fields: [(String, JSONValue)] = [("name", .string(node.name)), ("enabled", .bool(node.enabled))]
        if let policy = node.denyPolicy {
            var deny: [(String, JSONValue)] = []
            if let level = policy.issueLevel { deny.append(("issueLevel", .string(level))) }
            if let count = policy.issueCount { deny.append(("issueCount", .number(Int64(count)))) }
            if let logic = policy.logic { deny.append(("logic", .string(logic))) }
            if let action = policy.action { deny.append(("action", .string(action))) }
            fields.append(("denyPolicy", .object(deny)))
        }
        if !node.settings.isEmpty {
            fields.append(
                ("settings", .object(node.settings.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
        }
        return .object(fields)
    }

    /// One row per step, in pipeline order.
    static func nodeRecords(_ chain: DeliveryChain) -> RecordSet {
        var records = RecordSet(columns: [
            .init(key: "name", header: "NODE"), .init(key: "enabled", header: "ENABLED"),
            .init(key: "issueLevel", header: "LEVEL"), .init(key: "issueCount", header: "COUNT"),
            .init(key: "logic", header: "LOGIC"), .init(key: "action", header: "ACTION"),
        ])
        for node in chain.nodes ?? [] {
            let policy = node.denyPolicy
            records.rows.append([
                .text(node.name), .flag(node.enabled), .text(policy?.issueLevel),
                .integer(policy?.issueCount.map(Int64.init)), .text(policy?.logic), .text(policy?.action),
            ])
        }
        return records
    }
}
