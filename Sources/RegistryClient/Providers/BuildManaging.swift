/// A provider whose registry builds images from source (ACR): the repository's source binding,
/// its build rules, the builds they ran and their logs.
public protocol BuildManaging: RegistryProvider {
    /// The source repository `repository` builds from; nil when none is bound.
    func sourceCodeBinding(repository: String) async throws -> SourceCodeBinding?
    /// Binds `repository` to a source repository, or changes the binding (`serverID` set).
    func bindSourceCode(repository: String, _ binding: SourceCodeBinding) async throws
    /// The repository's build rules.
    func buildRules(repository: String) async throws -> [BuildRule]
    /// Creates a rule; returns its id.
    func createBuildRule(repository: String, _ rule: BuildRule) async throws -> String
    /// Replaces every field of rule `rule.id`.
    func updateBuildRule(repository: String, _ rule: BuildRule) async throws
    func deleteBuildRule(repository: String, id: String) async throws
    /// Starts a build of rule `ruleID` now; returns the new build's id.
    func startBuild(repository: String, ruleID: String) async throws -> String
    /// Runs an earlier build again; returns the new build's id.
    func rebuild(repository: String, recordID: String) async throws -> String
    func cancelBuild(repository: String, recordID: String) async throws
    /// The repository's builds, a page at a time, newest first as the server lists them.
    func buildRecords(repository: String) -> AsyncThrowingStream<[BuildRecord], any Error>
    /// One build, read again.
    func buildRecord(repository: String, id: String) async throws -> BuildRecord
    /// A build's status alone (cheaper than its record).
    func buildStatus(repository: String, recordID: String) async throws -> BuildStatus
    /// Log lines from `offset` on (the highest line number seen so far; the server may repeat it).
    func buildLog(repository: String, recordID: String, from offset: Int) async throws -> [BuildLogLine]
}
