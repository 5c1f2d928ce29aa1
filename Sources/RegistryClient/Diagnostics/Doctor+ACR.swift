import Foundation

extension Doctor {
    /// The checks of an ACR entry: the OpenAPI endpoint's network, its answer, the AccessKey,
    /// then a read, the permissions and the registry endpoint of each instance (or of `only`).
    func runACR(_ entry: InstanceConfig, only: String?) async -> [DoctorCheck] {
        let name = entry.name
        var checks: [DoctorCheck] = []
        let regional = URL(string: "https://\(ACRRegion.openAPIHost(entry.region ?? ""))")
        guard let endpoint = entry.endpoint ?? regional else {
            let outcome = DoctorCheck.Outcome.failed(
                "no OpenAPI endpoint for region '\(entry.region ?? "")'",
                fix: "set region (cn-hangzhou, …) or endpoint on the instance")
            return [DoctorCheck(instance: name, name: .dns, outcome: outcome)]
        }
        guard await reach(endpoint, instance: name, insecure: false, isACR: true, into: &checks) else {
            return checks
        }
        let host = Instance.hostAndPort(endpoint)

        // api: an unsigned call answers with the OpenAPI's JSON error.
        do {
            let local = now()
            let response = try await get(endpoint, insecure: false)
            checks.append(clock(response, receivedAt: local, instance: name, host: host))
            let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
            if let object, object["RequestId"] != nil || object["Code"] != nil {
                let code = (object["Code"] as? String).map { ", \($0)" } ?? ""
                checks.append(
                    DoctorCheck(
                        instance: name, name: .api,
                        outcome: .passed(
                            "\(host) answers like the ACR OpenAPI (HTTP \(response.status)\(code) to an unsigned call)")
                    ))
            } else {
                checks.append(
                    DoctorCheck(
                        instance: name, name: .api,
                        outcome: .failed(
                            "\(host) answered HTTP \(response.status) without the OpenAPI's JSON",
                            fix: "check the region and endpoint of the instance; a proxy may answer in its place")))
                return checks
            }
        } catch {
            checks.append(
                DoctorCheck(
                    instance: name, name: .api,
                    outcome: .failed(
                        "the OpenAPI at \(host) did not answer: \(DoctorDeadline.describe(error).detail)",
                        fix: "check the region and endpoint of the instance")))
            return checks
        }

        if entry.edition == .personal {
            return checks + (await personalChecks(entry))
        }

        // auth: the AccessKey's source, and a signed call accepted.
        let listings: [ACRInstanceDirectory.Listing]
        do {
            let credential = try AlibabaCredentialChain(environment: environment).resolve(profile: entry.profile)
            let directory = try ACRInstanceDirectory(
                entry: entry, http: http, environment: environment, forceReadOnly: true)
            let found = try await DoctorDeadline.run(limits.auth) { try await directory.listings() }
            listings = found.filter { only == nil || $0.instance.name == only }
            let names = found.map(\.instance.name).joined(separator: ", ")
            checks.append(
                DoctorCheck(
                    instance: name, name: .auth,
                    outcome: .passed(
                        "AccessKey from \(credential.source); signed calls accepted, \(found.count) instance(s): \(names)"
                    )
                ))
            if let only, listings.isEmpty {
                checks.append(
                    DoctorCheck(
                        instance: only, name: .read,
                        outcome: .failed("the AccessKey sees no instance named '\(only)'", fix: "instances: \(names)")))
            }
        } catch {
            let (detail, fix) = DoctorDeadline.describe(error)
            checks.append(
                DoctorCheck(
                    instance: name, name: .auth,
                    outcome: .failed(detail, fix: fix ?? "check the AccessKey (aliyun configure, or the environment)")))
            return checks
        }

        for listing in listings {
            let provider = ACRProvider(
                instance: listing.instance, instanceID: listing.instanceID, client: listing.client, http: http,
                content: session.content)
            checks.append(
                DoctorCheck(instance: listing.instance.name, name: .read, outcome: await readNamespaces(provider)))
            checks.append(
                DoctorCheck(
                    instance: listing.instance.name, name: .permissions,
                    outcome: await ACRPermissionProbe(
                        client: listing.client, instanceID: listing.instanceID, limit: limits.request
                    )
                    .run()))
            checks += await registryEndpoint(listing, insecure: entry.insecure)
        }
        return checks
    }

    /// The dns, tcp, tls and api checks of an instance's registry endpoint, which manifests are
    /// read through (the internet endpoint's system domain, else the first one enabled).
    private func registryEndpoint(_ listing: ACRInstanceDirectory.Listing, insecure: Bool) async -> [DoctorCheck] {
        let name = listing.instance.name
        let fix =
            "enable the instance's internet endpoint (or run inside its VPC) and allow this machine in its access list"
        let url: URL
        do {
            url = try await DoctorDeadline.run(limits.request) {
                try await ACRRegistryAccess.registryDomain(client: listing.client, instanceID: listing.instanceID).url
            }
        } catch {
            let (detail, hint) = DoctorDeadline.describe(error)
            return [DoctorCheck(instance: name, name: .api, outcome: .failed(detail, fix: hint ?? fix))]
        }
        var checks: [DoctorCheck] = []
        guard await reach(url, instance: name, insecure: insecure, isACR: true, into: &checks) else { return checks }
        do {
            let response = try await get(url.appendingPathComponent("v2/"), insecure: insecure)
            let challenges = response.headers.values("WWW-Authenticate").flatMap(AuthChallenge.parse)
            checks.append(
                DoctorCheck(instance: name, name: .api, outcome: Self.registryAnswer(response, challenges: challenges)))
        } catch {
            let detail = DoctorDeadline.describe(error).detail
            checks.append(
                DoctorCheck(
                    instance: name, name: .api,
                    outcome: .failed("GET /v2/ of \(Instance.hostAndPort(url)) got no answer: \(detail)", fix: fix)))
        }
        return checks
    }

    /// The auth and read checks of an ACR Personal Edition entry, through its provider.
    private func personalChecks(_ entry: InstanceConfig) async -> [DoctorCheck] {
        do {
            try await DoctorDeadline.run(limits.auth) { [session] in try await session.provider(for: entry.name).probe()
            }
        } catch {
            let (detail, fix) = DoctorDeadline.describe(error)
            return [
                DoctorCheck(
                    instance: entry.name, name: .auth,
                    outcome: .failed(detail, fix: fix ?? "check the AccessKey (aliyun configure, or the environment)"))
            ]
        }
        return [
            DoctorCheck(instance: entry.name, name: .auth, outcome: .passed("signed calls accepted")),
            DoctorCheck(instance: entry.name, name: .read, outcome: await read(entry)),
        ]
    }

    private func readNamespaces(_ provider: ACRProvider) async -> DoctorCheck.Outcome {
        do {
            let count = try await DoctorDeadline.run(limits.read) { try await Self.count(provider.namespaces()) }
            return .passed(Self.countText(count, "namespaces"))
        } catch {
            let (detail, fix) = DoctorDeadline.describe(error)
            return .failed(detail, fix: fix ?? "grant cr:ListNamespace to the RAM user")
        }
    }
}
