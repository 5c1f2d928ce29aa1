import Foundation

extension Doctor {
    /// The checks of a distribution or Harbor instance.
    func runRegistry(_ entry: InstanceConfig) async -> [DoctorCheck] {
        let name = entry.name
        var checks: [DoctorCheck] = []
        guard let url = entry.url else {
            checks.append(
                DoctorCheck(
                    instance: name, name: .dns,
                    outcome: .failed("the instance has no url", fix: "add url = \"https://HOST\" to the instance")))
            return checks
        }
        guard await reach(url, instance: name, insecure: entry.insecure, isACR: false, into: &checks) else {
            return checks
        }
        let host = Instance.hostAndPort(url)

        // api: GET /v2/ without credentials answers like a registry.
        let challenges: [AuthChallenge]
        do {
            let local = now()
            let response = try await get(url.appendingPathComponent("v2/"), insecure: entry.insecure)
            checks.append(clock(response, receivedAt: local, instance: name, host: host))
            challenges = response.headers.values("WWW-Authenticate").flatMap(AuthChallenge.parse)
            var outcome = Self.registryAnswer(response, challenges: challenges)
            if outcome.ok, entry.kind == .harbor {
                outcome = await harborAnswer(url, insecure: entry.insecure, registry: outcome)
            }
            checks.append(DoctorCheck(instance: name, name: .api, outcome: outcome))
            guard outcome.ok else { return checks }
        } catch {
            let (detail, _) = DoctorDeadline.describe(error)
            checks.append(
                DoctorCheck(
                    instance: name, name: .api,
                    outcome: .failed(
                        "GET /v2/ got no answer: \(detail)",
                        fix: "check that the url is the registry's address (a proxy in between may drop requests)")))
            return checks
        }

        // auth: where the credentials come from, and whether the registry takes them.
        let auth = await authenticate(entry, host: host, challenges: challenges)
        checks.append(DoctorCheck(instance: name, name: .auth, outcome: auth))
        guard auth.ok else { return checks }

        // read: the catalog, or Harbor's projects.
        checks.append(DoctorCheck(instance: name, name: .read, outcome: await read(entry)))
        return checks
    }

    /// The api outcome of `GET /v2/`: 200, or 401 with a challenge, is a registry.
    static func registryAnswer(_ response: HTTPResponse, challenges: [AuthChallenge]) -> DoctorCheck.Outcome {
        if response.status == 200 {
            return .passed("GET /v2/ answered 200: a registry that needs no login")
        }
        if response.status == 401, let challenge = challenges.first {
            let realm = challenge.realm.map { " (realm \($0))" } ?? ""
            return .passed("GET /v2/ answered 401 with a \(challenge.scheme.capitalized) challenge\(realm)")
        }
        return .failed(
            "GET /v2/ answered HTTP \(response.status)\(response.status == 401 ? " without a challenge" : ""): not a registry API",
            fix:
                "give the registry's base address as the url (without /v2), and check that no proxy answers in its place"
        )
    }

    /// The api outcome, for a Harbor instance, of `GET /api/v2.0/systeminfo` after the registry's.
    private func harborAnswer(
        _ url: URL, insecure: Bool, registry: DoctorCheck.Outcome
    ) async -> DoctorCheck.Outcome {
        let fix = "check that the instance is Harbor (kind = \"harbor\") and the url is its address"
        do {
            let response = try await get(url.appendingPathComponent("api/v2.0/systeminfo"), insecure: insecure)
            let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
            guard response.status == 200, let object else {
                return .failed("GET /api/v2.0/systeminfo answered HTTP \(response.status): not Harbor's API", fix: fix)
            }
            let version = (object["harbor_version"] as? String).map { " (Harbor \($0))" } ?? ""
            return .passed("\(registry.detail); /api/v2.0/systeminfo answers\(version)")
        } catch {
            return .failed("GET /api/v2.0/systeminfo got no answer: \(DoctorDeadline.describe(error).detail)", fix: fix)
        }
    }

    /// The auth outcome: the credential source (never the secret), then a probe through the provider.
    private func authenticate(
        _ entry: InstanceConfig, host: String, challenges: [AuthChallenge]
    ) async -> DoctorCheck.Outcome {
        let source: String
        do {
            let chain = CredentialChain(environment: environment)
            let lookup = try await DoctorDeadline.run(limits.auth) {
                try await chain.lookup(host: host, configured: entry.credentials, instance: entry.name)
            }
            source =
                lookup.credential.map { "credentials: \($0)" }
                ?? "no credentials (anonymous; tried \(lookup.consulted.isEmpty ? "nothing" : lookup.consulted.joined(separator: ", ")))"
        } catch {
            let (detail, fix) = DoctorDeadline.describe(error)
            return .failed(detail, fix: fix ?? "check password_env or password_command of the instance")
        }
        do {
            try await DoctorDeadline.run(limits.auth) { [session] in
                try await session.provider(for: entry.name).probe()
            }
        } catch {
            let (detail, fix) = DoctorDeadline.describe(error)
            return .failed(
                "\(source); \(detail)",
                fix: fix ?? "check the username and password (docker login \(host), or the instance's password_env)")
        }
        let flow: String
        if let bearer = challenges.first(where: { $0.scheme == "bearer" }) {
            flow = "Bearer token obtained from \(bearer.realm ?? "the realm")"
        } else if challenges.contains(where: { $0.scheme == "basic" }) {
            flow = "Basic auth accepted"
        } else {
            flow = "no login needed"
        }
        return .passed("\(source); \(flow)")
    }

    /// The read outcome: how many repositories the catalog lists (projects for Harbor, namespaces
    /// for ACR), counting at most `readCountLimit` so a huge catalog does not run into the deadline.
    func read(_ entry: InstanceConfig) async -> DoctorCheck.Outcome {
        do {
            let (count, noun) = try await DoctorDeadline.run(limits.read) { [session] in
                let provider = try await session.provider(for: entry.name)
                if entry.kind == .distribution {
                    return (try await Self.count(provider.repositories(namespace: nil)), "repositories in the catalog")
                }
                return (try await Self.count(provider.namespaces()), entry.kind == .harbor ? "projects" : "namespaces")
            }
            return .passed(Self.countText(count, noun))
        } catch {
            let (detail, fix) = DoctorDeadline.describe(error)
            return .failed(detail, fix: fix ?? "the account may lack the permission to list; check its role")
        }
    }

    /// The most items the read check counts.
    static let readCountLimit = 1000

    /// `12 namespaces`, or `1000+ namespaces (counting stopped there)` at the limit.
    static func countText(_ count: Int, _ noun: String) -> String {
        count < readCountLimit ? "\(count) \(noun)" : "\(count)+ \(noun) (counting stopped there)"
    }

    /// The items of a paged listing, up to `readCountLimit`.
    static func count<Item>(_ pages: AsyncThrowingStream<[Item], any Error>) async throws -> Int {
        var count = 0
        for try await page in pages {
            count += page.count
            if count >= readCountLimit { return readCountLimit }
        }
        return count
    }
}
