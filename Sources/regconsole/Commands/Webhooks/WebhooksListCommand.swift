import ArgumentParser
import RegistryClient

/// `regconsole webhooks list INSTANCE[/PROJECT]`.
struct WebhooksListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List webhook policies of a project, or of every project (target credentials masked).")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The Harbor instance, or one of its projects.", valueName: "instance[/project]"),
        completion: Completions.reference)
    var scope: String
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let scope = try await WebhookScope.parse(scope, context: context, needsProject: false)
        let provider = scope.target.provider
        var policies: [WebhookPolicy] = []
        if let project = scope.project {
            policies = try await scope.target.naming("project", project, listedBy: "namespaces") {
                try await provider.webhookPolicies(project: project)
            }
        } else {
            for try await page in provider.namespaces() {
                let found = try await BoundedConcurrency.map(page, limit: 4) {
                    try await provider.webhookPolicies(project: $0.name)
                }
                policies += found.flatMap { $0 }
            }
        }
        Self.records(policies).print(as: format.output)
    }

    static func records(_ policies: [WebhookPolicy]) -> RecordSet {
        var records = RecordSet(
            columns: [
                .init(key: "project", header: "PROJECT"), .init(key: "id", header: "ID", alignRight: true),
                .init(key: "name", header: "NAME"), .init(key: "eventTypes", header: "EVENTS"),
                .init(key: "targets", header: "TARGET"), .init(key: "targetTypes", header: "TYPE", inTable: false),
                .init(key: "hasAuthHeader", header: "AUTH HEADER", inTable: false),
                .init(key: "enabled", header: "ENABLED"), .init(key: "creator", header: "CREATOR", inTable: false),
            ], omitsAbsent: true)
        for policy in policies {
            records.rows.append([
                .text(policy.project), .integer(Int64(policy.id)), .text(policy.name), .list(policy.eventTypes),
                .list(policy.targets.map(\.address)), .list(policy.targets.map(\.type)),
                .flag(policy.targets.contains(where: \.hasAuthHeader)), .flag(policy.enabled), .text(policy.creator),
            ])
        }
        return records
    }
}

/// `regconsole webhooks jobs INSTANCE/PROJECT POLICY [--limit N]`.
struct WebhookJobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "List a webhook policy's recent jobs (deliveries), newest first.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The project.", valueName: "instance/project"), completion: Completions.reference)
    var scope: String
    @Argument(help: ArgumentHelp("The policy's id or name (see `webhooks list`).", valueName: "policy"))
    var policy: String
    @Option(name: .long, help: ArgumentHelp("At most this many jobs.", valueName: "n"))
    var limit = 50
    @OptionGroup var format: OutputOptions

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        let context = try CLIContext(global)
        let scope = try await WebhookScope.parse(scope, context: context)
        let found = try await scope.policy(policy)
        let jobs = try await scope.target.provider.webhookExecutions(
            project: found.project, policyID: found.id, limit: limit)
        var records = RecordSet(
            columns: [
                .init(key: "id", header: "ID", alignRight: true), .init(key: "status", header: "STATUS"),
                .init(key: "eventType", header: "EVENT"), .init(key: "startTime", header: "START"),
                .init(key: "endTime", header: "END", inTable: false), .init(key: "statusMessage", header: "MESSAGE"),
            ], omitsAbsent: true)
        for job in jobs {
            records.rows.append([
                .integer(Int64(job.id)), .text(job.status.word), .text(job.eventType), .date(job.started),
                .date(job.ended), .text(job.statusMessage),
            ])
        }
        records.print(as: format.output)
    }
}

/// `regconsole webhooks log INSTANCE/PROJECT POLICY EXECUTION [TASK]`: the task defaults to the
/// job's only one.
struct WebhookLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Print a webhook job's log (control characters removed).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The project.", valueName: "instance/project"), completion: Completions.reference)
    var scope: String
    @Argument(help: ArgumentHelp("The policy's id or name.", valueName: "policy"))
    var policy: String
    @Argument(help: ArgumentHelp("The job's id (see `webhooks jobs`).", valueName: "execution"))
    var execution: String
    @Argument(help: ArgumentHelp("The task's id; the job's first task when left out.", valueName: "task"))
    var task: String?

    func run() async throws {
        let executionID = try NumericID.parse(execution, "execution")
        let taskID = try task.map { try NumericID.parse($0, "task") }
        let context = try CLIContext(global)
        let scope = try await WebhookScope.parse(scope, context: context)
        let found = try await scope.policy(policy)
        let provider = scope.target.provider
        let log = try await scope.target.naming("webhook job", execution, listedBy: "webhooks jobs") {
            var task = taskID
            if task == nil {
                task = try await provider.webhookTasks(
                    project: found.project, policyID: found.id, executionID: executionID
                ).first?.id
            }
            guard let task else { return "" }
            return try await provider.webhookTaskLog(
                project: found.project, policyID: found.id, executionID: executionID, taskID: task)
        }
        LogText.print(log)
    }
}
