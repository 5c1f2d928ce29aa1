import Foundation
import TestSupport
import Testing

@testable import RegistryClient

/// `regconsole login`'s write: a login merged into a docker config without losing anything, the
/// file's mode kept, and a configured credential helper used instead of the file.
struct DockerConfigWriterTests {
    private static func mode(_ url: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)
            .intValue
    }

    private static func object(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test func aLoginIsMergedKeepingEveryOtherEntryAndTheMode() async throws {
        let directory = try TemporaryDirectory("docker-config")
        let url = directory.url.appendingPathComponent("config.json")
        let existing = #"""
            {"auths":{"ghcr.io":{"auth":"Z2g6dG9rZW4="},"https://registry.example:5000/v1/":{"auth":"b2xkOm9sZA=="}},
             "HttpHeaders":{"User-Agent":"x"},"detachKeys":"ctrl-e,e"}
            """#
        try Data(existing.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: url.path)

        let writer = DockerConfigWriter(url: url, environment: [:])
        let destination = try await writer.store(
            host: "registry.example:5000", username: "cr_temp_user", password: "p@ss:word")
        #expect(destination == .file(url))
        #expect(try Self.mode(url) == 0o640)
        let written = try Self.object(url)
        #expect((written["HttpHeaders"] as? [String: String]) == ["User-Agent": "x"])
        #expect(written["detachKeys"] as? String == "ctrl-e,e")
        let auths = try #require(written["auths"] as? [String: [String: Any]])
        #expect(Set(auths.keys) == ["ghcr.io", "registry.example:5000"], "the old spelling of the host is replaced")
        #expect(auths["ghcr.io"]?["auth"] as? String == "Z2g6dG9rZW4=")
        let auth = try #require(auths["registry.example:5000"]?["auth"] as? String)
        #expect(Data(base64Encoded: auth).map { String(decoding: $0, as: UTF8.self) } == "cr_temp_user:p@ss:word")

        // What the login wrote is what regconsole reads back.
        let read = try #require(try DockerConfigFile.load(url)?.authEntry(for: "registry.example:5000"))
        let credential = try #require(DockerConfigFile.credential(from: read, source: "test"))
        #expect(credential.username == "cr_temp_user")
        guard case .password(let password) = credential.secret else {
            Issue.record("the stored login is not read back as a password")
            return
        }
        #expect(password == "p@ss:word")
    }

    @Test func aNewConfigIsPrivate() async throws {
        let directory = try TemporaryDirectory("docker-config")
        let url = directory.url.appendingPathComponent("docker/config.json")
        try await DockerConfigWriter(environment: ["DOCKER_CONFIG": directory.url.appendingPathComponent("docker").path]
        )
        .store(host: "cr.example", username: "u", password: "p")
        #expect(try Self.mode(url) == 0o600)
        #expect((try Self.object(url)["auths"] as? [String: Any])?.keys.sorted() == ["cr.example"])
    }

    @Test func aBrokenConfigIsReportedAndLeftAsItWas() async throws {
        let directory = try TemporaryDirectory("docker-config")
        let url = directory.url.appendingPathComponent("config.json")
        try Data("{not json".utf8).write(to: url)
        await #expect(throws: ConfigError.self) {
            try await DockerConfigWriter(url: url, environment: [:]).store(host: "h", username: "u", password: "p")
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == "{not json")
    }

    @Test func aConfiguredCredentialHelperGetsTheLogin() async throws {
        let directory = try TemporaryDirectory("docker-config")
        let bin = directory.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let stored = directory.url.appendingPathComponent("stored.json")
        let helper = bin.appendingPathComponent("docker-credential-testvault")
        try Data("#!/bin/sh\n[ \"$1\" = store ] || exit 3\ncat > '\(stored.path)'\n".utf8).write(to: helper)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: helper.path)
        let url = directory.url.appendingPathComponent("config.json")
        let config = #"{"credHelpers":{"cr.example":"testvault"},"auths":{}}"#
        try Data(config.utf8).write(to: url)

        let environment = ["PATH": "\(bin.path):/usr/bin:/bin"]
        let destination = try await DockerConfigWriter(url: url, environment: environment)
            .store(host: "cr.example", username: "u", password: "secret-1")
        #expect(destination == .helper("testvault"))
        let sent = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: stored)) as? [String: String])
        #expect(sent == ["ServerURL": "cr.example", "Username": "u", "Secret": "secret-1"])
        #expect(try String(contentsOf: url, encoding: .utf8) == config, "the file is left alone")
    }
}
