/// Every user-facing string of the console, by key. `Catalog` holds the texts; placeholders are
/// `{0}`, `{1}`… in argument order, and `{1|tag|tags}` picks the singular or plural noun by the
/// count in argument 1.
public enum Message: String, CaseIterable, Sendable {
    // Panes and crumbs
    case instances, namespaces, repositories, tags, artifact
    case rootNamespace
    // Column headers
    case columnName, columnKind, columnURL, columnRegion, columnOrigin, columnStatus, columnFlags
    case columnNamespace, columnRepositories, columnRepository, columnTags, columnTag, columnDigest
    case columnSize, columnCreated, columnPlatforms
    // Instance status and flags
    case statusChecking, statusOK, flagReadOnly, flagProduction, flagInsecure
    // Counters and states
    case counterLoading, counterDone, counterFiltered, counterDetails
    case loading, emptyInstances, emptyNamespaces, emptyRepositories, emptyTags, loadFailed
    // Artifact tabs and labels
    case tabOverview, tabPlatforms, tabLayers, tabConfig, tabHistory, tabReferrers, tabManifest
    case labelReference, labelDigest, labelMediaType, labelSize, labelCreated, labelPlatforms, labelArtifactType
    case labelAnnotations, labelEntrypoint, labelCmd, labelWorkingDir, labelUser, labelEnv, labelLabels, labelPorts
    case labelPlatform, labelFoundBy, labelSharedWith, noReferrers, noHistory, noLayers, attestation
    // Key hints and help
    case helpTitle, helpPane, helpNavigation, helpGeneral, helpCommands, helpFilter
    case actionUp, actionDown, actionPageUp, actionPageDown, actionTop, actionBottom, actionOpen, actionBack, actionQuit
    case actionFilter, actionCommand, actionHelp, actionMark, actionClearMarks, actionDelete, actionRefresh
    case actionCopyTag, actionCopyDigest, actionNextTab, actionPreviousTab
    case actionSortName, actionSortSemver, actionSortCreated, actionSortSize, actionToggleReferrers
    case commandContext, commandNamespace, commandRepositories, commandTags, commandQuit, commandHelp
    case filterSyntax
    // Flash messages
    case copied, copyNeedsDigest, readOnly, nothingSelected, unknownCommand, invalidFilter, refreshing
    case unknownInstance, sortedBy, sortLabelVersion, referrersShown, referrersHidden
    // Names outside the distribution grammar, views that cannot be reopened
    case invalidTagName, copyRefused, restoreFailed
    // Delete flow
    case deleteTitle, deletePlanning, deleteLine, refuseLine, deleteCancel, deleteConfirm, deleteTypePrompt
    case deleteProgress, deleteDone, deleteSkipped, deleteFailed, deleteNothing, deleteGarbageCollection
    case refusalTagMissing, refusalDigestMissing, refusalSharedDigest, refusalTagMoved, refusalTagsAdded
    // Scan triage
    case columnScan, columnSeverity, columnID, columnPackage, columnInstalled, columnFixed, columnCVSS, columnTitle
    case columnChange, columnFixes, columnUpgradeTo, columnFindings, columnWorst, columnFixable
    case findings, findingDetail, vulnerabilityOverview, diffTitle, noReport, scanLoading, noFindings
    case severityCritical, severityHigh, severityMedium, severityLow, severityNegligible, severityUnknown
    case findingsCounter, suppressedCount, expiredCount, suppressedBy, suppressionExpired, changeNew, changeFixed,
        changeUnchanged
    case groupedByPackage, groupedByVulnerability, ungrouped, showingSuppressed, hidingSuppressed, diffNeedsTwo
    case labelSeverity, labelPackage, labelInstalled, labelFixed, labelCVSS, labelLayer, labelTarget, labelAliases,
        labelLinks, labelDescription, labelStatus
    case suppressTitle, suppressStatus, suppressScope, suppressPackageOnly, suppressReason, suppressOwner,
        suppressExpires
    case scopeImage, scopeRepository, scopeNamespace, scopeInstance, statusNotAffected, statusAccepted
    case suppressSave, suppressSaved, suppressRemoved, unsuppressTitle, unsuppressConfirm, reasonRequired, dateInvalid
    case actionSortSeverity, actionVulnerabilities, actionDiff, actionSuppress, actionGroupPackages,
        actionGroupVulnerabilities, actionShowSuppressed
    case commandVulns, overviewProgress, cancel
    case columnInstance, columnOlder, overviewAsOf, overviewFilter, everyInstance, actionTagScope, scopeNewestTags,
        scopeAllTags
    // Lifecycle
    case lifecycleRules, lifecycleEditor, lifecycleRun, emptyRules
    case columnRule, columnScope, columnKeep, columnSchedule, columnRunsOn, columnLastRun, columnDecision, columnReason
    case runsOnRegistry, runsOnRegconsole, scheduleManual
    case fieldScope, fieldKeepCount, fieldKeepRegexp, fieldKeepDays, fieldSchedule, fieldAuto
    case hintKeepCount, hintKeepRegexp, hintKeepDays, errorWholeNumber, editorKeys
    case previewLoading, previewTotals, previewChanges, previewWarning, decisionKeep, decisionDelete
    case reasonNewest, reasonMatches, reasonPushedWithin, reasonSharesDigest, reasonCreatedUnknown, reasonUnreadable
    case reasonReferrers, reasonNotCovered, reasonDeleted, notKeptCount, notKeptPattern, notKeptDays
    case ruleSaved, ruleDeleted, ruleDeleteTitle, ruleDeleteBody, ruleDeleteConfirm
    case applyTitle, applyBody, applyConfirm, applyNothing
    case runPending, runDeleted, runSkipped, runFailed, runSummary, runProgress
    case resumeTitle, resumeBody, resumeConfirm, resumeOther
    case actionLifecycle, actionCreate, actionEdit, actionApply, commandLifecycle
    // Registries that scan and list instances themselves (ACR)
    case columnInstanceID, columnSpecification, columnCredentials, columnUpdated, credentialsFrom
    case specificationPersonal, emptyRulesClientSide, rulesClientSide
    case actionScan, scanStarted, scanRunning, scanFinished, scanFailed, scanNotOffered, instanceUnavailable
    // Managing namespaces and repositories (ACR)
    case columnVisibility, columnAutoCreate, columnSummary, visibilityPublic, visibilityPrivate, yes, no
    case fieldName, fieldNamespace, fieldVisibility, fieldDefaultVisibility, fieldAutoCreate, fieldSummary,
        fieldTagImmutability
    case hintAutoCreate, hintTagImmutability, nameRule, valueRequired, create, save, saving, deleting, saveFailed,
        readOnlyChanges
    case namespaceNew, namespaceEdit, namespaceCreated, namespaceSaved, namespaceDeleted
    case namespaceDeleteTitle, namespaceDeleteBody, namespaceDeleteConfirm
    case repositoryNew, repositoryEdit, repositoryCreated, repositorySaved, repositoryDeleted
    case repositoryDeleteTitle, repositoryDeleteBody, repositoryDeleteConfirm
    // Builds: rules, builds, logs, source binding (texts in Catalog+Builds)
    case buildRecords, buildRules, buildLog, commandBuilds, buildsNeedACR, emptyBuilds, emptyBuildRules
    case actionBuild, actionRules, actionCancelBuild, actionBindSource, actionFollow
    case columnBuild, columnStarted, columnDuration, columnTrigger, columnPush, columnDockerfile, columnBuildArgs
    case buildPending, buildBuilding, buildSuccess, buildFailed, buildCanceled, originRule, originRebuild,
        originListedRule
    case durationSeconds, durationMinutes, durationHours, pushBranch, pushTag
    case sourceSummary, sourceAutoBuildOn, sourceAutoBuildOff, sourceNone, sourcePersonal, sourceBindTitle, sourceBound
    case fieldSourceProvider, fieldSourceNamespace, fieldSourceName, fieldAutoBuild, fieldDisableCache
    case fieldOverseaBuild, hintAutoBuild
    case buildRuleNew, buildRuleEdit, buildRuleCreated, buildRuleSaved, buildRuleDeleted
    case buildRuleDeleteTitle, buildRuleDeleteBody, buildRuleDeleteConfirm
    case fieldPushType, fieldPushName, fieldImageTag, fieldDockerfileLocation, fieldDockerfileName
    case fieldBuildPlatforms, fieldBuildArgs, hintBuildPlatforms, hintBuildArgs
    case buildStarting, buildStarted, buildStartFailed, buildNotRunning
    case buildCancelTitle, buildCancelBody, buildCancelConfirm, buildCancelKeep, buildCanceling, buildCancelRequested
    case buildCancelFailed
    case logFollowing, logPaused, logLineCount, logEmpty, logFailed, logMatch, logNoMatch
    case buildFinishedSuccess, buildFinishedFailed, buildFinishedCanceled, buildFinishedOther
    // Small terminal
    case tooSmall, tooSmallSize
    // Relative time
    case timeJustNow, timeMinutes, timeHours, timeDays
    // Commands from any pane, and form keys
    case commandNeedsInstance, commandUsage, knownInstances, commandInstances
    case hintNextField, hintPreviousField, hintSave, hintCancel
    // Triggers, event center, delivery chains (texts in Catalog+Pipeline)
    case triggers, eventRecords, eventRules, deliveryChains, chainRuns, deliveryChain, needsEnterprise
    case emptyTriggers, emptyEventRecords, emptyEventRules, emptyChains, emptyChainRuns
    case columnType, columnEvent, columnTime, columnMethod, columnChannel, columnSteps, columnModified, columnResult
    case triggerAllTags, triggerTagList, triggerRegexp
    case triggerNew, triggerEdit, triggerCreated, triggerSaved, triggerDeleted
    case triggerDeleteTitle, triggerDeleteBody, triggerDeleteConfirm
    case fieldURL, fieldTriggerType, fieldTriggerTags, hintURLKept, hintURLShownAs, errorURLRetype
    case hintTriggerAll, hintTriggerTags, hintTriggerRegexp, errorRegexp, errorWebURL, columnMatchTags
    case createdInACR, eventRulesCreatedInACR, eventRuleEdit, eventRuleSaved, eventRuleDeleted
    case eventRuleDeleteTitle, eventRuleDeleteBody, eventRuleDeleteConfirm
    case fieldEventType, fieldNamespaces, fieldRepositories, fieldTagFilter, fieldNotifyMethod, fieldNotifyURL
    case hintEventNamespaces, hintEventRepositories
    case readOnlyHere, chainsEditedInACR, chainRunNote
    case labelChain, labelScope, labelExcluded, labelPipeline, labelRun, labelResult, labelRepository, labelStarted,
        labelDuration, stepDisabled, denyPolicy, noSteps
    case actionTriggers, commandTriggers, commandEvents, commandChains
    // Replication, subscriptions, access and capacity (texts in Catalog+Replication)
    case syncRules, syncTasks, subscriptionRules, subscriptionTasks, endpoints, usage
    case emptySyncRules, emptySyncTasks, emptySubscriptionRules, emptySubscriptionTasks, emptyEndpoints, emptyUsage
    case columnTarget, columnProgress, columnSource, columnUpstream, columnCount, columnOverwrite, columnPulled,
        columnDetail, columnSyncTrigger, columnSyncRepositories, columnUsed, columnLimit, columnUsage
    case syncAutomatic, syncManual, syncPending, syncSynchronizing, syncSuccess, syncFailed, syncCanceledStatus,
        syncOneOff, syncLayers, syncIssue, syncTasksHint
    case syncNoTargets, syncRuleNotEditable, syncRuleNew, syncRuleCreated, syncRuleDeleted
    case syncRuleDeleteTitle, syncRuleDeleteBody, syncRuleDeleteConfirm
    case syncPlanning, syncRunFailed, syncPlanTruncated, syncPlanEmpty, syncPlanMore, syncRunTitle, syncRunBody,
        syncRunConfirm, syncStarting, syncStarted
    case fieldSyncSource, fieldRepositoryFilter, fieldNamespaceFilter, fieldSyncTrigger, fieldSyncTarget,
        fieldSyncTargetPath
    case hintRepositoryFilter, hintNamespaceFilter, hintSyncRepositoryPath, hintSyncNamespacePath,
        hintSyncInstancePath
    case syncTaskNotRunning, syncCancelTitle, syncCancelBody, syncCancelConfirm, syncCanceling, syncCancelFailed,
        syncCanceled
    case subscriptionNew, subscriptionEdit, subscriptionCreated, subscriptionSaved, subscriptionDeleted
    case subscriptionDeleteTitle, subscriptionDeleteBody, subscriptionDeleteConfirm
    case subscriptionRunTitle, subscriptionRunBody, subscriptionRunConfirm, subscriptionRunning,
        subscriptionRunStarted, subscriptionCompleted
    case fieldUpstream, fieldUpstreamRepository, hintUpstreamRepository, fieldSubscriptionTarget, fieldTagPattern,
        fieldTagCount, fieldPlatforms, fieldOverwrite, errorTagCount
    case internetEndpoint, vpcEndpoint, aclEntry, linkedVPC, endpointEnabled, endpointDisabled, aclOn, aclOff
    case internetOpen, internetRestricted, internetOff, aclSelectEntry
    case fieldACLEntry, fieldComment, hintACLEntryAs, aclDidYouMean, aclAddTitle, aclAdded
    case aclRemoveTitle, aclRemoveBody, aclRemoveConfirm, aclRemoved
    case internetEnableTitle, internetDisableTitle, internetEnableBody, internetDisableBody, internetEnableConfirm,
        internetDisableConfirm, internetEnabling, internetDisabling, internetEnabled, internetDisabled
    case passwordResetTitle, passwordResetBody, passwordResetConfirm, fieldNewPassword, fieldRepeatPassword,
        hintPassword, passwordMismatch, passwordResetting, passwordResetDone
    case quotaNamespaces, quotaRepositories, quotaChartNamespaces, quotaChartRepositories, quotaVPCs
    case actionSync, actionRun, actionTasks, actionSubscriptions, actionCancelTask, actionToggleEndpoint,
        actionResetPassword
    case commandSync, commandSubscriptions, commandEndpoints, commandQuotas
    case drift, emptyDrift, columnState, columnLastSync, driftMissing, driftDifferent, driftExtra, driftSame
    case driftNothingToCopy, driftSyncTitle, driftSyncBody, driftSyncConfirm, driftSyncStarted, driftCopyCommand
    case driftNoRule, driftNeedsRepository, driftTargetUnknown, actionDrift, commandDrift
    case driftTargetMissing, driftTruncated, driftSummary
    case storage, storageProgress, storageTruncated, storageLegend, storageTags
    // Harbor browsing (texts in Catalog+Harbor)
    case columnLastPulled, columnAccessories, columnStorage, scanFailedCell, storageUnlimited
    case columnAllowlist, allowlistedCount, allowlistSystem, allowlistProject
    // Harbor administration: robot accounts, audit log, project quotas
    case robots, auditLog, emptyRobots, emptyRobotsExpiring, emptyAuditLog, needsHarbor, quotaStorage
    case columnLevel, columnPermissions, columnExpires, columnUser, columnOperation, columnResource
    case columnResourceType
    case robotLevelSystem, robotLevelProject, robotEnabled, robotDisabled, robotExpired
    case expiresNever, expiresIn, expiredAgo, spanDays, spanHours, spanMinutes, robotsExpiringHeader
    case actionRobots, actionExpiringSoon, actionToggleEnabled, actionLoadMore, commandRobots, commandAudit
    case robotNew, fieldDuration, hintDuration, fieldPermissions, hintPermissions, errorDuration, errorPermission
    case robotCreated, robotSecretTitle, robotSecretBody, robotSecretCopy, robotSecretClose, robotSecretCopied
    case robotDeleteTitle, robotDeleteBody, robotDeleteConfirm, robotDeleted, robotEnabling, robotDisabling
    case robotEnabledDone, robotDisabledDone
    case auditFilterHint, auditMore, auditResultSuccess, auditResultFailure
    // Harbor replication and webhooks (texts in Catalog+Automation)
    case replicationPolicies, replicationExecutions, replicationTasks, webhookPolicies, webhookJobs, jobLog
    case emptyReplicationPolicies, emptyReplicationExecutions, emptyReplicationTasks, emptyWebhookPolicies,
        emptyWebhookJobs, emptyLog, webhooksNeedProject
    case columnDirection, columnEnabled, columnLastStatus, columnTotal, columnFailedCount, columnSucceeded,
        columnEvents, columnDestination
    case jobPending, jobRunning, jobSucceeded, jobFailed, jobStopped, enabledYes, enabledNo
    case triggerManual, triggerScheduled, triggerEventBased
    case replicationPoliciesHint, replicationPolicyFilters, replicationExecutionsHint, replicationExecutionDetail,
        replicationTasksHint
    case replicationRunTitle, replicationRunBody, replicationRunConfirm, replicationStarting, replicationStarted,
        replicationRunFailed
    case replicationStopTitle, replicationStopBody, replicationStopConfirm, replicationStopping, replicationStopped,
        replicationStopFailed, replicationNotRunning
    case webhookPoliciesHint, webhookAuthHeaderSet, webhookJobsHint
    case commandReplication, commandWebhooks
    // Harbor tag retention and immutability.
    case harborRetention, emptyHarborRetention, retentionSchedule, retentionScheduleManual
    case columnTagPattern, columnTemplate, columnRepos, columnUntagged, columnDisabled, columnPreview, columnServer
    case templateLatestPushed, templateLatestPulled, templateDaysPushed, templateDaysPulled, templateAlways
    case templateLatestActive, templateLastDays, selectorAny, selectorMatching, selectorExcluding
    case decisionImmutable, decisionError, actionDryRun
    case retentionEditor, fieldTemplate, fieldParameter, hintParameter, fieldTagSelector, fieldTagMode
    case fieldRepoSelector, fieldRepoMode, fieldUntagged, fieldDisabled, modeMatching, modeExcluding
    case retentionPreviewTotals, retentionGoes, retentionSaved, retentionRuleDeleteTitle, retentionRuleDeleteBody
    case retentionDryRunning, retentionCompareTitle, retentionSummary, retentionRunTitle, retentionRunBody
    case retentionRunConfirm, retentionRunning, retentionRunDone, retentionNoPolicy, retentionEditorKeys
    case immutableRules, emptyImmutable, immutableNew, immutableDeleteTitle, immutableDeleteBody
    case immutableDeleteConfirm, immutableSaved, immutableDeleted, immutableEnabled, immutableDisabled
    case commandImmutable
}
