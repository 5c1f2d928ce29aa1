import Foundation

/// Robot accounts v2 (`/robots`): a project's robots are those whose `q` names the project's id;
/// without `q` Harbor lists system robots only.
extension HarborProvider: RobotManaging {
    public func robots(project: String?) async throws -> [RobotAccount] {
        var query: [(String, String)] = []
        if let project {
            let record: HarborProjectRecord = try await client.get(
                HarborPath.project(project), headers: ["X-Is-Resource-Name": "true"],
                operation: "reading project \(project)")
            query = [("q", "Level=project,ProjectID=\(record.id)")]
        }
        let pages: AsyncThrowingStream<[HarborRobotRecord], any Error> = client.pages(
            HarborPath.root.appending("robots"), query: query,
            operation: project.map { "listing the robot accounts of \($0)" } ?? "listing system robot accounts")
        return try await pages.collect().map(Self.robot)
    }

    public func robot(id: Int) async throws -> RobotAccount {
        Self.robot(try await robotRecord(id: id))
    }

    public func createRobot(_ draft: RobotDraft) async throws -> RobotSecret {
        try instance.requireWritable(to: "create robot accounts")
        let body = HarborRobotCreate(
            name: draft.name, description: draft.description, level: draft.project == nil ? "system" : "project",
            disable: false, duration: draft.duration, permissions: [Self.record(draft.permission)])
        let result = try await client.send(
            .post, Self.robotsPath, json: body, operation: "creating robot account \(draft.fullName)")
        let created = try decodeSecret(result, operation: "creating robot account \(draft.fullName)")
        return try secret(created, id: created.id ?? result.createdID.flatMap(Int.init), name: draft.fullName)
    }

    public func setRobot(id: Int, disabled: Bool) async throws {
        try instance.requireWritable(to: disabled ? "disable robot accounts" : "enable robot accounts")
        var record = try await robotRecord(id: id)
        record.disable = disabled
        try await client.send(
            .put, Self.robotsPath.appending(name: String(id)), json: record,
            operation: "\(disabled ? "disabling" : "enabling") robot account \(record.name)")
    }

    public func refreshRobotSecret(id: Int) async throws -> RobotSecret {
        try instance.requireWritable(to: "refresh robot secrets")
        let record = try await robotRecord(id: id)
        let result = try await client.send(
            .patch, Self.robotsPath.appending(name: String(id)), json: ["secret": ""],
            operation: "refreshing the secret of robot account \(record.name)")
        var created = try decodeSecret(result, operation: "refreshing the secret of robot account \(record.name)")
        created.expiresAt = record.expiresAt
        return try secret(created, id: id, name: record.name)
    }

    public func deleteRobot(id: Int) async throws {
        try instance.requireWritable(to: "delete robot accounts")
        try await client.send(
            .delete, Self.robotsPath.appending(name: String(id)), operation: "deleting robot account \(id)")
    }

    // MARK: Helpers

    static let robotsPath = HarborPath.root.appending("robots")

    private func robotRecord(id: Int) async throws -> HarborRobotRecord {
        try await client.get(Self.robotsPath.appending(name: String(id)), operation: "reading robot account \(id)")
    }

    private func decodeSecret(_ result: HarborClient.WriteResult, operation: String) throws -> HarborRobotCreated {
        try client.decode(
            HarborRobotCreated.self, from: HTTPResponse(status: result.status, body: result.body, url: client.baseURL),
            operation: operation)
    }

    private func secret(_ created: HarborRobotCreated, id: Int?, name: String) throws -> RobotSecret {
        guard let id, let value = created.secret, !value.isEmpty else {
            throw RegistryError(
                .invalidResponse, "Harbor at \(client.host) sent no secret for robot account \(name)",
                hint: "the robot may exist without a known secret: refresh its secret, or delete it")
        }
        return RobotSecret(
            robotID: id, robotName: created.name ?? name, expiresAt: Self.expiry(created.expiresAt), value: value)
    }

    /// Harbor's `expires_at`: Unix seconds, `-1` (or 0) for never.
    static func expiry(_ seconds: Int?) -> Date? {
        guard let seconds, seconds > 0 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    static func robot(_ record: HarborRobotRecord) -> RobotAccount {
        RobotAccount(
            id: record.id, name: record.name, description: record.description ?? "",
            level: record.level == "project" ? .project : .system, duration: record.duration ?? -1,
            expiresAt: expiry(record.expiresAt), disabled: record.disable ?? false,
            permissions: (record.permissions ?? []).map { permission in
                RobotPermission(
                    kind: permission.kind ?? "", namespace: permission.namespace ?? "",
                    access: (permission.access ?? []).map {
                        RobotPermission.Access(resource: $0.resource ?? "", action: $0.action ?? "")
                    })
            }, created: record.creationTime?.date)
    }

    static func record(_ permission: RobotPermission) -> HarborRobotRecord.Permission {
        HarborRobotRecord.Permission(
            kind: permission.kind, namespace: permission.namespace,
            access: permission.access.map { HarborRobotRecord.Access(resource: $0.resource, action: $0.action) })
    }
}
