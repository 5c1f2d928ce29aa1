import Foundation
import RegistryClient

/// The strings of one language, looked up by `Message` and filled with arguments.
public struct Catalog: Sendable {
    public let language: Language
    private let texts: [Message: String]

    /// Every English table, the main one first; a later table's text wins.
    static let englishTables = [
        english, buildsEnglish, pipelineEnglish, replicationEnglish, harborEnglish, administrationEnglish,
        automationEnglish, retentionEnglish,
    ]
    /// Every Chinese table, in the same order.
    static let chineseTables = [
        simplifiedChinese, buildsChinese, pipelineChinese, replicationChinese, harborChinese, administrationChinese,
        automationChinese, retentionChinese,
    ]

    /// The catalog for a language.
    public init(_ language: Language) {
        self.language = language
        self.texts = (language == .english ? Self.englishTables : Self.chineseTables).reduce(into: [:]) {
            texts, table in texts.merge(table) { $1 }
        }
    }

    /// A delete refusal in this language.
    public func describe(_ refusal: DeleteRefusal) -> String {
        switch refusal {
        case .tagMissing(let tag): self[.refusalTagMissing, tag]
        case .digestMissing(let digest, let repository): self[.refusalDigestMissing, digest.short, repository]
        case .sharedDigest(let requested, let digest, let others):
            self[.refusalSharedDigest, requested.joined(separator: ", "), digest.short, others.joined(separator: ", ")]
        case .tagMoved(let tag, let now, let planned): self[.refusalTagMoved, tag, now?.short ?? "-", planned.short]
        case .tagsAdded(let tags, let digest): self[.refusalTagsAdded, tags.joined(separator: ", "), digest.short]
        }
    }

    /// Why the lifecycle engine keeps or deletes a tag, in this language.
    public func describe(_ reason: LifecyclePlan.Reason) -> String {
        switch reason {
        case .newest(let rank, let count): self[.reasonNewest, rank, count]
        case .matches(let pattern): self[.reasonMatches, pattern]
        case .pushedWithin(let days): self[.reasonPushedWithin, days]
        case .sharesDigest(let tag): self[.reasonSharesDigest, tag]
        case .createdUnknown: self[.reasonCreatedUnknown]
        case .unreadable(let why): self[.reasonUnreadable, why]
        case .referrersTag: self[.reasonReferrers]
        case .notCovered: self[.reasonNotCovered]
        case .notKept(let count, let pattern, let days):
            self[
                .reasonDeleted,
                [
                    count.map { self[.notKeptCount, $0] }, pattern.map { self[.notKeptPattern, $0] },
                    days.map { self[.notKeptDays, $0] },
                ].compactMap { $0 }.joined(separator: language == .english ? ", " : "，")]
        }
    }

    /// A severity's word: `critical`, `严重`.
    public func severity(_ severity: Severity) -> String {
        switch severity {
        case .critical: self[.severityCritical]
        case .high: self[.severityHigh]
        case .medium: self[.severityMedium]
        case .low: self[.severityLow]
        case .negligible: self[.severityNegligible]
        case .unknown: self[.severityUnknown]
        }
    }

    /// A visibility's word: `public`, `公开`.
    public func visibility(_ visibility: RepositoryVisibility) -> String {
        switch visibility {
        case .public: self[.visibilityPublic]
        case .private: self[.visibilityPrivate]
        }
    }

    /// The text of a message with `{0}`, `{1}`… replaced by the arguments and `{1|one|other}` by the
    /// form the count in argument 1 takes.
    public subscript(_ message: Message, _ arguments: CustomStringConvertible...) -> String {
        var text = choosingForms(
            texts[message] ?? Self.englishTables.lazy.compactMap { $0[message] }.first ?? message.rawValue, arguments)
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument.description)
        }
        return text
    }

    static let english: [Message: String] = [
        .instances: "instances", .namespaces: "namespaces", .repositories: "repositories", .tags: "tags",
        .artifact: "artifact",
        .rootNamespace: "(root)",
        .columnName: "NAME", .columnKind: "KIND", .columnURL: "URL", .columnRegion: "REGION", .columnOrigin: "ORIGIN",
        .columnStatus: "STATUS", .columnFlags: "FLAGS", .columnNamespace: "NAMESPACE", .columnRepositories: "REPOS",
        .columnRepository: "REPOSITORY", .columnTags: "TAGS", .columnTag: "TAG", .columnDigest: "DIGEST",
        .columnSize: "SIZE",
        .columnCreated: "CREATED", .columnPlatforms: "PLATFORMS",
        .statusChecking: "checking…", .statusOK: "ok", .flagReadOnly: "read-only", .flagProduction: "production",
        .flagInsecure: "insecure",
        .counterLoading: "{0} loaded…", .counterDone: "{0}", .counterFiltered: "{0} of {1}",
        .counterDetails: "details {0}/{1}",
        .loading: "Loading…",
        .emptyInstances:
            "No instances. Add [[instances]] to the config file\n{0}\nor log in to a registry with docker login.",
        .emptyNamespaces: "No namespaces.", .emptyRepositories: "No repositories.", .emptyTags: "No tags.",
        .loadFailed: "Could not load: {0}",
        .tabOverview: "Overview", .tabPlatforms: "Platforms", .tabLayers: "Layers", .tabConfig: "Config",
        .tabHistory: "History",
        .tabReferrers: "Referrers", .tabManifest: "Manifest",
        .labelReference: "Reference", .labelDigest: "Digest", .labelMediaType: "Media type", .labelSize: "Size",
        .labelCreated: "Created", .labelPlatforms: "Platforms", .labelArtifactType: "Artifact type",
        .labelAnnotations: "Annotations",
        .labelEntrypoint: "Entrypoint", .labelCmd: "Cmd", .labelWorkingDir: "Working dir", .labelUser: "User",
        .labelEnv: "Env",
        .labelLabels: "Labels", .labelPorts: "Exposed ports", .labelPlatform: "Platform", .labelFoundBy: "found by",
        .labelSharedWith: "Same digest as",
        .noReferrers: "No referrers (signatures, SBOMs, scan reports) are attached.",
        .noHistory: "No build history in the config.", .noLayers: "No layers.", .attestation: "attestation",
        .helpTitle: "Keys", .helpPane: "This pane", .helpNavigation: "Navigation", .helpGeneral: "General",
        .helpCommands: "Commands (:)", .helpFilter: "Filter (/)",
        .actionUp: "up", .actionDown: "down", .actionPageUp: "page up", .actionPageDown: "page down",
        .actionTop: "first row",
        .actionBottom: "last row", .actionOpen: "open", .actionBack: "back", .actionQuit: "quit",
        .actionFilter: "filter",
        .actionCommand: "command", .actionHelp: "help", .actionMark: "mark", .actionClearMarks: "clear marks",
        .actionDelete: "delete", .actionRefresh: "refresh", .actionCopyTag: "copy pull by tag",
        .actionCopyDigest: "copy pull by digest",
        .actionNextTab: "next tab", .actionPreviousTab: "previous tab", .actionSortName: "sort by name",
        .actionSortSemver: "sort by version", .actionSortCreated: "sort by created", .actionSortSize: "sort by size",
        .actionSortSeverity: "sort by severity",
        .actionToggleReferrers: "show/hide sha256-… referrer tags",
        .commandContext: "switch instance", .commandNamespace: "repositories of a namespace",
        .commandRepositories: "repositories of an instance or a namespace", .commandTags: "tags of a repository",
        .commandQuit: "quit", .commandHelp: "this help", .commandInstances: "the instances",
        .commandNeedsInstance: "Open an instance first, or name one: {0} (instances: {1})", .commandUsage: "Usage: {0}",
        .knownInstances: "instances: {0}",
        .hintNextField: "next field", .hintPreviousField: "previous field", .hintSave: "save", .hintCancel: "cancel",
        .filterSyntax: "text = substring · re:REGEX · -f TEXT or ~TEXT = fuzzy · !… = inverse",
        .copied: "Copied: {0}", .copyNeedsDigest: "The digest of {0} is not known yet; try again in a moment",
        .readOnly: "{0} is read-only: deleting is off", .nothingSelected: "Nothing selected",
        .unknownCommand: "Unknown command '{0}' (see ? for commands)", .invalidFilter: "Invalid filter: {0}",
        .refreshing: "Refreshing…", .unknownInstance: "No instance named '{0}'", .sortedBy: "Sorted by {0}",
        .sortLabelVersion: "VERSION",
        .referrersShown: "Showing referrer tags", .referrersHidden: "Hiding referrer tags",
        .invalidTagName: "⚠ invalid name", .copyRefused: "Not copied: {0} holds control characters",
        .restoreFailed: "Could not reopen {0}: {1}",
        .deleteTitle: "Delete from {0}", .deletePlanning: "Planning the delete…",
        .deleteLine: "delete  {0}  (tags: {1})", .refuseLine: "refuse  {0}: {1}", .deleteCancel: "Cancel",
        .deleteConfirm: "Delete",
        .deleteTypePrompt: "Type '{0}' to confirm:", .deleteProgress: "Deleting {0}/{1}…",
        .deleteDone: "Deleted {0} {0|manifest|manifests}", .deleteSkipped: "{0} skipped: {1}",
        .deleteFailed: "Delete failed: {0}",
        .deleteNothing: "Nothing to delete: {0}",
        .deleteGarbageCollection: "storage is freed when the registry's garbage collection runs",
        .refusalTagMissing: "tag '{0}' does not exist", .refusalDigestMissing: "{0} is not in {1}",
        .refusalSharedDigest: "{0} shares digest {1} with {2}, which would be deleted too; mark them too",
        .refusalTagMoved: "tag '{0}' now points at {1} (planned: {2})",
        .refusalTagsAdded: "tag {0} was pushed onto {1} after the plan",
        .columnScan: "SCAN", .columnSeverity: "SEVERITY", .columnID: "ID", .columnPackage: "PACKAGE",
        .columnInstalled: "INSTALLED",
        .columnFixed: "FIXED", .columnCVSS: "CVSS", .columnTitle: "TITLE", .columnChange: "CHANGE",
        .columnFixes: "FIXES",
        .columnUpgradeTo: "UPGRADE TO", .columnFindings: "FINDINGS", .columnWorst: "WORST", .columnFixable: "FIXABLE",
        .findings: "findings", .findingDetail: "finding", .vulnerabilityOverview: "vulnerabilities", .diffTitle: "diff",
        .noReport: "No scan report for {0}. Attach one with: regconsole scan attach {0} REPORT",
        .scanLoading: "Reading the scan report…",
        .noFindings: "No findings.", .findingsCounter: "{0} {0|finding|findings}", .suppressedCount: "{0} suppressed",
        .expiredCount: "{0} expired",
        .suppressedBy: "suppressed ({0}) by {1} until {2}: {3}",
        .suppressionExpired: "suppression expired {0} ({1}): {2}",
        .severityCritical: "critical", .severityHigh: "high", .severityMedium: "medium", .severityLow: "low",
        .severityNegligible: "negligible", .severityUnknown: "unknown",
        .changeNew: "new", .changeFixed: "fixed", .changeUnchanged: "unchanged",
        .groupedByPackage: "Grouped by package: upgrade to fix", .groupedByVulnerability: "Grouped by vulnerability",
        .ungrouped: "One row per finding",
        .showingSuppressed: "Showing suppressed findings", .hidingSuppressed: "Hiding suppressed findings",
        .diffNeedsTwo: "Mark two tags (space) to compare them",
        .labelSeverity: "Severity", .labelPackage: "Package", .labelInstalled: "Installed", .labelFixed: "Fixed in",
        .labelCVSS: "CVSS",
        .labelLayer: "Layer", .labelTarget: "Found in", .labelAliases: "Aliases", .labelLinks: "Links",
        .labelDescription: "Description", .labelStatus: "Status",
        .suppressTitle: "Suppress {0}", .suppressStatus: "Decision", .suppressScope: "Applies to",
        .suppressPackageOnly: "Only in {0}",
        .suppressReason: "Reason", .suppressOwner: "Owner", .suppressExpires: "Expires (YYYY-MM-DD)",
        .scopeImage: "this image", .scopeRepository: "repository", .scopeNamespace: "namespace",
        .scopeInstance: "whole instance",
        .statusNotAffected: "not affected", .statusAccepted: "risk accepted", .suppressSave: "Save",
        .suppressSaved: "Suppressed {0} ({1})",
        .suppressRemoved: "Removed the suppression of {0}", .unsuppressTitle: "Unsuppress {0}",
        .unsuppressConfirm: "Remove",
        .reasonRequired: "a reason is required", .dateInvalid: "expected a date like 2026-12-31",
        .actionVulnerabilities: "vulnerabilities", .actionDiff: "diff two tags",
        .actionSuppress: "suppress / unsuppress",
        .actionGroupPackages: "group by package", .actionGroupVulnerabilities: "group by vulnerability",
        .actionShowSuppressed: "show suppressed",
        .commandVulns: "newest tag of every repository with its findings", .overviewProgress: "repositories {0}/{1}",
        .columnInstance: "INSTANCE", .columnOlder: "OLDER", .overviewAsOf: "as of {0}", .overviewFilter: "filter: {0}",
        .everyInstance: "every instance", .actionTagScope: "newest tag / every tag",
        .scopeNewestTags: "The newest tag of each repository; OLDER counts older images that also match",
        .scopeAllTags: "Every tagged image, one row per digest",
        .cancel: "Cancel",
        .lifecycleRules: "lifecycle rules", .lifecycleEditor: "rule", .lifecycleRun: "lifecycle run",
        .emptyRules: "No lifecycle rules here. Press n to create one.",
        .emptyRulesClientSide: "Personal Edition has no lifecycle rules. Press n for one run by regconsole.",
        .rulesClientSide: "run by regconsole",
        .columnRule: "RULE", .columnScope: "SCOPE", .columnKeep: "KEEP", .columnSchedule: "SCHEDULE",
        .columnRunsOn: "RUNS ON",
        .columnLastRun: "LAST RUN", .columnDecision: "DECISION", .columnReason: "REASON",
        .runsOnRegistry: "registry", .runsOnRegconsole: "regconsole", .scheduleManual: "manual",
        .fieldScope: "Scope", .fieldKeepCount: "Keep newest", .fieldKeepRegexp: "Keep matching",
        .fieldKeepDays: "Keep days",
        .fieldSchedule: "Schedule", .fieldAuto: "Run automatically",
        .hintKeepCount: "the N newest tags by created time",
        .hintKeepRegexp: "kept when the name contains a match; ^…$ anchors",
        .hintKeepDays: "tags pushed within this many days", .errorWholeNumber: "a whole number, 1 or more",
        .editorKeys: "tab next field · enter save · ctrl-a save and apply · pgup/pgdn scroll preview · esc cancel",
        .previewLoading: "Reading tags {0}/{1}…",
        .previewTotals: "delete {0} of {1} {1|tag|tags} ({2} {2|manifest|manifests}) · keep {3} · frees {4}",
        .previewChanges: "compared with the saved rules: {0} more deleted, {1} fewer", .previewWarning: "warning: {0}",
        .decisionKeep: "keep", .decisionDelete: "delete",
        .reasonNewest: "kept: #{0} of the {1} newest", .reasonMatches: "kept: matches {0}",
        .reasonPushedWithin: "kept: pushed within {0} {0|day|days}",
        .reasonSharesDigest: "kept: shares its digest with kept tag {0}",
        .reasonCreatedUnknown: "kept: creation time unknown",
        .reasonUnreadable: "kept: could not be read ({0})", .reasonReferrers: "kept: referrers tag",
        .reasonNotCovered: "kept: no rule covers it",
        .reasonDeleted: "deleted: {0}", .notKeptCount: "older than the {0} newest",
        .notKeptPattern: "does not match {0}",
        .notKeptDays: "pushed more than {0} {0|day|days} ago",
        .ruleSaved: "Saved rule {0}", .ruleDeleted: "Deleted rule {0}", .ruleDeleteTitle: "Delete rule {0}?",
        .ruleDeleteBody: "The rule goes; no tag is touched.", .ruleDeleteConfirm: "Delete rule",
        .applyTitle: "Apply {0} to {1}",
        .applyBody:
            "delete {0} {0|tag|tags} ({1} {1|manifest|manifests}), keep {2}; frees {3} once the registry collects garbage",
        .applyConfirm: "Delete {0} {0|manifest|manifests}", .applyNothing: "Nothing to delete: every tag is kept",
        .runPending: "pending", .runDeleted: "deleted", .runSkipped: "skipped: {0}", .runFailed: "failed: {0}",
        .runSummary: "Deleted {0}, skipped {1}, failed {2}", .runProgress: "{0}/{1} done",
        .resumeTitle: "Resume the interrupted lifecycle run?",
        .resumeBody: "started {0}: {1} of {2} {2|manifest|manifests} done; only the rest of its list is deleted",
        .resumeConfirm: "Resume",
        .resumeOther:
            "An interrupted lifecycle run on {0} (started {1}, {2} of {3} {3|manifest|manifests} done) comes first: apply its own rules there "
            + "to finish it, or run `regconsole lifecycle apply --resume` or `--discard-journal`",
        .actionLifecycle: "lifecycle rules", .actionCreate: "new", .actionEdit: "edit", .actionApply: "apply",
        .commandLifecycle: "lifecycle rules here (instance, namespace or repository)",
        .columnInstanceID: "ID", .columnSpecification: "SPEC", .specificationPersonal: "Personal",
        .columnCredentials: "URL / ACCESSKEY",
        .columnUpdated: "PUSHED",
        .credentialsFrom: "key: {0}",
        .actionScan: "scan (registry's scanner)", .scanStarted: "Scan of {0} started; the SCAN column follows it.",
        .scanRunning: "scanning…", .scanFinished: "Scan of {0} finished.", .scanFailed: "Scan of {0} failed: {1}",
        .scanNotOffered: "{0} does not scan images itself; attach a report with: regconsole scan attach",
        .instanceUnavailable: "{0} cannot be opened: {1}",
        .columnVisibility: "VISIBILITY", .columnAutoCreate: "AUTO-CREATE", .columnSummary: "SUMMARY",
        .visibilityPublic: "public", .visibilityPrivate: "private", .yes: "yes", .no: "no",
        .fieldName: "Name", .fieldNamespace: "Namespace", .fieldVisibility: "Visibility",
        .fieldDefaultVisibility: "Default visibility",
        .fieldAutoCreate: "Create on push", .fieldSummary: "Summary", .fieldTagImmutability: "Immutable tags",
        .hintAutoCreate: "a push to a missing repository creates it",
        .hintTagImmutability: "a pushed tag can never be overwritten",
        .nameRule: "2–{0} of a-z 0-9 {1}; no separator at the ends",
        .valueRequired: "required", .create: "Create", .save: "Save", .saving: "Saving {0}…",
        .deleting: "Deleting {0}…",
        .saveFailed: "Could not save: {0}",
        .readOnlyChanges: "{0} is read-only: creating, editing and deleting are off",
        .namespaceNew: "New namespace", .namespaceEdit: "Edit namespace {0}",
        .namespaceCreated: "Created namespace {0}",
        .namespaceSaved: "Saved namespace {0}", .namespaceDeleted: "Deleted namespace {0}",
        .namespaceDeleteTitle: "Delete namespace {0}",
        .namespaceDeleteBody:
            "Every repository in namespace {0} on {1} is deleted, with all of its tags. This cannot be undone.",
        .namespaceDeleteConfirm: "Delete namespace",
        .repositoryNew: "New repository", .repositoryEdit: "Edit repository {0}",
        .repositoryCreated: "Created repository {0}",
        .repositorySaved: "Saved repository {0}", .repositoryDeleted: "Deleted repository {0}",
        .repositoryDeleteTitle: "Delete repository {0}",
        .repositoryDeleteBody: "Every tag in repository {0} on {1} is deleted. This cannot be undone.",
        .repositoryDeleteConfirm: "Delete repository",
        .tooSmall: "Terminal too small", .tooSmallSize: "{0}×{1} — needs at least {2}×{3}",
        .timeJustNow: "just now", .timeMinutes: "{0}m ago", .timeHours: "{0}h ago", .timeDays: "{0}d ago",
    ]
}
