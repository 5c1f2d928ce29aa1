import Foundation
import TestSupport
import Testing

/// Broken configs, unreachable hosts, and registries that answer garbage, truncated bodies or 5xx.
@Suite(.enabled(if: RegistryHarness.isEnabled))
struct BadInputTests {
    @Test func malformedConfigReportsFileLineAndExitsTwo() async throws {
        let cli = try CLIRunner(
            configTOML: "[[instances]]\nname = \"x\"\nurl = \"http://h\"\nusername = \"u\"\npasword_env = \"P\"\n")
        let result = try await cli.run(["tags", "x/ns/app"])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "regconsole: \(cli.configPath.path):5: instances[0].pasword_env: unknown key (did you mean 'password_env'?); allowed keys: name, kind, url, region, instance_id, endpoint, profile, edition, registry, username, password_env, password_command, password, production, read_only, insecure\n"
        )
        let syntax = try CLIRunner(configTOML: "theme = \"dark\"\n[[instances]\n")
        let broken = try await syntax.run(["config", "check"])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("config.toml:2: invalid TOML"))
        let good = try await Fixture.make()
        let checked = try await good.succeed(["config", "check"])
        #expect(
            checked.stdout.hasSuffix(
                "ok, 4 instance(s): local (distribution), basic (distribution), bearer (distribution), reader (distribution)\n"
            ))
    }

    @Test func acrConfigAndCredentialProblemsSayWhatToDo() async throws {
        let noRegion = try CLIRunner(configTOML: "[[instances]]\nname = \"acr-hz\"\nkind = \"acr\"\n")
        let missing = try await noRegion.run(["instances"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("config.toml:1: instances[0]: an acr instance needs region"))

        var typo = try CLIRunner(
            configTOML: "[[instances]]\nname = \"acr-hz\"\nkind = \"acr\"\nregion = \"cn-hangzou\"\n")
        let nobody = try await typo.run(["namespaces", "acr-hz"])
        #expect(nobody.status == 1)
        #expect(
            nobody.stderr.contains("no Alibaba Cloud AccessKey found")
                && nobody.stderr.contains("ALIBABA_CLOUD_ACCESS_KEY_ID"))
        typo.environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAI0000example"
        typo.environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "not-shown-anywhere"
        let region = try await typo.run(["namespaces", "acr-hz"])
        #expect(region.status == 2)
        #expect(region.stderr.contains("'cn-hangzou' is not an ACR region; did you mean cn-hangzhou"))
        #expect(!region.stderr.contains("not-shown-anywhere"))
    }

    @Test func aFailingPasswordCommandNeverShowsWhatItPrintedToStderr() async throws {
        let fixture = try await Fixture.make(
            extraConfig: """

                [[instances]]
                name = "helper"
                url = "\(try await RegistryHarness.shared().basic.url)"
                username = "alice"
                password_command = ["sh", "-c", "echo 'the password is hunter2-leak' >&2; exit 1"]
                """)
        defer { try? FileManager.default.removeItem(at: fixture.cli.home) }
        for arguments in [["repos", "helper"], ["repos", "helper", "--verbose"]] {
            let result = try await fixture.cli.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(
                result.stderr.contains(
                    "instance 'helper': password_command exited with status 1 (its 1 line(s) of error output are not shown)"
                ))
            #expect(!result.stderr.contains("hunter2-leak") && !result.stdout.contains("hunter2-leak"), "\(arguments)")
        }
    }

    @Test func unknownHostAndUnknownInstanceSayWhatToDo() async throws {
        let fixture = try await Fixture.make()
        let host = try await fixture.cli.run(["tags", "no-such-registry.invalid/ns/app"])
        #expect(host.status == 1)
        #expect(host.stderr.contains("cannot resolve host 'no-such-registry.invalid'"))
        let instance = try await fixture.cli.run(["tags", "prod/ns/app"])
        #expect(instance.status == 2)
        #expect(instance.stderr.contains("'prod' is neither a configured instance nor a registry host"))
        #expect(instance.stderr.contains("local, basic, bearer, reader"))
    }

    @Test func invalidReferencesAreUsageErrors() async throws {
        let fixture = try await Fixture.make()
        for reference in ["local/ns/app:bad tag", "local/NS/App", "local"] {
            let result = try await fixture.cli.run(["inspect", reference])
            #expect(result.status == 2, "\(reference)")
            #expect(result.stderr.hasPrefix("regconsole: "), "\(reference)")
        }
        let missing = try await fixture.cli.run(["inspect", "local/ns/app:does-not-exist"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("'does-not-exist' is not in ns/app"))
    }

    @Test func garbageJSONIsAClearErrorNotACrash() async throws {
        let fixture = try await Fixture.make()
        let proxy = try await FaultServer.start(upstream: fixture.state.anonymous.url, rules: ["/tags/list$=garbage"])
        defer { proxy.stop() }
        let result = try await fixture.cli.run(["tags", "\(proxy.host)/ns/app"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("sent malformed JSON while listing tags of ns/app"))
        #expect(result.stdout.isEmpty)
    }

    @Test func truncatedBodyIsReportedAfterRetries() async throws {
        let fixture = try await Fixture.make()
        let proxy = try await FaultServer.start(
            upstream: fixture.state.anonymous.url, rules: ["/manifests/1$=truncate"])
        defer { proxy.stop() }
        let result = try await fixture.cli.run(["inspect", "\(proxy.host)/alpha:1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("was cut short"))
    }

    @Test func oversizedManifestIsRefused() async throws {
        let fixture = try await Fixture.make()
        let proxy = try await FaultServer.start(upstream: fixture.state.anonymous.url, rules: ["/manifests/1$=huge"])
        defer { proxy.stop() }
        let result = try await fixture.cli.run(["inspect", "\(proxy.host)/alpha:1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("too large"))
    }

    @Test func serverErrorsThenSuccessAreRetriedTransparently() async throws {
        let fixture = try await Fixture.make()
        let proxy = try await FaultServer.start(
            upstream: fixture.state.anonymous.url, rules: ["/tags/list$=status:503:2", "/manifests/=status:502:1"])
        defer { proxy.stop() }
        let rows = try await fixture.jsonArray(["tags", "\(proxy.host)/alpha", "--long"])
        #expect(rows.count == 1)
        #expect(rows.first?["digest"] as? String == fixture.state.seed.repositories["alpha"]?["1"]?.digest)
    }

    @Test func persistentServerErrorIsExplained() async throws {
        let fixture = try await Fixture.make()
        let proxy = try await FaultServer.start(
            upstream: fixture.state.anonymous.url, rules: ["/_catalog=status:500:100"])
        defer { proxy.stop() }
        let result = try await fixture.cli.run(["repos", proxy.host])
        #expect(result.status == 1)
        #expect(result.stderr.contains("failed while listing repositories (GET /v2/_catalog) (HTTP 500: injected)"))
    }
}
