import Foundation
import RegistryClient
import Testing

/// The Alibaba Cloud credential chain against real files in a temporary home directory.
@Suite struct AlibabaCredentialChainTests {
    private static let keyID = "LTAI5tExampleKeyId0abcd"
    private static let secret = "Sup3rS3cretAccessKeySecret-xyz"
    private static let token = "CAIStsTokenExampleValue=="

    /// Runs `body` with a fresh home directory, removed afterwards.
    private func withHome<T>(_ body: (URL) throws -> T) throws -> T {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("alibaba-creds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        return try body(home)
    }

    private func write(_ text: String, to relativePath: String, in home: URL) throws {
        let url = home.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func chain(_ home: URL, _ extra: [String: String] = [:]) -> AlibabaCredentialChain {
        AlibabaCredentialChain(environment: extra.merging(["HOME": home.path]) { first, _ in first })
    }

    /// The error `body` throws, as a `RegistryError`.
    private func error(_ body: () throws -> AlibabaCredential) -> RegistryError? {
        do {
            let credential = try body()
            Issue.record("expected an error, got \(credential)")
            return nil
        } catch let error as RegistryError {
            return error
        } catch {
            Issue.record("expected a RegistryError, got \(error)")
            return nil
        }
    }

    private static let cliConfig = #"""
        {
          "current": "work",
          "profiles": [
            {"name": "default", "mode": "AK", "access_key_id": "LTAIdefaultKeyId00001111", "access_key_secret": "default-secret", "region_id": "cn-hangzhou"},
            {"name": "work", "mode": "AK", "access_key_id": "LTAIworkKeyId000022223333", "access_key_secret": "\#(secret)", "sts_token": "", "region_id": "cn-shanghai", "expired_seconds": 0},
            {"name": "temp", "mode": "StsToken", "access_key_id": "STS.tempKeyId0000444455556666", "access_key_secret": "\#(secret)", "sts_token": "\#(token)"},
            {"name": "role", "mode": "RamRoleArn", "access_key_id": "LTAIroleKeyId00007777", "access_key_secret": "\#(secret)", "ram_role_arn": "acs:ram::1:role/x"},
            {"name": "sso", "mode": "CloudSSO"}
          ],
          "meta_path": ""
        }
        """#

    @Test func environmentWinsOverFiles() throws {
        try withHome { home in
            try write(Self.cliConfig, to: ".aliyun/config.json", in: home)
            let credential = try chain(
                home, ["ALIBABA_CLOUD_ACCESS_KEY_ID": Self.keyID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": Self.secret]
            )
            .resolve(profile: nil)
            #expect(
                credential
                    == AlibabaCredential(
                        accessKeyID: Self.keyID, accessKeySecret: Self.secret, securityToken: nil,
                        source: "environment ($ALIBABA_CLOUD_ACCESS_KEY_ID)"))
        }
    }

    @Test func environmentWithSecurityToken() throws {
        try withHome { home in
            let credential = try chain(
                home,
                [
                    "ALIBABA_CLOUD_ACCESS_KEY_ID": "STS.envKeyId0000111122223333",
                    "ALIBABA_CLOUD_ACCESS_KEY_SECRET": Self.secret,
                    "ALIBABA_CLOUD_SECURITY_TOKEN": Self.token,
                ]
            ).resolve(profile: nil)
            #expect(credential.accessKeyID == "STS.envKeyId0000111122223333")
            #expect(credential.securityToken == Self.token)
            #expect(
                credential.description == "STS.****3333 (STS token) from environment ($ALIBABA_CLOUD_ACCESS_KEY_ID)")
        }
    }

    @Test func aliasVariablesComeAfterThePrimaryNames() throws {
        try withHome { home in
            let aliases = [
                "ALICLOUD_ACCESS_KEY_ID": "LTAIalicloudKeyId0000aaaa", "ALICLOUD_ACCESS_KEY_SECRET": Self.secret,
                "ALICLOUD_SECURITY_TOKEN": Self.token,
            ]
            let alias = try chain(home, aliases).resolve(profile: nil)
            #expect(alias.accessKeyID == "LTAIalicloudKeyId0000aaaa")
            #expect(alias.securityToken == Self.token)
            #expect(alias.source == "environment ($ALICLOUD_ACCESS_KEY_ID)")

            let primary = try chain(
                home,
                aliases.merging(["ALIBABA_CLOUD_ACCESS_KEY_ID": Self.keyID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "p"]) {
                    $1
                }
            )
            .resolve(profile: nil)
            #expect(primary.accessKeyID == Self.keyID)
            #expect(primary.securityToken == nil)
        }
    }

    @Test func explicitProfileSkipsEnvironment() throws {
        try withHome { home in
            try write(Self.cliConfig, to: ".aliyun/config.json", in: home)
            let credential = try chain(
                home, ["ALIBABA_CLOUD_ACCESS_KEY_ID": Self.keyID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": Self.secret]
            )
            .resolve(profile: "default")
            #expect(credential.accessKeyID == "LTAIdefaultKeyId00001111")
            #expect(credential.accessKeySecret == "default-secret")
            #expect(credential.source == "~/.aliyun/config.json profile 'default' (AK)")
        }
    }

    @Test func cliConfigCurrentProfile() throws {
        try withHome { home in
            try write(Self.cliConfig, to: ".aliyun/config.json", in: home)
            let credential = try chain(home).resolve(profile: nil)
            #expect(credential.accessKeyID == "LTAIworkKeyId000022223333")
            #expect(credential.accessKeySecret == Self.secret)
            #expect(credential.securityToken == nil)
            #expect(credential.source == "~/.aliyun/config.json profile 'work' (AK)")
            #expect(credential.maskedKeyID == "LTAI****3333")
        }
    }

    @Test func profileVariableSelectsStsTokenProfile() throws {
        try withHome { home in
            try write(
                Self.cliConfig.replacingOccurrences(of: #""StsToken""#, with: #""ststoken""#),
                to: ".aliyun/config.json", in: home)
            let credential = try chain(home, ["ALIBABA_CLOUD_PROFILE": "temp"]).resolve(profile: nil)
            #expect(credential.accessKeyID == "STS.tempKeyId0000444455556666")
            #expect(credential.securityToken == Self.token)
            #expect(credential.source == "~/.aliyun/config.json profile 'temp' (StsToken)")
        }
    }

    @Test func unsupportedModeNamesProfileAndMode() throws {
        try withHome { home in
            try write(Self.cliConfig, to: ".aliyun/config.json", in: home)
            let roleError = try #require(error { try chain(home).resolve(profile: "role") })
            #expect(roleError.code == .unauthorized)
            #expect(roleError.message.contains("profile 'role'"))
            #expect(roleError.message.contains("RamRoleArn"))
            #expect(roleError.hint?.contains("aliyun configure --mode AK --profile NAME") == true)
            #expect(roleError.hint?.contains("ALIBABA_CLOUD_ACCESS_KEY_ID") == true)

            let ssoError = try #require(error { try chain(home, ["ALICLOUD_PROFILE": "sso"]).resolve(profile: nil) })
            #expect(ssoError.message.contains("CloudSSO"))
        }
    }

    @Test func explicitMissingProfileListsAvailableNames() throws {
        try withHome { home in
            try write(Self.cliConfig, to: ".aliyun/config.json", in: home)
            let missing = try #require(error { try chain(home).resolve(profile: "prod") })
            #expect(missing.code == .unauthorized)
            #expect(missing.message.contains("'prod'"))
            #expect(missing.message.contains("'default', 'work', 'temp', 'role', 'sso'"))

            try write(
                "[staging]\ntype = access_key\naccess_key_id = LTAIstagingKeyId00001111\naccess_key_secret = s\n",
                to: ".alibabacloud/credentials.ini", in: home)
            let bothFiles = try #require(
                error { try chain(home, ["ALIBABA_CLOUD_PROFILE": "prod"]).resolve(profile: nil) })
            #expect(bothFiles.message.contains("~/.aliyun/config.json has 'default'"))
            #expect(bothFiles.message.contains("~/.alibabacloud/credentials.ini has [staging]"))
        }
    }

    @Test func explicitProfileFoundOnlyInINIFile() throws {
        try withHome { home in
            try write(Self.cliConfig, to: ".aliyun/config.json", in: home)
            try write(
                "[staging]\naccess_key_id = LTAIstagingKeyId00001111\naccess_key_secret = s\ntype = access_key\n",
                to: ".alibabacloud/credentials.ini", in: home)
            let credential = try chain(home).resolve(profile: "staging")
            #expect(credential.accessKeyID == "LTAIstagingKeyId00001111")
            #expect(credential.source == "~/.alibabacloud/credentials.ini [staging]")
        }
    }

    @Test func malformedJSONNamesTheFile() throws {
        try withHome { home in
            try write(
                #"{"current": "default", "profiles": [{"name": "default", "access_key_secret": "\#(Self.secret)""#,
                to: ".aliyun/config.json", in: home)
            let malformed = try #require(error { try chain(home).resolve(profile: nil) })
            #expect(malformed.code == .unauthorized)
            #expect(malformed.message.contains("~/.aliyun/config.json"))
            #expect(malformed.message.contains("not valid JSON"))

            try write(#"{"profiles": {"name": "default"}}"#, to: ".aliyun/config.json", in: home)
            let wrongShape = try #require(error { try chain(home).resolve(profile: nil) })
            #expect(wrongShape.message.contains("$.profiles"))
        }
    }

    @Test func emptyKeyIsNamed() throws {
        try withHome { home in
            try write(
                #"{"profiles": [{"name": "default", "mode": "AK", "access_key_id": "LTAIemptySecretKey0000", "access_key_secret": ""}]}"#,
                to: ".aliyun/config.json", in: home)
            let empty = try #require(error { try chain(home).resolve(profile: nil) })
            #expect(empty.message == "~/.aliyun/config.json profile 'default' (AK): access_key_secret is empty")

            try write(
                #"{"profiles": [{"name": "t", "mode": "StsToken", "access_key_id": "STS.x0000111122223333", "access_key_secret": "s"}]}"#,
                to: ".aliyun/config.json", in: home)
            let noToken = try #require(error { try chain(home).resolve(profile: "t") })
            #expect(noToken.message.contains("sts_token is empty"))
        }
    }

    @Test func iniFilePrefersDotIniThenFallsBackToGoSDKPath() throws {
        try withHome { home in
            try write(
                "[default]\ntype = access_key\naccess_key_id = LTAIplainFileKeyId000011\naccess_key_secret = plain\n",
                to: ".alibabacloud/credentials", in: home)
            let plain = try chain(home).resolve(profile: nil)
            #expect(plain.accessKeyID == "LTAIplainFileKeyId000011")
            #expect(plain.source == "~/.alibabacloud/credentials [default]")

            try write(
                "[default]\ntype = access_key\naccess_key_id = LTAIiniFileKeyId00000022\naccess_key_secret = ini\n",
                to: ".alibabacloud/credentials.ini", in: home)
            let ini = try chain(home).resolve(profile: nil)
            #expect(ini.accessKeyID == "LTAIiniFileKeyId00000022")
            #expect(ini.accessKeySecret == "ini")
            #expect(ini.source == "~/.alibabacloud/credentials.ini [default]")

            try write(
                "[default]\naccess_key_id = LTAIelsewhereKeyId000033\naccess_key_secret = elsewhere\n",
                to: "elsewhere/creds", in: home)
            let named = try chain(
                home, ["ALIBABA_CLOUD_CREDENTIALS_FILE": home.appendingPathComponent("elsewhere/creds").path]
            )
            .resolve(profile: nil)
            #expect(named.accessKeyID == "LTAIelsewhereKeyId000033")
            #expect(named.source == "~/elsewhere/creds [default]")
        }
    }

    @Test func iniCommentsAndInlineComments() throws {
        try withHome { home in
            try write(
                """
                # leading comment
                ; another comment
                [default]
                type = access_key
                access_key_id = LTAIcommentedKeyId000044   # the old key
                access_key_secret = \(Self.secret)

                [client1]
                  type=access_key
                   access_key_id=LTAIclientOneKeyId000055
                ; access_key_id = LTAIcommentedOut
                access_key_secret =  client1-secret # rotated 2026-01
                """, to: ".alibabacloud/credentials.ini", in: home)
            let first = try chain(home).resolve(profile: nil)
            #expect(first.accessKeyID == "LTAIcommentedKeyId000044")
            #expect(first.accessKeySecret == Self.secret)

            let client = try chain(home).resolve(profile: "client1")
            #expect(client.accessKeyID == "LTAIclientOneKeyId000055")
            #expect(client.accessKeySecret == "client1-secret")
        }
    }

    @Test func unsupportedINITypeIsRefused() throws {
        try withHome { home in
            try write(
                "[default]\ntype = ecs_ram_role\nrole_name = EcsRole\n", to: ".alibabacloud/credentials.ini", in: home)
            let refused = try #require(error { try chain(home).resolve(profile: nil) })
            #expect(
                refused.message
                    == "~/.alibabacloud/credentials.ini [default] is of type ecs_ram_role, which regconsole cannot use")
            #expect(refused.hint?.contains("AK and StsToken") == true)
        }
    }

    @Test func cliProfileDisabledSkipsConfigJSON() throws {
        try withHome { home in
            try write(Self.cliConfig, to: ".aliyun/config.json", in: home)
            try write(
                "[default]\ntype = access_key\naccess_key_id = LTAIiniFileKeyId00000066\naccess_key_secret = ini\n",
                to: ".alibabacloud/credentials.ini", in: home)
            let credential = try chain(home, ["ALIBABA_CLOUD_CLI_PROFILE_DISABLED": "true"]).resolve(profile: nil)
            #expect(credential.accessKeyID == "LTAIiniFileKeyId00000066")
            #expect(credential.source == "~/.alibabacloud/credentials.ini [default]")
        }
    }

    @Test func nothingFoundNamesTheVariablesAndPlaces() throws {
        try withHome { home in
            let nothing = try #require(error { try chain(home).resolve(profile: nil) })
            #expect(nothing.code == .unauthorized)
            #expect(nothing.message.hasPrefix("no Alibaba Cloud AccessKey found"))
            #expect(nothing.message.contains("ALIBABA_CLOUD_ACCESS_KEY_ID"))
            #expect(nothing.message.contains("~/.aliyun/config.json"))
            #expect(nothing.message.contains("~/.alibabacloud/credentials.ini"))
            #expect(nothing.hint?.contains("ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET") == true)
            #expect(nothing.hint?.contains("aliyun configure") == true)

            let halfSet = try #require(
                error { try chain(home, ["ALIBABA_CLOUD_ACCESS_KEY_ID": Self.keyID]).resolve(profile: nil) })
            #expect(halfSet.message.contains("$ALIBABA_CLOUD_ACCESS_KEY_SECRET is empty"))
        }
    }

    @Test func secretsNeverPrinted() throws {
        try withHome { home in
            let credential = try chain(
                home,
                [
                    "ALIBABA_CLOUD_ACCESS_KEY_ID": Self.keyID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": Self.secret,
                    "ALIBABA_CLOUD_SECURITY_TOKEN": Self.token,
                ]
            ).resolve(profile: nil)
            var dumped = ""
            dump(credential, to: &dumped)
            for text in [
                credential.description, credential.debugDescription, "\(credential)", String(reflecting: credential),
                dumped,
            ] {
                #expect(!text.contains(Self.secret))
                #expect(!text.contains(Self.token))
                #expect(!text.contains(Self.keyID))
                #expect(text.contains("LTAI****abcd"))
            }
            #expect(
                AlibabaCredential(accessKeyID: "LTAIshort", accessKeySecret: "x", source: "s").maskedKeyID == "****")

            var errors: [RegistryError] = []
            try write(Self.cliConfig, to: ".aliyun/config.json", in: home)
            errors += [
                error { try chain(home).resolve(profile: "role") }, error { try chain(home).resolve(profile: "prod") },
            ].compactMap { $0 }
            try write(
                #"{"profiles": [{"name": "default", "mode": "AK", "access_key_id": "", "access_key_secret": "\#(Self.secret)"}]}"#,
                to: ".aliyun/config.json", in: home)
            errors += [error { try chain(home).resolve(profile: nil) }].compactMap { $0 }
            try write(
                #"{"profiles": [{"name": "default", "access_key_secret": "\#(Self.secret)"#, to: ".aliyun/config.json",
                in: home)
            errors += [error { try chain(home).resolve(profile: nil) }].compactMap { $0 }
            try write(
                "[default]\ntype = rsa_key_pair\naccess_key_secret = \(Self.secret)\n",
                to: ".alibabacloud/credentials.ini", in: home)
            errors += [error { try chain(home, ["ALIBABA_CLOUD_CLI_PROFILE_DISABLED": "true"]).resolve(profile: nil) }]
                .compactMap { $0 }
            #expect(errors.count == 5)
            for error in errors {
                #expect(!error.description.contains(Self.secret))
                #expect(!"\(error)".contains(Self.secret))
                #expect(!String(reflecting: error).contains(Self.secret))
            }
        }
    }
}
