import Foundation

/// Finds what `config init` proposes: the registries of the docker config (ACR hosts by name,
/// Harbor by asking it, the rest as plain registries) and the ACR Enterprise instances each usable
/// Alibaba Cloud key sees in its region. It never copies a secret: entries name where regconsole
/// finds credentials at run time.
public struct ConfigDiscovery: Sendable {
    /// The proposals, in order, with unique names, and what was found but not proposed.
    public struct Outcome: Sendable {
        public var proposals: [InstanceProposal]
        public var notes: [String]
    }

    private let environment: [String: String]
    private let probe: RegistryHostProbe
    private let lister: ACRInstanceLister

    /// Creates a discovery reading the files `environment` names.
    /// - Parameters:
    ///   - acrEndpoint: the ACR OpenAPI endpoint to list instances at (written on their entries).
    ///   - probeTimeout: the longest one registry probe may take.
    public init(
        environment: [String: String], http: any HTTPClient, acrEndpoint: URL? = nil,
        probeTimeout: Duration = .seconds(2)
    ) {
        self.environment = environment
        self.probe = RegistryHostProbe(http: http, timeout: probeTimeout)
        self.lister = ACRInstanceLister(http: http, endpoint: acrEndpoint, environment: environment)
    }

    /// Reads the files, probes the hosts and lists the instances (all at once), and proposes.
    public func run() async -> Outcome {
        let docker = DockerConfigHosts(environment: environment)
        let alibaba = AlibabaProfiles(environment: environment)
        async let answers = probeAll(docker.hosts.filter { RegistryHostKind.of($0.host) == .other })
        async let listings = listAll(alibaba.profiles)
        var outcome = Outcome(proposals: [], notes: docker.notes + alibaba.notes)
        let listed = await listings
        let apiProposals = instanceProposals(listed, profiles: alibaba.profiles, notes: &outcome.notes)
        let probed = await answers
        for host in docker.hosts {
            guard RegistrySession.hostURL(host.host, scheme: "https") != nil else {
                outcome.notes.append(
                    "'\(host.host)' (\(host.file.path)) is not a HOST[:PORT] registry host: not proposed")
                continue
            }
            if let proposal = hostProposal(host, answer: probed[host.host], profiles: alibaba.profiles) {
                if let covering = apiProposals.first(where: { covers($0, proposal) }) {
                    outcome.notes.append("\(host.host) is the ACR instance '\(covering.entry.name)' listed below")
                } else if !outcome.proposals.contains(where: { $0.entry == proposal.entry }) {
                    outcome.proposals.append(proposal)
                }
            } else {
                outcome.notes.append(
                    "\(host.host) (\(host.file.path)) is Docker Hub, which has no catalog to browse: not proposed")
            }
        }
        outcome.proposals += apiProposals
        InstanceNamer.makeUnique(&outcome.proposals)
        return outcome
    }

    // MARK: - Docker config hosts

    private func hostProposal(
        _ host: DockerConfigHosts.Host, answer: RegistryHostProbe.Answer?, profiles: [AlibabaProfiles.Profile]
    ) -> InstanceProposal? {
        let origin = host.file.path
        switch RegistryHostKind.of(host.host) {
        case .dockerHub:
            return nil
        case .acrEnterprise(let instance, let region):
            var proposal = acrProposal(name: instance, region: region, origin: origin, profiles: profiles)
            proposal.notes.append(
                "\(host.host) is instance '\(instance)'; this entry shows every ACR Enterprise instance in \(region): "
                    + "add instance_id = \"cri-...\" (see `regconsole instances`) to show only it")
            return proposal
        case .acrPersonal(let region):
            var proposal = acrProposal(
                name: "acr-personal-\(region)", region: region, origin: origin, profiles: profiles)
            proposal.entry.edition = .personal
            if host.host != "registry.\(region).aliyuncs.com" { proposal.entry.registry = host.host }
            return proposal
        case .other:
            let url = answer?.url ?? RegistrySession.hostURL(host.host, scheme: "https")  // checked by `run`
            let kind: InstanceKind = answer?.isHarbor == true ? .harbor : .distribution
            var proposal = InstanceProposal(
                entry: InstanceConfig(name: host.host, kind: kind, url: url), origin: origin,
                credentials: "\(host.credentials), looked up at run time")
            if answer == nil {
                proposal.notes.append(
                    "\(host.host) did not answer: check the address; a self-signed certificate needs insecure = true")
            }
            return proposal
        }
    }

    /// An `acr` entry for a region, with the profile of that region when exactly one key has it.
    private func acrProposal(
        name: String, region: String, origin: String, profiles: [AlibabaProfiles.Profile]
    ) -> InstanceProposal {
        let matching = profiles.filter { $0.region == region }
        let profile = matching.count == 1 ? matching[0] : nil
        let entry = InstanceConfig(name: name, kind: .acr, region: region, profile: profile?.name)
        let credentials =
            profile.map { "the AccessKey of \($0.source)" }
            ?? "an AccessKey from ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET, the aliyun CLI's current profile "
            + "or ~/.alibabacloud/credentials [default] (set profile = \"NAME\" to choose one)"
        return InstanceProposal(entry: entry, origin: origin, credentials: credentials)
    }

    /// Whether an instance listed over the API is the one a docker config host names.
    private func covers(_ listed: InstanceProposal, _ proposal: InstanceProposal) -> Bool {
        guard listed.entry.kind == .acr, proposal.entry.isACREnterprise, listed.entry.region == proposal.entry.region
        else { return false }
        return listed.entry.name.lowercased() == proposal.entry.name.lowercased()
    }

    private func probeAll(_ hosts: [DockerConfigHosts.Host]) async -> [String: RegistryHostProbe.Answer] {
        await withTaskGroup(of: (String, RegistryHostProbe.Answer?).self) { group in
            for host in hosts {
                group.addTask { (host.host, await probe.probe(host: host.host, plainHTTP: host.plainHTTP)) }
            }
            var answers: [String: RegistryHostProbe.Answer] = [:]
            for await (host, answer) in group { answers[host] = answer }
            return answers
        }
    }

    // MARK: - ACR instances over the API

    private typealias Listing = Result<[ACRInstanceLister.Found], any Error>

    private func listAll(_ profiles: [AlibabaProfiles.Profile]) async -> [Listing] {
        await withTaskGroup(of: (Int, Listing).self) { group in
            for (index, profile) in profiles.enumerated() {
                group.addTask {
                    do {
                        return (index, .success(try await lister.instances(for: profile)))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var listings = [Listing](repeating: .success([]), count: profiles.count)
            for await (index, listing) in group { listings[index] = listing }
            return listings
        }
    }

    private func instanceProposals(
        _ listings: [Listing], profiles: [AlibabaProfiles.Profile], notes: inout [String]
    ) -> [InstanceProposal] {
        var proposals: [InstanceProposal] = []
        var seen = Set<String>()
        for (profile, listing) in zip(profiles, listings) {
            switch listing {
            case .failure(let error):
                notes.append(
                    "could not list the ACR instances in \(profile.region) with \(profile.source): \(error); "
                        + "nothing proposed from it")
            case .success(let found) where found.isEmpty:
                notes.append("\(profile.source) sees no ACR Enterprise instance in \(profile.region)")
            case .success(let found):
                for instance in found where seen.insert(instance.id).inserted {
                    let entry = InstanceConfig(
                        name: instance.name, kind: .acr, region: instance.region, instanceID: instance.id,
                        endpoint: lister.endpoint, profile: profile.name)
                    proposals.append(
                        InstanceProposal(
                            entry: entry, origin: profile.source, credentials: "the AccessKey of \(profile.source)"))
                }
            }
        }
        return proposals
    }
}
