import Foundation
import TestSupport
import Testing

/// `regconsole doctor` against real registries: the shared ones, a stopped one, one that never
/// answers, an HTTPS one with an expired certificate, the Harbor emulator, and the ACR emulator with
/// a skewed clock and a refused permission.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
struct DoctorCommandTests {
    private static let emulator = PrivateACREmulator()

    /// The rows of `doctor ARGUMENTS --output json` and the exit status.
    private func doctor(
        _ cli: CLIRunner, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> (status: Int32, rows: [[String: Any]]) {
        let result = try await cli.run(["doctor"] + arguments + ["--output", "json"])
        let rows = try #require(
            try result.json() as? [[String: Any]], "stdout: \(result.stdout) stderr: \(result.stderr)",
            sourceLocation: sourceLocation)
        return (result.status, rows)
    }

    private func row(
        _ rows: [[String: Any]], _ check: String, instance: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [String: Any] {
        try #require(
            rows.first {
                $0["check"] as? String == check && (instance == nil || $0["instance"] as? String == instance)
            },
            "no \(check) row in \(rows)", sourceLocation: sourceLocation)
    }

    private func checks(_ rows: [[String: Any]]) -> [String] { rows.compactMap { $0["check"] as? String } }

    @Test func aHealthyBasicAuthRegistryPassesEveryCheck() async throws {
        let fixture = try await Fixture.make()
        let registry = fixture.state.basic
        let port = try #require(registry.host.split(separator: ":").last)
        let (status, rows) = try await doctor(fixture.cli, ["basic"])
        #expect(status == 0, "\(rows)")
        #expect(checks(rows) == ["dns", "tcp", "api", "auth", "read", "clock"])
        #expect(
            rows.allSatisfy { $0["ok"] as? Bool == true && $0["instance"] as? String == "basic" && $0["fix"] == nil })
        #expect(try row(rows, "dns")["detail"] as? String == "127.0.0.1 → 127.0.0.1")
        #expect(try row(rows, "tcp")["detail"] as? String == "connected to 127.0.0.1 port \(port)")
        #expect(
            try row(rows, "api")["detail"] as? String
                == "GET /v2/ answered 401 with a Basic challenge (realm regconsole-test)")
        #expect(
            try row(rows, "auth")["detail"] as? String
                == "credentials: user 'alice' from $ALICE_PASSWORD; Basic auth accepted")
        let read = try #require(try row(rows, "read")["detail"] as? String)
        let count = try #require(Int(read.split(separator: " ")[0]), "\(read)")
        #expect(read.hasSuffix(" repositories in the catalog"))
        #expect(count >= fixture.state.seed.repositories.count)
        let clock = try #require(try row(rows, "clock")["detail"] as? String)
        #expect(clock == "in step with \(registry.host)" || clock.hasSuffix(" \(registry.host) (within 5 min)"))

        let table = try await fixture.cli.run(["doctor", "basic"])
        #expect(table.status == 0)
        let header = try #require(table.stdout.split(separator: "\n").first)
        #expect(
            header.split(separator: " ", omittingEmptySubsequences: true) == [
                "INSTANCE", "CHECK", "OK", "DETAIL", "FIX",
            ])
        #expect(table.stdout.contains("basic     auth   yes"))
    }

    @Test func aBearerRegistryReportsTheTokenFlow() async throws {
        let fixture = try await Fixture.make()
        let tokenURL = try #require(fixture.state.bearer.tokenURL)
        let (status, rows) = try await doctor(fixture.cli, ["bearer"])
        #expect(status == 0, "\(rows)")
        #expect(
            try row(rows, "auth")["detail"] as? String
                == "credentials: user 'alice' from $ALICE_PASSWORD; Bearer token obtained from \(tokenURL)/token")
    }

    @Test func aWrongPasswordFailsAuthWithItsFixAndSkipsTheRead() async throws {
        let fixture = try await Fixture.make()
        var cli = fixture.cli
        cli.environment["ALICE_PASSWORD"] = "not-the-password"
        let result = try await cli.run(["doctor", "basic", "--output", "json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("1 check(s) failed"))
        #expect(!result.stdout.contains("not-the-password") && !result.stderr.contains("not-the-password"))
        let rows = try #require(try result.json() as? [[String: Any]])
        #expect(checks(rows) == ["dns", "tcp", "api", "auth", "clock"])
        let auth = try row(rows, "auth")
        #expect(auth["ok"] as? Bool == false)
        #expect(
            (auth["detail"] as? String)?.contains("rejected user 'alice' from $ALICE_PASSWORD") == true, "\(auth)")
        #expect((auth["fix"] as? String)?.hasPrefix("check the username and password") == true, "\(auth)")
    }

    @Test func aStoppedRegistryFailsTCPAndNothingAfterIt() async throws {
        let port = try Self.closedPort()
        let fixture = try await Fixture.make(
            extraConfig: """

                [[instances]]
                name = "stopped"
                url = "http://127.0.0.1:\(port)"
                """)
        let (status, rows) = try await doctor(fixture.cli, ["stopped"])
        #expect(status == 1)
        #expect(checks(rows) == ["dns", "tcp"])
        let tcp = try row(rows, "tcp")
        #expect(tcp["ok"] as? Bool == false)
        #expect(tcp["detail"] as? String == "cannot connect to 127.0.0.1:\(port): 127.0.0.1: Connection refused")
        #expect((tcp["fix"] as? String)?.contains("listens on port \(port)") == true)
    }

    @Test func anUnknownInstanceIsAUsageError() async throws {
        let fixture = try await Fixture.make()
        let result = try await fixture.cli.run(["doctor", "nope"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no instance is named 'nope'; configured: local, basic, bearer, reader"))
    }

    @Test func anExpiredCertificateFailsTLSWithRenewAndAnUnknownCASuggestsInsecure() async throws {
        let registry = try await TLSRegistry.start(expired: true)
        defer { registry.stop() }
        let cli = try CLIRunner(
            configTOML: """
                [[instances]]
                name = "expired"
                url = "\(registry.url)"
                """)
        var trusting = cli
        trusting.environment["SSL_CERT_FILE"] = registry.caFile
        let (status, rows) = try await doctor(trusting, ["expired"])
        #expect(status == 1)
        #expect(checks(rows) == ["dns", "tcp", "tls"])
        let tls = try row(rows, "tls")
        #expect(tls["ok"] as? Bool == false)
        let detail = try #require(tls["detail"] as? String)
        #expect(detail.hasPrefix("certificate for CN = 127.0.0.1, issued by CN = regconsole test CA is not trusted: "))
        #expect(detail.contains("certificate has expired"))
        #expect(detail.range(of: #"\(expired \d+ day\(s\) ago\)$"#, options: .regularExpression) != nil, "\(detail)")
        #expect(tls["fix"] as? String == "renew the certificate of 127.0.0.1")

        let (_, untrusted) = try await doctor(cli, ["expired"])
        let unknown = try row(untrusted, "tls")
        #expect((unknown["detail"] as? String)?.contains("unable to get local issuer certificate") == true)
        #expect((unknown["fix"] as? String)?.contains("or set insecure = true for this instance") == true)
    }

    @Test func aPlainPasswordInAReadableConfigFailsConfigMode() async throws {
        let state = try await RegistryHarness.shared()
        let password = try #require(state.basic.password)
        let cli = try CLIRunner(
            configTOML: """
                [[instances]]
                name = "plain"
                url = "\(state.basic.url)"
                username = "alice"
                password = "\(password)"
                """, configMode: 0o644)
        let (status, rows) = try await doctor(cli, ["plain"])
        #expect(status == 1)
        let mode = try row(rows, "config-mode")
        let path = cli.configPath.path
        #expect(mode["detail"] as? String == "\(path) holds a plain password and is mode 0644: other users can read it")
        #expect(mode["fix"] as? String == "chmod 600 \(path)")
        #expect(try row(rows, "auth")["ok"] as? Bool == true)
    }

    @Test func anACRClockTwentyMinutesAheadFailsTheClockCheck() async throws {
        let emulator = try await ACREmulator.start(registry: RegistryHarness.shared().basic, clockOffset: 1200)
        defer { emulator.stop() }
        let acr = try await ACRCLI.make(emulator)
        let result = try await acr.run(["doctor", "acr", "--output", "json"])
        #expect(result.status == 1)
        let rows = try #require(try result.json() as? [[String: Any]])
        let clock = try row(rows, "clock", instance: "acr")
        #expect(clock["ok"] as? Bool == false)
        let detail = try #require(clock["detail"] as? String)
        let offsets = ["19 min 59 s behind", "20 min 0 s behind", "20 min 1 s behind"]
        #expect(
            offsets.contains { detail.hasPrefix("this machine's clock is \($0) \(emulator.endpoint)") }, "\(detail)")
        #expect(clock["fix"] as? String == "sync the clock with NTP (timedatectl set-ntp true, or chronyc makestep)")
        let auth = try row(rows, "auth", instance: "acr")
        #expect(auth["ok"] as? Bool == false)
        #expect((auth["detail"] as? String)?.contains("clock is off") == true, "\(auth)")
    }

    @Test func aHealthyACREntryPassesAndARefusedScanPermissionIsNamed() async throws {
        let emulator = try await Self.emulator.fresh()
        let acr = try await ACRCLI.make(emulator)
        let healthy = try await acr.run(["doctor", "acr", "--output", "json"])
        #expect(healthy.status == 0, "\(healthy.stdout) \(healthy.stderr)")
        let rows = try #require(try healthy.json() as? [[String: Any]])
        let api = try #require(try row(rows, "api", instance: "acr")["detail"] as? String)
        #expect(
            api
                == "\(emulator.endpoint) answers like the ACR OpenAPI (HTTP 400, IncompleteSignature to an unsigned call)",
            "\(api)")
        let auth = try #require(try row(rows, "auth", instance: "acr")["detail"] as? String)
        #expect(
            auth.hasPrefix(
                "AccessKey from environment ($ALIBABA_CLOUD_ACCESS_KEY_ID); signed calls accepted, \(emulator.instances.count) instance(s): "
            ),
            "\(auth)")
        for instance in emulator.instances.map({ "acr.\($0.name)" }) {
            #expect(
                try row(rows, "permissions", instance: instance)["detail"] as? String
                    == "browse: ListNamespace granted, browse: ListRepository granted, scan: GetRepoTagScanSummary granted, lifecycle: ListArtifactLifecycleRule granted"
            )
            #expect((try row(rows, "read", instance: instance)["detail"] as? String)?.hasSuffix(" namespaces") == true)
            let registry = try await RegistryHarness.shared().basic
            let port = try #require(registry.host.split(separator: ":").last)
            let instanceRows = rows.filter { $0["instance"] as? String == instance }
            #expect(checks(instanceRows) == ["dns", "tcp", "api", "read", "permissions"])
            #expect(
                try row(rows, "tcp", instance: instance)["detail"] as? String == "connected to 127.0.0.1 port \(port)")
            #expect(
                try row(rows, "api", instance: instance)["detail"] as? String
                    == "GET /v2/ answered 401 with a Basic challenge (realm regconsole-test)")
        }
        #expect(checks(rows.filter { $0["instance"] as? String == "acr" }) == ["dns", "tcp", "api", "auth", "clock"])

        try await emulator.denyPrivilege(action: "GetRepoTagScanSummary", times: 5)
        let denied = try await acr.run(["doctor", "acr.emulator-main", "--output", "json"])
        #expect(denied.status == 1)
        let deniedRows = try #require(try denied.json() as? [[String: Any]])
        #expect(!deniedRows.contains { $0["instance"] as? String == "acr.emulator-empty" })
        let permissions = try row(deniedRows, "permissions", instance: "acr.emulator-main")
        #expect(permissions["ok"] as? Bool == false)
        #expect((permissions["detail"] as? String)?.contains("scan: GetRepoTagScanSummary missing") == true)
        #expect(
            permissions["fix"] as? String
                == "grant cr:GetRepoTagScanSummary to the RAM user, or attach AliyunContainerRegistryReadOnlyAccess")
        try await emulator.restoreStartupState()
    }

    @Test func aRegistryThatNeverAnswersFailsTheAPICheckWithinItsDeadline() async throws {
        let state = try await RegistryHarness.shared()
        let server = try await FaultServer.start(upstream: state.anonymous.url, rules: ["^/v2/$=slow:60000"])
        defer { server.stop() }
        let cli = try CLIRunner(
            configTOML: """
                [[instances]]
                name = "silent"
                url = "\(server.url)"
                """)
        let (status, rows) = try await doctor(cli, ["silent"])
        #expect(status == 1)
        #expect(checks(rows) == ["dns", "tcp", "api"])
        let api = try row(rows, "api")
        #expect(api["ok"] as? Bool == false)
        let detail = try #require(api["detail"] as? String)
        // libcurl names the milliseconds it waited, 8000 or a little more.
        #expect(detail.hasPrefix("GET /v2/ got no answer: 127.0.0.1: Operation timed out after 80"), "\(detail)")
    }

    @Test func aHarborInstanceAnswersItsSystemInfoAndListsProjects() async throws {
        let emulator = try await HarborEmulator.start(registry: RegistryHarness.shared().basic)
        defer { emulator.stop() }
        let fixture = try await Fixture.harbor(emulator)
        let (status, rows) = try await doctor(fixture.cli, ["hb"])
        #expect(status == 0, "\(rows)")
        #expect(checks(rows) == ["dns", "tcp", "api", "auth", "read", "clock"])
        let api = try #require(try row(rows, "api")["detail"] as? String)
        #expect(api.hasSuffix("; /api/v2.0/systeminfo answers"), "\(api)")
        #expect(
            try row(rows, "read")["detail"] as? String == "\(emulator.projects.count) projects")
        let auth = try #require(try row(rows, "auth")["detail"] as? String)
        #expect(auth.hasPrefix("credentials: user '\(emulator.username)' from $HARBOR_PASSWORD; "), "\(auth)")
    }

    /// A port nothing listens on: bound, then closed.
    private static func closedPort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestSupportError("socket failed") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard bound else { throw TestSupportError("bind failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
