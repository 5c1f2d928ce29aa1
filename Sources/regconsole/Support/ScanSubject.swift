import Foundation
import RegistryClient

/// The report a scan command works on: read from a file, or found for an image on its registry,
/// with the suppressions of that image's instance applied.
struct ScanSubject {
    var label: String
    var report: ScanReport
    var findings: [TriagedFinding]
    var reference: Reference?
    var provider: (any RegistryProvider)?

    /// Loads `--file` or the report attached to `image` (exactly one of them).
    static func load(image: String?, file: String?, context: CLIContext, now: Date = Date()) async throws -> ScanSubject
    {
        switch (image, file) {
        case (nil, let file?):
            let data = try readReport(file)
            let report = try ScanReportParser.parse(data, source: file)
            return ScanSubject(
                label: file, report: report,
                findings: TriagedFinding.triage(report.findings, suppressions: [], repository: "", digest: nil))
        case (let image?, nil):
            return try await fromRegistry(image, context: context, now: now)
        default:
            throw UsageError(description: "give an IMAGE or --file REPORT")
        }
    }

    /// The bytes of a report file; a file that cannot be read is a usage error (exit 2).
    static func readReport(_ path: String) throws -> Data {
        do {
            return try ScanReportParser.readFile(path)
        } catch let error as ScanReportError {
            throw UsageError(description: error.description)
        }
    }

    /// An argument that is an existing file is read as a report; anything else is an image.
    static func load(imageOrFile argument: String, context: CLIContext) async throws -> ScanSubject {
        FileManager.default.fileExists(atPath: argument)
            ? try await load(image: nil, file: argument, context: context)
            : try await load(image: argument, file: nil, context: context)
    }

    private static func fromRegistry(_ image: String, context: CLIContext, now: Date) async throws -> ScanSubject {
        let (provider, reference) = try await context.image(image)
        let digest: Digest
        if let given = reference.digest {
            digest = given
        } else if let tag = reference.tag,
            let current = try await provider.currentDigest(repository: reference.repository, tag: tag)
        {
            digest = current
        } else {
            throw RegistryError(
                .notFound, "'\(reference)' does not exist",
                hint: "list tags with: regconsole tags \(reference.repositoryReference)")
        }
        guard
            let report = try await provider.scanReport(
                repository: reference.repository, tag: reference.tag, digest: digest)
        else {
            if provider is any ServerScanning {
                throw RegistryError(
                    .notFound, "\(reference) has no finished scan on \(provider.instance.name)",
                    hint: "start one with: regconsole scan start \(reference) --wait")
            }
            throw RegistryError(
                .notFound, "no scan report is attached to \(reference)",
                hint: "attach one with: regconsole scan attach \(reference) REPORT")
        }
        let suppressions = try SuppressionStore(instance: provider.instance.name, directories: context.directories)
            .load()
        let triaged = TriagedFinding.triage(
            report.findings, suppressions: suppressions, repository: reference.repository, digest: digest, now: now)
        var resolved = reference
        resolved.digest = digest
        return ScanSubject(
            label: resolved.description, report: report, findings: triaged, reference: resolved, provider: provider)
    }
}
