import Foundation

/// Image builds on Personal Edition: build rules, starting and cancelling builds, their records and
/// status. The API has no source binding, rebuild or log calls: those say so.
extension ACRPersonalProvider: BuildManaging {
    /// Personal Edition's API does not expose the source binding, so none can be told from "not bound".
    public func sourceCodeBinding(repository: String) async throws -> SourceCodeBinding? {
        throw Self.missing("does not show a repository's source binding", where: "see it in the ACR console (个人版 → 构建)")
    }

    public func bindSourceCode(repository: String, _ binding: SourceCodeBinding) async throws {
        throw Self.missing("cannot bind a source repository", where: "bind it in the ACR console (个人版 → 构建)")
    }

    public func buildRules(repository: String) async throws -> [BuildRule] {
        let list: ACRPersonalBuildRuleList = try await client.call(
            ACRPersonalRequest("GetRepoBuildRuleList", path: try Self.rulesPath(repository)))
        return list.buildRules.map(Self.buildRule)
    }

    public func createBuildRule(repository: String, _ rule: BuildRule) async throws -> String {
        try instance.requireWritable(to: "create build rules")
        try rule.validate()
        let created: ACRPersonalCreated = try await client.call(
            try ACRPersonalRequest(
                "CreateRepoBuildRule", .put, path: try Self.rulesPath(repository), wrapper: "BuildRule",
                fields: Self.ruleFields(rule)))
        return try ACRProvider.createdID(created.buildRuleId?.text, action: "CreateRepoBuildRule")
    }

    public func updateBuildRule(repository: String, _ rule: BuildRule) async throws {
        try instance.requireWritable(to: "edit build rules")
        try rule.validate()
        try await client.perform(
            try ACRPersonalRequest(
                "UpdateRepoBuildRule", .post, path: try Self.rulesPath(repository) + [rule.id], wrapper: "BuildRule",
                fields: Self.ruleFields(rule)))
    }

    public func deleteBuildRule(repository: String, id: String) async throws {
        try instance.requireWritable(to: "delete build rules")
        try await client.perform(
            ACRPersonalRequest("DeleteRepoBuildRule", .delete, path: try Self.rulesPath(repository) + [id]))
    }

    public func startBuild(repository: String, ruleID: String) async throws -> String {
        try instance.requireWritable(to: "start builds")
        let created: ACRPersonalCreated = try await client.call(
            ACRPersonalRequest("StartRepoBuildByRule", .put, path: try Self.rulesPath(repository) + [ruleID, "build"]))
        return try ACRProvider.createdID(created.buildId?.text, action: "StartRepoBuildByRule")
    }

    public func rebuild(repository: String, recordID: String) async throws -> String {
        throw Self.missing("cannot run a build again", where: "start its rule instead")
    }

    public func cancelBuild(repository: String, recordID: String) async throws {
        try instance.requireWritable(to: "cancel builds")
        try await client.perform(
            ACRPersonalRequest("CancelRepoBuild", .post, path: try Self.buildPath(repository) + [recordID, "cancel"]))
    }

    public func buildRecords(repository: String) -> AsyncThrowingStream<[BuildRecord], any Error> {
        let client = client
        return .producing { continuation in
            let pages: AsyncThrowingStream<[ACRPersonalBuildRecord], any Error> = client.pages(
                ACRPersonalRequest("GetRepoBuildList", path: try Self.buildPath(repository)), itemsKey: "builds")
            for try await page in pages {
                continuation.yield(page.map { Self.buildRecord($0, repository: repository) })
            }
        }
    }

    /// The list has no single-build call: the build is looked up in it.
    public func buildRecord(repository: String, id: String) async throws -> BuildRecord {
        for try await page in buildRecords(repository: repository) {
            if let record = page.first(where: { $0.id == id }) { return record }
        }
        throw RegistryError(.notFound, "\(repository) has no build \(id)", hint: "refresh the builds list")
    }

    public func buildStatus(repository: String, recordID: String) async throws -> BuildStatus {
        let status: ACRPersonalBuildStatus = try await client.call(
            ACRPersonalRequest("GetRepoBuildStatus", path: try Self.buildPath(repository) + [recordID, "status"]))
        return BuildStatus(status.buildStatus)
    }

    public func buildLog(repository: String, recordID: String, from offset: Int) async throws -> [BuildLogLine] {
        throw Self.missing("does not serve build logs", where: "read the log in the ACR console (个人版 → 构建 → 构建日志)")
    }

    private static func rulesPath(_ repository: String) throws -> [String] {
        try repositoryPath(repository) + ["rules"]
    }

    private static func buildPath(_ repository: String) throws -> [String] {
        try repositoryPath(repository) + ["build"]
    }

    /// The API's rule fields: no build arguments or platforms on Personal Edition.
    private static func ruleFields(_ rule: BuildRule) -> [String: any Sendable] {
        [
            "PushType": rule.pushType.rawValue, "PushName": rule.pushName,
            "DockerfileLocation": rule.dockerfileLocation, "DockerfileName": rule.dockerfileName,
            "Tag": rule.imageTag,
        ]
    }

    static func buildRule(_ record: ACRPersonalBuildRuleRecord) -> BuildRule {
        BuildRule(
            id: record.buildRuleId.text,
            pushType: record.pushType.flatMap { BuildRule.PushType(rawValue: $0.uppercased()) } ?? .branch,
            pushName: record.pushName ?? "", imageTag: record.imageTag ?? "",
            dockerfileLocation: record.dockerfileLocation ?? "/", dockerfileName: record.dockerfileName ?? "Dockerfile",
            platforms: [])
    }

    static func buildRecord(_ record: ACRPersonalBuildRecord, repository: String) -> BuildRecord {
        BuildRecord(
            id: record.buildId.text, status: BuildStatus(record.buildStatus ?? ""), repository: repository,
            tag: record.image?.tag, startTime: record.startTime?.knownDate, endTime: record.endTime?.knownDate)
    }

    /// What Personal Edition's API cannot do (`what` completes the sentence), and where to do it instead.
    static func missing(_ what: String, where instead: String) -> RegistryError {
        RegistryError(.unsupported, "ACR Personal Edition's API \(what)", hint: instead)
    }
}
