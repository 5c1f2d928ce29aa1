import RegistryClient
import TerminalUI

/// The scan summaries of a repository's images, kept per digest: the open findings of each image's
/// newest report (after the instance's suppressions), fetched for the rows on screen, and the
/// server-side scans being followed. Results belong to the digest, so every tag on it shows them.
@MainActor
final class DigestScans {
    /// A report to fetch: the digest is its identity; the tag names it for providers that scan by
    /// tag (the one it was last scanned through, when known).
    struct Key: Hashable, Sendable {
        var digest: Digest
        var tag: String

        static func == (lhs: Key, rhs: Key) -> Bool { lhs.digest == rhs.digest }
        func hash(into hasher: inout Hasher) { hasher.combine(digest) }
    }

    /// How often a running scan is checked.
    static let pollInterval: Duration = .seconds(1)

    private unowned let context: any PaneContext
    private let instance: Instance
    private let repository: String
    private let loader: VisibleLoader<Key, ScanReport?>
    /// Open findings per digest; nil inside means the image has no report.
    private var findings: [Digest: [Finding]?] = [:]
    /// The tag a digest was last scanned through.
    private var scannedTag: [Digest: String] = [:]
    private var suppressions: [Suppression] = []
    /// Server-side scans being followed, by tag.
    private var running: [String: Task<Void, Never>] = [:]
    /// What the registry's listing said of each image's own scan (Harbor): shown as it is, with no
    /// report read, while the instance has no suppressions that could change the counts.
    private var listed: [Digest: ServerScanOverview] = [:]

    init(context: any PaneContext, instance: Instance, repository: String) {
        self.context = context
        self.instance = instance
        self.repository = repository
        loader = VisibleLoader { [reports = context.scanReports, instance] (key: Key) in
            try await reports.report(instance: instance.name, repository: repository, tag: key.tag, digest: key.digest)
        }
        loader.onResult = { [weak self] key, result in self?.received(key, result) }
        reset()
    }

    /// Whether reports are being fetched.
    var isBusy: Bool { loader.isBusy }

    /// Forgets every summary and reads the suppressions again (a reload, new suppressions).
    func reset() {
        loader.reset()
        findings = [:]
        listed = [:]
        suppressions = (try? context.suppressions(of: instance).load()) ?? []
    }

    /// Forgets one image's summary: its report is new.
    func forget(_ digest: Digest) {
        findings[digest] = nil
        listed[digest] = nil
        loader.invalidate(Key(digest: digest, tag: ""))
    }

    /// Asks for the summaries of the tags on screen; a tag whose listing carried the registry's scan
    /// overview needs no request unless suppressions could change its counts.
    func want(_ tags: [(name: String, digest: Digest, overview: ServerScanOverview?)]) {
        var wanted: [Key] = []
        for tag in tags {
            if suppressions.isEmpty, let overview = tag.overview {
                listed[tag.digest] = overview
            } else {
                wanted.append(Key(digest: tag.digest, tag: scannedTag[tag.digest] ?? tag.name))
            }
        }
        loader.want(visible: wanted, everything: false, all: [])
    }

    /// The SCAN cell of a tag: `scanning…`, the counts, `-` for no report, `…` while unknown.
    func cell(tag: String, digest: Digest) -> String {
        if running[tag] != nil { return context.catalog[.scanRunning] }
        if let overview = listed[digest] {
            switch overview.state {
            case .complete: return overview.counts.countsText
            case .scanning: return context.catalog[.scanRunning]
            case .failed: return context.catalog[.scanFailedCell]
            case .none: return "-"
            }
        }
        guard let known = findings[digest] else { return "…" }
        return known.map { $0.severityCounts.countsText } ?? "-"
    }

    /// The worst open finding's severity on an image.
    func worst(on digest: Digest) -> Severity? {
        if let overview = listed[digest], overview.state == .complete {
            return Severity.worstFirst.first { overview.counts[$0, default: 0] > 0 }
        }
        return (findings[digest] ?? nil)?.first?.severity
    }

    /// Asks the registry to scan `tag`, follows the scan, then says how it ended and publishes
    /// that the image has a new report.
    func start(_ tag: String, digest: Digest?, with scanner: any ServerScanning) {
        context.showFlash(context.catalog[.scanStarted, tag])
        let repository = repository
        running[tag] = Task { [weak self] in
            let outcome: Result<ServerScanState, RegistryError>
            do {
                try await scanner.startScan(repository: repository, tag: tag)
                outcome = .success(
                    try await scanner.waitForScan(repository: repository, tag: tag, every: Self.pollInterval))
            } catch is CancellationError {
                return
            } catch {
                outcome = .failure(RegistryError(wrapping: error))
            }
            self?.ended(tag, digest: digest, outcome)
        }
    }

    private func ended(_ tag: String, digest: Digest?, _ outcome: Result<ServerScanState, RegistryError>) {
        running[tag] = nil
        if let digest { scannedTag[digest] = tag }
        let catalog = context.catalog
        switch outcome {
        case .success(.complete): context.showFlash(catalog[.scanFinished, tag])
        case .success: context.showFlash(catalog[.scanFailed, tag, instance.name], error: true)
        case .failure(let error): context.showFlash(catalog[.scanFailed, tag, catalog.describe(error)], error: true)
        }
        context.publish(.scanFinished(instance: instance.name, repository: repository, digest: digest))
    }

    private func received(_ key: Key, _ result: Result<ScanReport?, RegistryError>) {
        let report = try? result.get()
        findings[key.digest] = .some(
            report.map {
                TriagedFinding.unsuppressed(
                    $0.findings, suppressions: suppressions, repository: repository, digest: key.digest,
                    now: context.now)
            })
        context.requestDisplay()
    }

    /// Stops fetching and following (the pane closed).
    func close() {
        running.values.forEach { $0.cancel() }
        loader.reset()
    }

    /// Waits for the fetches under way (tests).
    func settle() async { await loader.settle() }
}
