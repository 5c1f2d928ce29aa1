import Foundation

/// Image builds: the source binding, build rules, builds and their logs.
extension ACRProvider: BuildManaging {
    public func sourceCodeBinding(repository: String) async throws -> SourceCodeBinding? {
        let record: ACRSourceCodeRecord
        do {
            record = try await client.call(.getRepoSourceCodeRepo, try await repositoryParameters(repository))
        } catch let error as RegistryError where error.code == .notFound && error.serverCode != "REPO_NOT_EXIST" {
            return nil
        }
        guard let type = record.CodeRepoType, !type.isEmpty else { return nil }
        guard let provider = SourceCodeBinding.Provider(rawValue: type.uppercased()) else {
            throw RegistryError(
                .unsupported, "\(repository) builds from \(type), a code host this version does not know",
                hint: "edit the binding in the ACR console")
        }
        return SourceCodeBinding(
            provider: provider, domain: record.CodeRepoDomain, namespace: record.CodeRepoNamespaceName ?? "",
            name: record.CodeRepoName ?? "", autoBuild: record.AutoBuild?.flag ?? false,
            disableCacheBuild: record.DisableCacheBuild?.flag ?? false,
            overseaBuild: record.OverseaBuild?.flag ?? false, serverID: record.CodeRepoId?.text)
    }

    public func bindSourceCode(repository: String, _ binding: SourceCodeBinding) async throws {
        try instance.requireWritable(to: "bind source repositories")
        var parameters = try await repositoryParameters(repository)
        parameters["CodeRepoType"] = binding.provider.rawValue
        parameters["CodeRepoNamespaceName"] = binding.namespace
        parameters["CodeRepoName"] = binding.name
        parameters.set("AutoBuild", binding.autoBuild)
        parameters.set("DisableCacheBuild", binding.disableCacheBuild)
        parameters.set("OverseaBuild", binding.overseaBuild)
        if let serverID = binding.serverID {
            parameters["CodeRepoId"] = serverID
            try await client.perform(.updateRepoSourceCodeRepo, parameters)
        } else {
            try await client.perform(.createRepoSourceCodeRepo, parameters)
        }
    }

    public func buildRules(repository: String) async throws -> [BuildRule] {
        let pages: AsyncThrowingStream<[ACRBuildRuleRecord], any Error> = client.pages(
            .listRepoBuildRule, try await repositoryParameters(repository), itemsKey: "BuildRules")
        return try await pages.collect().map(Self.buildRule)
    }

    public func createBuildRule(repository: String, _ rule: BuildRule) async throws -> String {
        try instance.requireWritable(to: "create build rules")
        try rule.validate()
        let created: ACRCreated = try await client.call(
            .createRepoBuildRule, try await buildRuleParameters(repository, rule))
        return try Self.createdID(created.BuildRuleId, action: .createRepoBuildRule)
    }

    public func updateBuildRule(repository: String, _ rule: BuildRule) async throws {
        try instance.requireWritable(to: "edit build rules")
        try rule.validate()
        var parameters = try await buildRuleParameters(repository, rule)
        parameters["BuildRuleId"] = rule.id
        try await client.perform(.updateRepoBuildRule, parameters)
    }

    public func deleteBuildRule(repository: String, id: String) async throws {
        try instance.requireWritable(to: "delete build rules")
        var parameters = try await repositoryParameters(repository)
        parameters["BuildRuleId"] = id
        try await client.perform(.deleteRepoBuildRule, parameters)
    }

    public func startBuild(repository: String, ruleID: String) async throws -> String {
        try instance.requireWritable(to: "start builds")
        var parameters = try await repositoryParameters(repository)
        parameters["BuildRuleId"] = ruleID
        let created: ACRCreated = try await client.call(.createBuildRecordByRule, parameters)
        return try Self.createdID(created.BuildRecordId, action: .createBuildRecordByRule)
    }

    public func rebuild(repository: String, recordID: String) async throws -> String {
        try instance.requireWritable(to: "start builds")
        var parameters = try await repositoryParameters(repository)
        parameters["BuildRecordId"] = recordID
        let created: ACRCreated = try await client.call(.createBuildRecordByRecord, parameters)
        return try Self.createdID(created.BuildRecordId, action: .createBuildRecordByRecord)
    }

    public func cancelBuild(repository: String, recordID: String) async throws {
        try instance.requireWritable(to: "cancel builds")
        var parameters = try await repositoryParameters(repository)
        parameters["BuildRecordId"] = recordID
        try await client.perform(.cancelRepoBuildRecord, parameters)
    }

    public func buildRecords(repository: String) -> AsyncThrowingStream<[BuildRecord], any Error> {
        .producing { continuation in
            let pages: AsyncThrowingStream<[ACRBuildRecordRecord], any Error> = client.pages(
                .listRepoBuildRecord, try await repositoryParameters(repository), itemsKey: "BuildRecords")
            for try await page in pages {
                continuation.yield(page.map { Self.buildRecord($0, repository: repository) })
            }
        }
    }

    public func buildRecord(repository: String, id: String) async throws -> BuildRecord {
        let record: ACRBuildRecordRecord = try await client.call(
            .getRepoBuildRecord, ["InstanceId": instanceID, "BuildRecordId": id])
        return Self.buildRecord(record, repository: repository)
    }

    public func buildStatus(repository: String, recordID: String) async throws -> BuildStatus {
        var parameters = try await repositoryParameters(repository)
        parameters["BuildRecordId"] = recordID
        let record: ACRBuildStatusRecord = try await client.call(.getRepoBuildRecordStatus, parameters)
        guard let status = record.BuildStatus?.text else {
            throw RegistryError(.invalidResponse, "ACR did not say how build \(recordID) stands")
        }
        return BuildStatus(status)
    }

    public func buildLog(repository: String, recordID: String, from offset: Int) async throws -> [BuildLogLine] {
        var parameters = try await repositoryParameters(repository)
        parameters["BuildRecordId"] = recordID
        parameters.set("Offset", offset)
        let page: ACRPage<ACRBuildLogRecord> = try await client.call(
            .listRepoBuildRecordLog, parameters, itemsKey: "BuildRecordLogs")
        return page.items.map {
            BuildLogLine(number: $0.LineNumber.value, stage: $0.BuildStage, message: $0.Message ?? "")
        }
    }

    // MARK: Parameters and records

    /// `InstanceId` and the repository's `RepoId`.
    func repositoryParameters(_ repository: String) async throws -> ACRParameters {
        ["InstanceId": instanceID, "RepoId": try await repositoryID(repository)]
    }

    private func buildRuleParameters(_ repository: String, _ rule: BuildRule) async throws -> ACRParameters {
        var parameters = try await repositoryParameters(repository)
        parameters["PushType"] = rule.pushType.rawValue
        parameters["PushName"] = rule.pushName
        parameters["ImageTag"] = rule.imageTag
        // Older API pages mark both required on create: always sent.
        parameters["DockerfileLocation"] = rule.dockerfileLocation
        parameters["DockerfileName"] = rule.dockerfileName
        parameters.set("BuildArgs", list: rule.buildArgs)
        parameters.set("Platforms", list: rule.platforms)
        return parameters
    }

    /// The id a Create action answered with.
    /// - Throws: `RegistryError(.invalidResponse)` when it is missing.
    static func createdID(_ id: String?, action: ACRAction) throws -> String {
        try createdID(id, action: action.rawValue)
    }

    /// The id a create call answered with, of either edition.
    /// - Throws: `RegistryError(.invalidResponse)` when the answer has none.
    static func createdID(_ id: String?, action: String) throws -> String {
        guard let id, !id.isEmpty else {
            throw RegistryError(
                .invalidResponse, "ACR accepted \(action) but did not say the new id",
                hint: "refresh the list to see it")
        }
        return id
    }

    static func buildRule(_ record: ACRBuildRuleRecord) -> BuildRule {
        BuildRule(
            id: record.BuildRuleId,
            pushType: record.PushType.flatMap { BuildRule.PushType(rawValue: $0.uppercased()) } ?? .branch,
            pushName: record.PushName ?? "", imageTag: record.ImageTag ?? "",
            dockerfileLocation: record.DockerfileLocation ?? "", dockerfileName: record.DockerfileName ?? "",
            buildArgs: record.BuildArgs ?? [], platforms: record.Platforms ?? [])
    }

    static func buildRecord(_ record: ACRBuildRecordRecord, repository: String) -> BuildRecord {
        let image = record.Image
        let named = image.flatMap { image in
            image.RepoNamespaceName.flatMap { namespace in image.RepoName.map { "\(namespace)/\($0)" } }
        }
        return BuildRecord(
            id: record.BuildRecordId,
            status: BuildStatus((record.BuildStatus ?? record.Status)?.text ?? ""),
            repository: named ?? repository, tag: image?.ImageTag, startTime: record.StartTime?.knownDate,
            endTime: record.EndTime?.knownDate)
    }
}
