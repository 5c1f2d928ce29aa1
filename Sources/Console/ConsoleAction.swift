import TerminalUI

/// Everything a key can do in the console; each is remappable under `[keymap]` in the config.
public enum ConsoleAction: String, CaseIterable, Sendable {
    case up, down
    case pageUp = "page-up"
    case pageDown = "page-down"
    case top, bottom
    case open, back, quit
    case filter, command, help
    case mark
    case clearMarks = "clear-marks"
    case delete, refresh
    case copyTag = "copy-tag"
    case copyDigest = "copy-digest"
    case nextTab = "next-tab"
    case previousTab = "previous-tab"
    case sortName = "sort-name"
    case sortSemver = "sort-semver"
    case sortCreated = "sort-created"
    case sortSize = "sort-size"
    case sortSeverity = "sort-severity"
    case toggleReferrers = "toggle-referrers"
    case tagScope = "tag-scope"
    case vulnerabilities, diff, suppress
    case groupPackages = "group-packages"
    case groupVulnerabilities = "group-vulnerabilities"
    case showSuppressed = "show-suppressed"
    case lifecycle
    /// `new`: a lifecycle rule, or a namespace or repository where the provider manages them (ACR).
    case create = "new"
    case edit, apply
    case scan
    /// A repository's triggers (ACR).
    case triggers
    /// Image builds (ACR): a repository's builds from the repositories and tags panes; in the
    /// rules pane, build the selected rule now; in the builds pane, build the selected one again.
    case build
    /// The rules behind a list: build rules from the builds pane, event rules from the events feed.
    case rules
    /// Cancel a running build, bind the source repository, follow a build's log.
    case cancelBuild = "cancel-build"
    case bindSource = "bind-source"
    case follow
    /// Sync rules (ACR replication): of a repository from the repositories pane.
    case sync
    /// Run the selected sync rule or artifact subscription now.
    case run
    /// The tasks a pane's rules started: sync tasks, subscription runs.
    case tasks
    /// Artifact subscriptions (ACR), from the sync rules pane.
    case subscriptions
    /// Cancel a running sync task.
    case cancelTask = "cancel-task"
    /// Switch an instance's internet endpoint on or off.
    case toggleEndpoint = "toggle-endpoint"
    /// Reset an instance's fixed login password.
    case resetPassword = "reset-password"
    /// Compare a repository's tags with its replica's.
    case drift
    /// Robot accounts (Harbor): of the selected project from the namespaces pane.
    case robots
    /// Show only robot accounts that expire soon, or all again.
    case expiringSoon = "expiring-soon"
    /// Disable the selected robot account, or enable it again.
    case toggleEnabled = "toggle-enabled"
    /// Read the next page of a long list (Harbor's audit log).
    case loadMore = "load-more"
    /// Run a Harbor retention policy as a dry run on the server and compare it with the preview.
    case dryRun = "dry-run"

    /// Arrows and vim keys, k9s-style verbs.
    public static let defaultBindings: [ConsoleAction: [Key]] = [
        .up: [.up, .character("k")],
        .down: [.down, .character("j")],
        .pageUp: [.pageUp, .control("b")],
        .pageDown: [.pageDown, .control("f")],
        .top: [.home, .character("g")],
        .bottom: [.end, .character("G")],
        .open: [.enter, .right, .character("l")],
        .back: [.escape, .backspace, .left, .character("h")],
        .quit: [.character("q")],
        .filter: [.character("/")],
        .command: [.character(":")],
        .help: [.character("?")],
        .mark: [.character(" ")],
        .clearMarks: [.control("\\")],
        .delete: [.control("d")],
        .refresh: [.control("r")],
        .copyTag: [.character("y")],
        .copyDigest: [.character("Y")],
        .nextTab: [.tab, .character("]")],
        .previousTab: [.backTab, .character("[")],
        .sortName: [.character("N")],
        .sortSemver: [.character("V")],
        .sortCreated: [.character("A")],
        .sortSize: [.character("S")],
        .sortSeverity: [.character("W")],
        .toggleReferrers: [.character("R")],
        .tagScope: [.character("T")],
        .vulnerabilities: [.character("v")],
        .diff: [.character("d")],
        .suppress: [.character("x")],
        .groupPackages: [.character("p")],
        .groupVulnerabilities: [.character("c")],
        .showSuppressed: [.character("H")],
        .lifecycle: [.character("L")],
        .create: [.character("n")],
        .edit: [.character("e")],
        .apply: [.character("a")],
        .scan: [.character("s")],
        .triggers: [.character("t")],
        .build: [.character("b")],
        .rules: [.character("r")],
        .cancelBuild: [.control("k")],
        .bindSource: [.character("B")],
        .follow: [.character("f")],
        .sync: [.character("z")],
        .run: [.character("!")],
        .tasks: [.character("o")],
        .subscriptions: [.character("U")],
        .cancelTask: [.control("x")],
        .toggleEndpoint: [.character("E")],
        .resetPassword: [.character("P")],
        .drift: [.character("D")],
        .robots: [.character("O")],
        .expiringSoon: [.character("w")],
        .toggleEnabled: [.character("u")],
        .loadMore: [.character("m")],
        .dryRun: [.character("X")],
    ]
}
