import Foundation
import RegistryClient
import Testing

struct ConfigTests {
    @Test func readsInstancesAndSettings() throws {
        let config = try Config.parse(
            """
            theme = "light"
            language = "zh-Hans"
            [keymap]
            delete = ["ctrl-d", "D"]
            quit = "Q"

            [[instances]]
            name = "local"
            kind = "distribution"
            url = "https://registry.example.com:5000"
            username = "bob"
            password_env = "LOCAL_PW"
            production = true

            [[instances]]
            name = "acr-hz"
            kind = "acr"
            region = "cn-hangzhou"
            instance_id = "cri-123"
            profile = "work"

            [[instances]]
            name = "cmd"
            url = "http://10.0.0.1"
            username = "u"
            password_command = ["pass", "show", "reg"]
            read_only = true
            insecure = true
            """, file: "config.toml")
        #expect(config.theme == "light")
        #expect(config.language == "zh-Hans")
        #expect(config.keymap["delete"] == ["ctrl-d", "D"])
        #expect(config.keymap["quit"] == ["Q"])
        #expect(config.instances.map(\.name) == ["local", "acr-hz", "cmd"])
        let local = try #require(config.instance(named: "local"))
        #expect(local.url?.absoluteString == "https://registry.example.com:5000")
        #expect(local.credentials == .passwordEnvironment(username: "bob", variable: "LOCAL_PW"))
        #expect(local.production)
        let acr = try #require(config.instance(named: "acr-hz"))
        #expect(acr.kind == .acr && acr.region == "cn-hangzhou" && acr.instanceID == "cri-123" && acr.profile == "work")
        let command = try #require(config.instance(named: "cmd"))
        #expect(command.kind == .distribution)
        #expect(command.credentials == .passwordCommand(username: "u", arguments: ["pass", "show", "reg"]))
        #expect(command.readOnly && command.insecure)
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        var text: String
        var line: Int?
        var message: String
        var testDescription: String { message }
    }

    static let bad: [BadCase] = [
        BadCase(
            text: "theme = \"x\"\n[[instances]]\nname = \"a\"\nurl = \"http://h\"\nusrname = \"bob\"\n", line: 5,
            message: "instances[0].usrname: unknown key (did you mean 'username'?)"),
        BadCase(
            text: "[[instances]]\nname = \"a\"\nurl = 42\n", line: 3,
            message: "instances[0].url: expected a string, found int"),
        BadCase(
            text: "[[instances]]\nname = \"a\"\n", line: 1, message: "instances[0]: a distribution instance needs url"),
        BadCase(
            text: "[[instances]]\nname = \"a\"\nurl = \"ftp://h\"\n", line: 3,
            message: "instances[0].url: 'ftp://h' is not an http:// or https:// URL"),
        BadCase(
            text: "[[instances]]\nname = \"a\"\nkind = \"quay\"\nurl = \"http://h\"\n", line: 3,
            message: "instances[0].kind: unknown kind 'quay'"),
        BadCase(
            text: "[[instances]]\nname = \"a\"\nurl = \"http://h\"\n[[instances]]\nname = \"a\"\nurl = \"http://i\"\n",
            line: 5, message: "instances[1].name: another instance is already named 'a'"),
        BadCase(
            text: "[[instances]]\nname = \"a\"\nurl = \"http://h\"\nusername = \"u\"\npassword = \"p\"\n", line: 5,
            message: "instances[0].password: a plain password needs a file only its owner can read"),
        BadCase(
            text: "[[instances]]\nname = \"a\"\nurl = \"http://h\"\nusername = \"u\"\n", line: 4,
            message: "instances[0].username: username is set but no password source"),
        BadCase(text: "theme = \"x\"\n\nlanguage = \n", line: 3, message: "invalid TOML"),
        BadCase(
            text: "[[instances]]\nname = \"a\"\nurl = \"http://h\"\n\n[keymap]\nquit = 3\n", line: 6,
            message: "keymap.quit: expected an array of strings, found int"),
        BadCase(text: "colour = \"red\"\n", line: 1, message: "colour: unknown key"),
        BadCase(
            text: "[[instances]]\nurl = \"http://h\"\nname = \"a\\u001B[2J\"\n", line: 3,
            message:
                "instances[0].name: 'a\u{1B}[2J' is not a usable name: it contains U+001B (a control character)\(nameGrammar)"
        ),
        BadCase(
            text: "[[instances]]\nname = \"ns/app\"\nurl = \"http://h\"\n", line: 2,
            message: "instances[0].name: 'ns/app' is not a usable name: it contains '/'\(nameGrammar)"),
        BadCase(
            text: "[[instances]]\nname = \"prod east\"\nurl = \"http://h\"\n", line: 2,
            message: "instances[0].name: 'prod east' is not a usable name: it contains U+0020 (a space)\(nameGrammar)"),
        BadCase(
            text: "[[instances]]\nname = \"-x\"\nurl = \"http://h\"\n", line: 2,
            message: "instances[0].name: '-x' is not a usable name: it starts with '-'\(nameGrammar)"),
        BadCase(
            text: "[[instances]]\nname = \"\"\nurl = \"http://h\"\n", line: 2,
            message: "instances[0].name: '' is not a usable name: it is empty\(nameGrammar)"),
        BadCase(
            text: "[[instances]]\nname = \"a\\u202Eb\"\nurl = \"http://h\"\n", line: 2,
            message:
                "instances[0].name: 'a\u{202E}b' is not a usable name: it contains U+202E (a control character)\(nameGrammar)"
        ),
        BadCase(
            text: "[[instances]]\nname = \"a\"\npassword_command = \"\"\"\nurl = 1\n\"\"\"\nurl = 42\n", line: 6,
            message: "instances[0].url: expected a string"),
        BadCase(
            text: "[[instances]]\r\nname = \"a\"\r\n  url = 42\r\n", line: 3,
            message: "instances[0].url: expected a string"),
        BadCase(
            text: "[[instances]]\nname = \"a\"\nkind = \"acr\"\nregion = \"cn-hangzhou\"\nedition = \"basic\"\n",
            line: 5,
            message: "instances[0].edition: unknown edition 'basic'; use one of enterprise, personal"),
        BadCase(
            text: "[[instances]]\nname = \"a\"\nurl = \"http://h\"\nedition = \"personal\"\n", line: 4,
            message: "instances[0].edition: edition applies to kind = \"acr\" only"),
        BadCase(
            text:
                "[[instances]]\nname = \"a\"\nkind = \"acr\"\nregion = \"cn-hangzhou\"\nregistry = \"r.example.com\"\n",
            line: 5, message: "instances[0].registry: registry applies to edition = \"personal\""),
        BadCase(
            text:
                "[[instances]]\nname = \"a\"\nkind = \"acr\"\nedition = \"personal\"\nregion = \"cn-hangzhou\"\nregistry = \"https://r.example.com/x\"\n",
            line: 6, message: "instances[0].registry: 'https://r.example.com/x' is not HOST[:PORT]"),
        BadCase(
            text:
                "[[instances]]\nname = \"a\"\nkind = \"acr\"\nedition = \"personal\"\nregion = \"cn-hangzhou\"\ninstance_id = \"cri-1\"\n",
            line: 6, message: "instances[0].instance_id: a Personal Edition entry is one instance per region"),
    ]

    private static let nameGrammar = "; use letters, digits, '.', '_' and '-', starting with a letter or digit"

    @Test(arguments: bad)
    func malformedConfigNamesFileLineAndProblem(_ bad: BadCase) {
        #expect {
            try Config.parse(bad.text, file: "/etc/rc.toml", fileIsPrivate: false)
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.file == "/etc/rc.toml" && error.line == bad.line && error.message.hasPrefix(bad.message)
                && error.description.hasPrefix("/etc/rc.toml:\(bad.line.map(String.init) ?? "")")
        }
    }

    @Test func aPersonalEditionEntryKeepsItsRegistryOverride() throws {
        let config = try Config.parse(
            """
            [[instances]]
            name = "mine"
            kind = "acr"
            edition = "personal"
            region = "cn-shanghai"
            registry = "registry.cn-shanghai.aliyuncs.com"

            [[instances]]
            name = "corp"
            kind = "acr"
            region = "cn-hangzhou"
            """, file: "config.toml")
        let personal = try #require(config.instance(named: "mine"))
        #expect(personal.edition == .personal)
        #expect(personal.registry == "registry.cn-shanghai.aliyuncs.com")
        #expect(!personal.isACREnterprise)
        let enterprise = try #require(config.instance(named: "corp"))
        #expect(enterprise.edition == .enterprise && enterprise.registry == nil && enterprise.isACREnterprise)
    }

    /// `count` minimal `[[instances]]` entries named `i0`, `i1`, ….
    private static func instances(_ count: Int) -> String {
        (0..<count).map { "[[instances]]\nname = \"i\($0)\"\nurl = \"http://h\($0)\"\n" }.joined()
    }

    @Test func namesWithDotsDashesAndUnderscoresAreAccepted() throws {
        let config = try Config.parse("[[instances]]\nname = \"Prod_2.east-1\"\nurl = \"http://h\"\n", file: "c.toml")
        #expect(config.instances.map(\.name) == ["Prod_2.east-1"])
    }

    @Test func theMostInstancesLoadAndOneMoreIsRefused() throws {
        let config = try Config.parse(Self.instances(Config.maximumInstances), file: "c.toml")
        #expect(config.instances.count == 10_000)
        #expect(config.instances.last?.name == "i9999")
        #expect(
            throws: ConfigError(
                file: "c.toml", line: 30_001,
                message: "instances[10000]: more than 10000 instances; that is the most a config may have")
        ) {
            try Config.parse(Self.instances(Config.maximumInstances + 1), file: "c.toml")
        }
    }

    @Test func aDuplicateNameFarDownIsFoundWithItsLine() throws {
        let text = Self.instances(5_000) + "[[instances]]\nname = \"i17\"\nurl = \"http://x\"\n"
        #expect(
            throws: ConfigError(
                file: "c.toml", line: 15_002, message: "instances[5000].name: another instance is already named 'i17'")
        ) {
            try Config.parse(text, file: "c.toml")
        }
    }

    @Test func plainPasswordIsAcceptedFromAPrivateFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("config.toml")
        try Data("[[instances]]\nname = \"a\"\nurl = \"http://h\"\nusername = \"u\"\npassword = \"p\"\n".utf8).write(
            to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let config = try Config.load(path: file.path, environment: [:])
        #expect(config.instances.first?.credentials == .password(username: "u", password: "p"))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        #expect(throws: ConfigError.self) { try Config.load(path: file.path, environment: [:]) }
    }

    @Test func missingDefaultFileIsAnEmptyConfigButAMissingNamedFileIsAnError() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        let config = try Config.load(path: nil, environment: ["HOME": home])
        #expect(config.instances.isEmpty)
        #expect(Config.defaultPath(environment: ["HOME": home]) == home + "/.config/regconsole/config.toml")
        #expect(
            Config.defaultPath(environment: ["HOME": home, "XDG_CONFIG_HOME": "/x"]) == "/x/regconsole/config.toml")
        #expect(Config.defaultPath(environment: ["REGCONSOLE_CONFIG": "/y.toml"]) == "/y.toml")
        #expect(throws: ConfigError.self) { try Config.load(path: home + "/nope.toml", environment: [:]) }
    }
}
