extension ConsoleAction {
    /// The message that labels the action in hints and help.
    var message: Message {
        switch self {
        case .up: .actionUp
        case .down: .actionDown
        case .pageUp: .actionPageUp
        case .pageDown: .actionPageDown
        case .top: .actionTop
        case .bottom: .actionBottom
        case .open: .actionOpen
        case .back: .actionBack
        case .quit: .actionQuit
        case .filter: .actionFilter
        case .command: .actionCommand
        case .help: .actionHelp
        case .mark: .actionMark
        case .clearMarks: .actionClearMarks
        case .delete: .actionDelete
        case .refresh: .actionRefresh
        case .copyTag: .actionCopyTag
        case .copyDigest: .actionCopyDigest
        case .nextTab: .actionNextTab
        case .previousTab: .actionPreviousTab
        case .sortName: .actionSortName
        case .sortSemver: .actionSortSemver
        case .sortCreated: .actionSortCreated
        case .sortSize: .actionSortSize
        case .sortSeverity: .actionSortSeverity
        case .toggleReferrers: .actionToggleReferrers
        case .tagScope: .actionTagScope
        case .vulnerabilities: .actionVulnerabilities
        case .diff: .actionDiff
        case .suppress: .actionSuppress
        case .groupPackages: .actionGroupPackages
        case .groupVulnerabilities: .actionGroupVulnerabilities
        case .showSuppressed: .actionShowSuppressed
        case .lifecycle: .actionLifecycle
        case .create: .actionCreate
        case .edit: .actionEdit
        case .apply: .actionApply
        case .scan: .actionScan
        case .triggers: .actionTriggers
        case .build: .actionBuild
        case .rules: .actionRules
        case .cancelBuild: .actionCancelBuild
        case .bindSource: .actionBindSource
        case .follow: .actionFollow
        case .sync: .actionSync
        case .run: .actionRun
        case .tasks: .actionTasks
        case .subscriptions: .actionSubscriptions
        case .cancelTask: .actionCancelTask
        case .toggleEndpoint: .actionToggleEndpoint
        case .resetPassword: .actionResetPassword
        case .drift: .actionDrift
        case .robots: .actionRobots
        case .expiringSoon: .actionExpiringSoon
        case .toggleEnabled: .actionToggleEnabled
        case .loadMore: .actionLoadMore
        case .dryRun: .actionDryRun
        }
    }

    /// Moving within a pane.
    static let navigation: [ConsoleAction] = [.up, .down, .pageUp, .pageDown, .top, .bottom, .open, .back]
    /// Actions the help lists but the status bar leaves out (rarely needed, and room is short).
    static let helpOnly: Set<ConsoleAction> = [.clearMarks]
    /// Actions every pane has.
    static let general: [ConsoleAction] = [.filter, .command, .refresh, .lifecycle, .help, .quit]
}
