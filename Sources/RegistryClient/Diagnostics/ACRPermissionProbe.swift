/// The permissions check of an ACR instance: calls the read-only actions that browsing, scanning
/// and lifecycle rules need, and reports each as granted or missing by its RAM action.
struct ACRPermissionProbe: Sendable {
    let client: ACRClient
    let instanceID: String
    let limit: Duration

    /// One action tried, under the feature that needs it.
    struct Probe: Sendable {
        var feature: String
        var action: ACRAction
        var parameters: ACRParameters
    }

    /// What one probe found.
    enum Verdict: Sendable, Equatable {
        case granted, missing
        /// The call got no usable answer (timeout, server error), so the permission is unknown.
        case unknown(String)

        var text: String {
            switch self {
            case .granted: "granted"
            case .missing: "missing"
            case .unknown(let reason): "unknown (\(reason))"
            }
        }
    }

    /// The check's outcome for what each probe found: it fails when a permission is missing or unknown.
    static func outcome(_ results: [(probe: Probe, verdict: Verdict)]) -> DoctorCheck.Outcome {
        let text = results.map { "\($0.probe.feature): \($0.probe.action.rawValue) \($0.verdict.text)" }
            .joined(separator: ", ")
        let missing = results.filter { $0.verdict == .missing }.map(\.probe.action.permission)
        if results.contains(where: { if case .unknown = $0.verdict { true } else { false } }), missing.isEmpty {
            return .failed(text, fix: "run doctor again; if it persists, check the OpenAPI endpoint and the network")
        }
        guard missing.isEmpty else {
            return .failed(
                text,
                fix:
                    "grant \(missing.joined(separator: ", ")) to the RAM user, or attach AliyunContainerRegistryReadOnlyAccess"
            )
        }
        return .passed(text)
    }

    /// Runs every probe. An error answer other than a refused permission (no such repository)
    /// counts as granted, since the call got past authorization; a refused key or signature fails
    /// the check; no answer leaves the permission unknown.
    func run() async -> DoctorCheck.Outcome {
        let instance: ACRParameters = ["InstanceId": instanceID]
        var results: [(probe: Probe, verdict: Verdict)] = []
        var probes = [
            Probe(feature: "browse", action: .listNamespace, parameters: instance),
            Probe(feature: "browse", action: .listRepository, parameters: instance),
        ]
        // A scan summary needs a repository; one that does not exist still shows the permission.
        var scan = instance
        scan["RepoId"] = "crr-regconsole-doctor"
        scan["Tag"] = "latest"
        probes.append(Probe(feature: "scan", action: .getRepoTagScanSummary, parameters: scan))
        probes.append(Probe(feature: "lifecycle", action: .listArtifactLifecycleRule, parameters: instance))
        for probe in probes {
            do {
                try await DoctorDeadline.run(limit) { [client] in
                    try await client.perform(probe.action, probe.parameters)
                }
                results.append((probe, .granted))
            } catch let error as RegistryError where error.code == .denied {
                results.append((probe, .missing))
            } catch let error as RegistryError where error.code == .unauthorized {
                return .failed(error.message, fix: error.hint ?? "check the AccessKey")
            } catch let error as RegistryError where error.status.map({ $0 < 500 }) ?? false {
                results.append((probe, .granted))
            } catch {
                results.append((probe, .unknown(DoctorDeadline.describe(error).detail)))
            }
        }
        return Self.outcome(results)
    }
}
