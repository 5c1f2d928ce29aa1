import Foundation

/// Harbor's own scans: started with `POST …/scan`, followed through the artifact's scan overview,
/// and read from `…/additions/vulnerabilities` (keyed by report type, `{}` without a report).
extension HarborProvider: ServerScanning {
    public func startScan(repository: String, tag: String) async throws {
        try instance.requireWritable(to: "start a scan")
        if Digest(tag) == nil { try Tag.requireValidName(tag) }
        try await client.send(
            .post, artifactPath(repository: repository, reference: tag).appending("scan"),
            json: ["scan_type": "vulnerability"], operation: "starting a scan of \(repository):\(tag)")
    }

    public func scanState(repository: String, tag: String) async throws -> ServerScanState {
        let record = try await artifactRecord(repository: repository, reference: tag)
        return Self.state(record.scan?.scanStatus)
    }

    public func scanSummary(repository: String, tag: String) async throws -> [Severity: Int] {
        let record = try await artifactRecord(repository: repository, reference: tag)
        return record.scan.map(Self.overview)?.counts ?? [:]
    }

    /// The report of the artifact's last successful scan; nil when it has none. A failed scan is a
    /// report with status `failed` and no findings.
    public func scanReport(repository: String, tag: String?, digest: Digest) async throws -> ScanReport? {
        let path = artifactPath(repository: repository, reference: digest.description)
        let record = try await artifactRecord(repository: repository, reference: digest.description)
        let subject = "\(repository)@\(digest.short)"
        switch Self.state(record.scan?.scanStatus) {
        case .none, .scanning:
            return nil
        case .failed:
            return ScanReport(
                format: .harbor, scanner: record.scan.map(Self.overview)?.scanner ?? "Harbor", artifact: subject,
                status: "failed", findings: [])
        case .complete:
            let operation = "reading the vulnerability report of \(subject)"
            let body = try await client.raw(
                path.appending("additions/vulnerabilities"), headers: Self.reportHeaders, operation: operation)
            guard let report = try Self.preferredReport(in: body, host: client.host, operation: operation) else {
                return nil
            }
            var parsed = try ScanReportParser.parse(report, source: "Harbor's report of \(subject)")
            parsed.artifact = subject
            return parsed
        }
    }

    /// The report of the first known report type in a MIME-keyed answer, else of its only key, as
    /// JSON; nil for `{}`.
    static func preferredReport(in body: Data, host: String, operation: String) throws -> Data? {
        guard let document = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw RegistryError(
                .invalidResponse, "Harbor at \(host) sent something other than a JSON object while \(operation)",
                hint: "the server may be failing, or a proxy altered the answer")
        }
        let key =
            HarborScanOverview.reportTypes.first { document[$0] != nil }
            ?? (document.count == 1 ? document.keys.first : nil)
        guard let key, let report = document[key], JSONSerialization.isValidJSONObject(report) else { return nil }
        return try JSONSerialization.data(withJSONObject: report)
    }
}

extension HarborProvider: CVEAllowlisting {
    /// The project's own allowlist, or the system's when the project reuses it.
    public func cveAllowlist(repository: String) async throws -> CVEAllowlist? {
        let project = Namespace.of(repository: repository)
        let record: HarborProjectRecord = try await client.get(
            HarborPath.project(project), headers: ["X-Is-Resource-Name": "true"],
            operation: "reading project \(project)")
        if record.reusesSystemAllowlist {
            let system: HarborCVEAllowlistRecord = try await client.get(
                HarborPath.root.appending("system/CVEAllowlist"), operation: "reading the system CVE allowlist")
            return system.allowlist(level: .system)
        }
        return record.cveAllowlist?.allowlist(level: .project(project))
    }
}
