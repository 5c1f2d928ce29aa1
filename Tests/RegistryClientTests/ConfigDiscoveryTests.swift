import Foundation
import TestSupport
import Testing

@testable import RegistryClient

/// `config init`'s discovery: host names, instance names, the files it reads, the TOML it writes and
/// the backup it keeps, against real files in a temporary home.
@Suite struct ConfigDiscoveryTests {
    private static let secret = "S3cretThatMustNotLeak-9f2c"

    private func write(_ text: String, to relativePath: String, in home: URL) throws {
        let url = home.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func hostNamesTellACRAndDockerHubApart() {
        #expect(
            RegistryHostKind.of("myco-registry.cn-shanghai.cr.aliyuncs.com")
                == .acrEnterprise(instance: "myco", region: "cn-shanghai"))
        #expect(
            RegistryHostKind.of("my-co-registry-vpc.cn-hangzhou.cr.aliyuncs.com")
                == .acrEnterprise(instance: "my-co", region: "cn-hangzhou"))
        #expect(RegistryHostKind.of("registry.cn-beijing.aliyuncs.com") == .acrPersonal(region: "cn-beijing"))
        #expect(
            RegistryHostKind.of("registry-intl.ap-southeast-1.aliyuncs.com:443")
                == .acrPersonal(region: "ap-southeast-1"))
        #expect(RegistryHostKind.of("index.docker.io") == .dockerHub)
        #expect(RegistryHostKind.of("-registry.cn-hangzhou.cr.aliyuncs.com") == .other)
        #expect(RegistryHostKind.of("harbor.example.com") == .other)
        #expect(RegistryHostKind.of("cr.cn-hangzhou.aliyuncs.com") == .other)
        #expect(RegistryHostKind.of("127.0.0.1:5000") == .other)
    }

    @Test func namesFollowTheGrammarAndAreUnique() {
        #expect(InstanceNamer.name(from: "127.0.0.1:5000") == "127.0.0.1-5000")
        #expect(InstanceNamer.name(from: "-.a b\u{1B}[31m") == "a-b--31m")
        #expect(InstanceNamer.name(from: "日本") == "registry")
        #expect(InstanceNamer.name(from: String(repeating: "x", count: 80)).count == InstanceNamer.maximumLength)
        var proposals = ["a", "a", "A", "b"].map {
            InstanceProposal(
                entry: InstanceConfig(name: $0, kind: .acr, region: "cn-hangzhou"), origin: "", credentials: "")
        }
        InstanceNamer.makeUnique(&proposals)
        #expect(proposals.map(\.entry.name) == ["a", "a-2", "A-3", "b"])
        for proposal in proposals { #expect(InstanceConfig.nameProblem(proposal.entry.name) == nil) }
    }

    @Test func hostileStringsAreQuotedAndTheFileReadsBack() throws {
        let hostile = "we\"ird\\pro\nfile\u{1B}[2J\u{7F}"
        let proposals = [
            InstanceProposal(
                entry: InstanceConfig(name: "hb", kind: .harbor, url: URL(string: "https://harbor.example.com")),
                origin: "/home/x/.docker/config.json\nkind = \"acr\"", credentials: "auths", notes: ["line\rbreak"]),
            InstanceProposal(
                entry: InstanceConfig(name: "p", kind: .acr, region: "cn-beijing", edition: .personal),
                origin: "here", credentials: "key"),
            InstanceProposal(
                entry: InstanceConfig(
                    name: "e", kind: .acr, region: "cn-hangzhou", instanceID: "cri-1",
                    endpoint: URL(string: "http://127.0.0.1:9"), profile: hostile),
                origin: "profile", credentials: "key"),
        ]
        let text = ConfigFileDocument.render(proposals)
        let config = try Config.parse(text, file: "config.toml", fileIsPrivate: true)
        #expect(config.instances == proposals.map(\.entry))
        #expect(config.instances[2].profile == hostile)
        #expect(text.contains("# Found in /home/x/.docker/config.json?kind = \"acr\"\n"))
        #expect(text.contains("# Note: line?break\n"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func dockerConfigHostsSayWhereTheirCredentialsAreAndKeepNoSecret() throws {
        let home = try TemporaryDirectory("discovery-docker")
        let auth = Data("alice:\(Self.secret)".utf8).base64EncodedString()
        try write(
            """
            {"auths": {"http://127.0.0.1:5000": {"auth": "\(auth)"}, "https://index.docker.io/v1/": {"auth": "\(auth)"}},
             "credHelpers": {"registry.cn-beijing.aliyuncs.com": "acr-helper"}}
            """, to: ".docker/config.json", in: home.url)
        let file = home.url.appendingPathComponent(".docker/config.json")
        let found = DockerConfigHosts(environment: ["HOME": home.url.path])
        #expect(
            found.hosts == [
                .init(
                    host: "127.0.0.1:5000", plainHTTP: true, file: file, credentials: "the auths entry in \(file.path)"),
                .init(
                    host: "index.docker.io", plainHTTP: false, file: file,
                    credentials: "the auths entry in \(file.path)"),
                .init(
                    host: "registry.cn-beijing.aliyuncs.com", plainHTTP: false, file: file,
                    credentials: "docker-credential-acr-helper (credHelpers in \(file.path))"),
            ])
        #expect(found.notes.isEmpty)

        try write(
            #"{"auths": {"h.example.com": {}}, "credsStore": "desktop"}"#, to: ".docker/config.json", in: home.url)
        #expect(
            DockerConfigHosts(environment: ["HOME": home.url.path]).hosts.map(\.credentials)
                == ["docker-credential-desktop (credsStore in \(file.path))"])
        try write("not json", to: ".docker/config.json", in: home.url)
        let broken = DockerConfigHosts(environment: ["HOME": home.url.path])
        #expect(broken.hosts.isEmpty)
        #expect(broken.notes.count == 1 && broken.notes[0].hasPrefix("\(file.path): not a valid docker config"))
    }

    @Test func alibabaProfilesAreTheUsableKeysWithRegions() throws {
        let home = try TemporaryDirectory("discovery-alibaba")
        try write(
            """
            {"current": "work", "profiles": [
              {"name": "work", "mode": "AK", "access_key_id": "id1", "access_key_secret": "\(Self.secret)", "region_id": "cn-hangzhou"},
              {"name": "sts", "mode": "StsToken", "access_key_id": "id2", "access_key_secret": "s", "sts_token": "t", "region_id": "cn-shanghai"},
              {"name": "role", "mode": "RamRoleArn", "access_key_id": "id3", "access_key_secret": "s", "region_id": "cn-hangzhou"},
              {"name": "noregion", "mode": "AK", "access_key_id": "id4", "access_key_secret": "s"},
              {"name": "empty", "mode": "AK", "access_key_id": "", "access_key_secret": "s", "region_id": "cn-hangzhou"}]}
            """, to: ".aliyun/config.json", in: home.url)
        try write(
            """
            [work]
            access_key_id = shadowed
            access_key_secret = shadowed
            [ini]
            type = access_key
            access_key_id = id5
            access_key_secret = \(Self.secret)
            region_id = eu-central-1
            [ecs]
            type = ecs_ram_role
            """, to: ".alibabacloud/credentials", in: home.url)
        let environment = [
            "HOME": home.url.path, "ALIBABA_CLOUD_ACCESS_KEY_ID": "id6", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": Self.secret,
            "ALIBABA_CLOUD_REGION_ID": "cn-beijing",
        ]
        let found = AlibabaProfiles(environment: environment)
        let cli = "~/.aliyun/config.json"
        #expect(
            found.profiles == [
                .init(name: nil, source: "environment ($ALIBABA_CLOUD_ACCESS_KEY_ID)", region: "cn-beijing"),
                .init(name: "work", source: "aliyun CLI profile 'work' (\(cli))", region: "cn-hangzhou"),
                .init(name: "sts", source: "aliyun CLI profile 'sts' (\(cli))", region: "cn-shanghai"),
                .init(name: "ini", source: "~/.alibabacloud/credentials [ini]", region: "eu-central-1"),
            ])
        #expect(
            found.notes == [
                "aliyun CLI profile 'role' (\(cli)) uses mode RamRoleArn, which regconsole cannot use (skipped)",
                "aliyun CLI profile 'noregion' (\(cli)) has no region_id: set one to list its ACR instances (skipped)",
                "aliyun CLI profile 'empty' (\(cli)) has an empty AccessKey (skipped)",
                "~/.alibabacloud/credentials [work] is hidden by the aliyun CLI profile of the same name (skipped)",
                "~/.alibabacloud/credentials [ecs] is of type ecs_ram_role, which regconsole cannot use (skipped)",
            ])
        for profile in found.profiles { #expect(!profile.source.contains(Self.secret)) }
    }

    @Test func aHarborAnswerMakesAHarborEntryAndAnUnreachableAPIIsANote() async throws {
        let home = try TemporaryDirectory("discovery-probe")
        try write(
            #"{"auths": {"harbor.example.com": {}, "plain.example.com": {}, "down.example.com": {}, "a b/c": {}}}"#,
            to: ".docker/config.json", in: home.url)
        try write(
            #"{"profiles": [{"name": "work", "mode": "AK", "access_key_id": "id", "access_key_secret": "s", "region_id": "cn-hangzhou"}]}"#,
            to: ".aliyun/config.json", in: home.url)
        let http = ProbeAnswers(answers: [
            "https://harbor.example.com/api/v2.0/systeminfo": (200, #"{"auth_mode": "db_auth"}"#),
            "https://plain.example.com/api/v2.0/systeminfo": (404, "404 page not found"),
        ])
        let outcome = await ConfigDiscovery(environment: ["HOME": home.url.path], http: http).run()
        #expect(outcome.proposals.map(\.entry.name) == ["down.example.com", "harbor.example.com", "plain.example.com"])
        #expect(outcome.proposals.map(\.entry.kind) == [.distribution, .harbor, .distribution])
        #expect(
            outcome.proposals.map { $0.entry.url?.absoluteString } == [
                "https://down.example.com", "https://harbor.example.com", "https://plain.example.com",
            ])
        #expect(outcome.proposals[0].notes.first?.hasPrefix("down.example.com did not answer") == true)
        let dockerConfig = home.url.appendingPathComponent(".docker/config.json").path
        #expect(outcome.notes.count == 2)
        #expect(outcome.notes.last == "'a b' (\(dockerConfig)) is not a HOST[:PORT] registry host: not proposed")
        #expect(
            outcome.notes.first?.hasPrefix(
                "could not list the ACR instances in cn-hangzhou with aliyun CLI profile 'work' (~/.aliyun/config.json): "
            ) == true)
    }

    @Test func theOldFileIsKeptAndTheNewOneIsPrivate() throws {
        let directory = try TemporaryDirectory("discovery-writer")
        let url = directory.url.appendingPathComponent("config.toml")
        #expect(try ConfigFileWriter.write("first = 1\n", to: url) == nil)
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(try ConfigFileWriter.write("second = 2\n", to: url, now: now)?.lastPathComponent == "config.toml.bak")
        #expect(
            try ConfigFileWriter.write("third = 3\n", to: url, now: now)?.lastPathComponent
                == "config.toml.20270115-080000.bak")
        #expect(
            try ConfigFileWriter.write("fourth = 4\n", to: url, now: now)?.lastPathComponent
                == "config.toml.20270115-080000-2.bak")
        func read(_ name: String) throws -> String {
            try String(contentsOf: directory.url.appendingPathComponent(name), encoding: .utf8)
        }
        #expect(try read("config.toml") == "fourth = 4\n")
        #expect(try read("config.toml.bak") == "first = 1\n")
        #expect(try read("config.toml.20270115-080000.bak") == "second = 2\n")
        #expect(try read("config.toml.20270115-080000-2.bak") == "third = 3\n")
    }
}

/// Answers the probe URLs it knows; any other request fails as a refused connection.
private struct ProbeAnswers: HTTPClient {
    let answers: [String: (Int, String)]

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard let (status, body) = answers[request.url.absoluteString] else {
            throw HTTPTransportError(
                kind: .connectionRefused, host: request.url.host ?? "", detail: "connection refused")
        }
        return HTTPResponse(status: status, body: Data(body.utf8), url: request.url)
    }
}
