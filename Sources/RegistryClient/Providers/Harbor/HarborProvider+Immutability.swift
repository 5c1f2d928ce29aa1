/// Tag immutability rules (`/projects/{project_name_or_id}/immutabletagrules`).
extension HarborProvider: ImmutabilityManaging {
    public func immutableRules(project: String) async throws -> [HarborImmutableRule] {
        let pages: AsyncThrowingStream<[HarborRetentionRuleRecord], any Error> = client.pages(
            Self.immutableRules(project), headers: ["X-Is-Resource-Name": "true"],
            operation: "listing immutability rules of \(project)")
        return try await pages.collect().map(\.immutableRule)
    }

    public func saveImmutableRule(_ rule: HarborImmutableRule, project: String) async throws -> HarborImmutableRule {
        try instance.requireWritable(to: "change immutability rules")
        var saved = rule
        if let id = rule.id {
            // Harbor wants the path's id repeated in the body.
            try await client.send(
                .put, Self.immutableRules(project).appending(name: String(id)), json: HarborRetentionRuleRecord(rule),
                operation: "saving immutability rule \(id) of \(project)")
        } else {
            let result = try await client.send(
                .post, Self.immutableRules(project), json: HarborRetentionRuleRecord(rule),
                operation: "creating an immutability rule in \(project)")
            saved.id = result.createdID.flatMap { Int($0) }
        }
        return saved
    }

    public func deleteImmutableRule(id: Int, project: String) async throws {
        try instance.requireWritable(to: "delete immutability rules")
        try await client.send(
            .delete, Self.immutableRules(project).appending(name: String(id)),
            operation: "deleting immutability rule \(id) of \(project)")
    }

    private static func immutableRules(_ project: String) -> HarborPath {
        HarborPath.project(project).appending("immutabletagrules")
    }
}
