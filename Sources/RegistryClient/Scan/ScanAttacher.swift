import Foundation

/// `scan attach`: pushes a report file as a referrer of an image, after checking it parses.
public enum ScanAttacher {
    /// What was attached.
    public struct Result: Sendable {
        public var referrer: Referrer
        public var report: ScanReport
        public var subject: Descriptor
    }

    /// Attaches `data` (a report read from `file`) to the image `reference` names.
    /// - Throws: `ScanReportError` for a report that does not parse (nothing is pushed), `RegistryError`
    ///   when the registry refuses, or when the provider cannot attach artifacts.
    public static func attach(
        _ data: Data, file: String, to reference: Reference, provider: any RegistryProvider, now: Date = Date()
    ) async throws -> Result {
        let report = try ScanReportParser.parse(data, source: file)
        guard let writer = provider as? any ReferrerAttaching else {
            throw RegistryError(
                .unsupported, "\(provider.instance.name) cannot store referrers",
                hint: "attach reports to a registry that speaks the OCI distribution API")
        }
        guard let identifier = reference.manifestIdentifier else {
            throw RegistryError(
                .invalidReference, "'\(reference)' names no tag or digest", hint: "add :TAG or @sha256:…")
        }
        let subject = try await writer.subjectDescriptor(repository: reference.repository, reference: identifier)
        let annotations = [
            "org.opencontainers.image.created": RFC3339.format(now),
            "org.opencontainers.image.title": URL(fileURLWithPath: file).lastPathComponent,
            "dev.regconsole.scanner": [report.scanner, report.scannerVersion].compactMap { $0 }.joined(separator: " "),
        ]
        let mediaType = report.format.artifactType
        let referrer = try await writer.attach(
            repository: reference.repository, subject: subject, artifactType: mediaType, payload: data,
            payloadMediaType: mediaType, annotations: annotations)
        return Result(referrer: referrer, report: report, subject: subject)
    }
}
