import RegistryClient

/// The texts of Harbor's replication and webhook panes.
extension Catalog {
    static let automationEnglish: [Message: String] = [
        .replicationPolicies: "replication", .replicationExecutions: "executions", .replicationTasks: "tasks",
        .webhookPolicies: "webhooks", .webhookJobs: "webhook jobs", .jobLog: "log",
        .emptyReplicationPolicies: "No replication policies on this Harbor.",
        .emptyReplicationExecutions: "No executions yet. Press ! to run the policy now.",
        .emptyReplicationTasks: "No tasks: the execution matched no resource.",
        .emptyWebhookPolicies: "No webhook policies in this project.",
        .emptyWebhookJobs: "No jobs yet: the policy has sent no event.", .emptyLog: "The log is empty.",
        .webhooksNeedProject: "Webhooks belong to a project: open them with :webhooks PROJECT.",
        .columnDirection: "DIRECTION", .columnEnabled: "ENABLED", .columnLastStatus: "LAST STATUS",
        .columnTotal: "TOTAL", .columnFailedCount: "FAILED", .columnSucceeded: "SUCCEEDED", .columnEvents: "EVENTS",
        .columnDestination: "DESTINATION",
        .jobPending: "pending", .jobRunning: "running", .jobSucceeded: "succeeded", .jobFailed: "failed",
        .jobStopped: "stopped", .enabledYes: "yes", .enabledNo: "no",
        .triggerManual: "manual", .triggerScheduled: "scheduled", .triggerEventBased: "event-based",
        .replicationPoliciesHint: "enter: executions · ! runs the selected policy now",
        .replicationPolicyFilters: "Filters: {0}",
        .replicationExecutionsHint: "Reloads every 3 s while one runs · ctrl-x stops it · enter: tasks",
        .replicationExecutionDetail: "Execution {0}: {1}", .replicationTasksHint: "Failed tasks first · enter: log",
        .replicationRunTitle: "Run replication policy {0} now?", .replicationRunBody: "Copies {0} to {1}.",
        .replicationRunConfirm: "Run now", .replicationStarting: "Starting policy {0}…",
        .replicationStarted: "Started execution {0} of policy {1}", .replicationRunFailed: "Could not start: {0}",
        .replicationStopTitle: "Stop execution {0}?",
        .replicationStopBody: "Tasks still running stop; what was copied stays on the destination.",
        .replicationStopConfirm: "Stop execution", .replicationStopping: "Stopping execution {0}…",
        .replicationStopped: "Stopped execution {0}", .replicationStopFailed: "Could not stop: {0}",
        .replicationNotRunning: "Execution {0} is not running.",
        .webhookPoliciesHint: "Targets show without credentials; auth headers are never shown · enter: jobs",
        .webhookAuthHeaderSet: "auth header set (hidden)", .webhookJobsHint: "enter: the job's log",
        .commandReplication: "Harbor replication policies (ACR: sync rules)",
        .commandWebhooks: "Harbor webhook policies of a project (ACR: a repository's triggers)",
    ]

    static let automationChinese: [Message: String] = [
        .replicationPolicies: "复制策略", .replicationExecutions: "执行记录", .replicationTasks: "任务",
        .webhookPolicies: "Webhook", .webhookJobs: "Webhook 任务", .jobLog: "日志",
        .emptyReplicationPolicies: "此 Harbor 没有复制策略。",
        .emptyReplicationExecutions: "还没有执行记录。按 ! 立即运行该策略。",
        .emptyReplicationTasks: "没有任务：本次执行没有匹配到资源。",
        .emptyWebhookPolicies: "此项目没有 Webhook 策略。",
        .emptyWebhookJobs: "还没有任务：该策略尚未发送事件。", .emptyLog: "日志为空。",
        .webhooksNeedProject: "Webhook 属于项目：用 :webhooks 项目名 打开。",
        .columnDirection: "方向", .columnEnabled: "启用", .columnLastStatus: "最近状态",
        .columnTotal: "总数", .columnFailedCount: "失败", .columnSucceeded: "成功", .columnEvents: "事件",
        .columnDestination: "目标",
        .jobPending: "等待中", .jobRunning: "进行中", .jobSucceeded: "成功", .jobFailed: "失败",
        .jobStopped: "已停止", .enabledYes: "是", .enabledNo: "否",
        .triggerManual: "手动", .triggerScheduled: "定时", .triggerEventBased: "事件驱动",
        .replicationPoliciesHint: "回车：执行记录 · ! 立即运行所选策略",
        .replicationPolicyFilters: "过滤器：{0}",
        .replicationExecutionsHint: "有执行进行中时每 3 秒刷新 · ctrl-x 停止 · 回车：任务",
        .replicationExecutionDetail: "执行 {0}：{1}", .replicationTasksHint: "失败的任务在前 · 回车：日志",
        .replicationRunTitle: "立即运行复制策略 {0}？", .replicationRunBody: "把 {0} 复制到 {1}。",
        .replicationRunConfirm: "立即运行", .replicationStarting: "正在启动策略 {0}…",
        .replicationStarted: "已启动策略 {1} 的执行 {0}", .replicationRunFailed: "无法启动：{0}",
        .replicationStopTitle: "停止执行 {0}？",
        .replicationStopBody: "仍在运行的任务将停止；已复制的内容保留在目标上。",
        .replicationStopConfirm: "停止执行", .replicationStopping: "正在停止执行 {0}…",
        .replicationStopped: "已停止执行 {0}", .replicationStopFailed: "无法停止：{0}",
        .replicationNotRunning: "执行 {0} 未在运行。",
        .webhookPoliciesHint: "目标地址不显示凭据；认证头从不显示 · 回车：任务",
        .webhookAuthHeaderSet: "已设置认证头（隐藏）", .webhookJobsHint: "回车：任务日志",
        .commandReplication: "Harbor 复制策略（ACR：同步规则）",
        .commandWebhooks: "项目的 Harbor Webhook 策略（ACR：仓库的触发器）",
    ]
}

extension Catalog {
    /// A Harbor job status in words; a word this version does not know as Harbor sent it.
    func jobStatus(_ status: HarborJobStatus) -> String {
        switch status.phase {
        case .pending: self[.jobPending]
        case .running: self[.jobRunning]
        case .succeeded: self[.jobSucceeded]
        case .failed: self[.jobFailed]
        case .stopped: self[.jobStopped]
        case .unknown: status.word
        }
    }

    /// A replication trigger in words (`manual`, `scheduled`, `event_based`); another as sent.
    func replicationTrigger(_ trigger: String) -> String {
        switch trigger {
        case "manual": self[.triggerManual]
        case "scheduled": self[.triggerScheduled]
        case "event_based": self[.triggerEventBased]
        default: trigger
        }
    }
}
