import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A seeded random stream of keys and resizes against the real console on a real registry whose
/// instances all need a typed confirmation to delete. The stream never types a confirmation
/// phrase, so afterwards the console must still run and redraw, every tag must point at the digest
/// it pointed at before, and SIGTERM must restore the terminal.
/// `MONKEY_SECONDS` sets the duration (default 60), `MONKEY_SEED` replays a run.
@Suite(.enabled(if: RegistryHarness.isEnabled && TmuxSession.isAvailable))
struct ConsoleMonkeyTests {
    /// A reproducible generator over `erand48`'s 48-bit state.
    struct Generator: RandomNumberGenerator {
        private var state: [UInt16]

        init(seed: UInt64) {
            state = [
                UInt16(truncatingIfNeeded: seed), UInt16(truncatingIfNeeded: seed >> 16),
                UInt16(truncatingIfNeeded: seed >> 32),
            ]
        }

        mutating func next() -> UInt64 {
            let high = UInt64(UInt32(bitPattern: Int32(truncatingIfNeeded: jrand48(&state))))
            let low = UInt64(UInt32(bitPattern: Int32(truncatingIfNeeded: jrand48(&state))))
            return high << 32 | low
        }
    }

    /// One step of the stream.
    enum Step: CustomStringConvertible {
        case keys([String])
        /// Text typed literally, then keys.
        case text(String, then: [String])
        case resize(columns: Int, rows: Int)
        case pause(Int)

        var description: String {
            switch self {
            case .keys(let keys): keys.joined(separator: " ")
            case .text(let text, let keys): (["'\(text)'"] + keys).joined(separator: " ")
            case .resize(let columns, let rows): "resize \(columns)x\(rows)"
            case .pause(let milliseconds): "pause \(milliseconds)ms"
            }
        }
    }

    /// Keys by tmux name. Left out: `q`, ctrl-c and `:q` (they quit) and ctrl-z (it suspends).
    private static let namedKeys = [
        "Up", "Down", "Left", "Right", "Enter", "Escape", "PageUp", "PageDown", "Home", "End",
        "Tab", "BTab", "Space", "BSpace", "DC", "IC", "F1", "F5",
    ]
    private static let controlKeys = [
        "C-b", "C-f", "C-d", "C-r", "C-\\", "C-a", "C-e", "C-u", "C-w", "C-n", "C-p", "C-l",
        "C-k", "C-s", "C-o", "C-]",
    ]
    private static let letters = Array("abcdefghijklmnoprstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789?[]-._ ")
    private static let commands = [
        ":tags ns/app", ":tags mirror/library/alpine", ":repos", ":repos ns", ":ns ns", ":vulns",
        ":instances", ":ctx local", ":ctx bearer", ":ctx basic", ":help", ":lifecycle", ":nonsense",
    ]

    /// The next random step; `typed` is the tail of everything typed so far (checked for confirmation phrases).
    private static func step(_ random: inout Generator, typed: inout String) -> Step {
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<30: return .keys([namedKeys.randomElement(using: &random)!])
        case 30..<55: return safeText(String(letters.randomElement(using: &random)!), then: [], typed: &typed)
        case 55..<65: return .keys([controlKeys.randomElement(using: &random)!])
        case 65..<75:
            let ending = ["Enter", "Escape", "Tab"].randomElement(using: &random)!
            return safeText(
                commands.randomElement(using: &random)!, then: [ending] + (ending == "Tab" ? ["Escape"] : []),
                typed: &typed)
        case 75..<85:
            let filter = String(
                (0..<Int.random(in: 1...6, using: &random)).map { _ in letters.randomElement(using: &random)! })
            return safeText("/" + filter, then: [["Enter", "Escape"].randomElement(using: &random)!], typed: &typed)
        case 85..<90:
            return .resize(
                columns: Int.random(in: 20...200, using: &random), rows: Int.random(in: 5...60, using: &random))
        default: return .pause(Int.random(in: 0...150, using: &random))
        }
    }

    /// Types `text`, unless that would complete a confirmation phrase (`delete N`): then a harmless key.
    private static func safeText(_ text: String, then keys: [String], typed: inout String) -> Step {
        let candidate = (typed + text).lowercased()
        guard !candidate.contains("delete") else { return .keys(["Escape"]) }
        typed = String(candidate.suffix(16))
        return .text(text, then: keys)
    }

    @Test func randomKeysAndResizesChangeNothingAndTheConsoleSurvives() async throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["MONKEY_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 0..<(1 << 48))
        let duration = Duration.seconds(environment["MONKEY_SECONDS"].flatMap(Int.init) ?? 60)
        let replay = "MONKEY_SEED=\(seed)"

        let state = try await RegistryHarness.pristine()
        let before = try await Self.tagDigests(registry: state.anonymous.url)
        #expect(before.count > 10, "\(replay): the registry holds too few tags: \(before.count)")
        var cli = try CLIRunner(
            configTOML: """
                [[instances]]
                name = "local"
                url = "\(state.anonymous.url)"
                production = true

                [[instances]]
                name = "basic"
                url = "\(state.basic.url)"
                username = "alice"
                password_env = "ALICE_PASSWORD"
                production = true

                [[instances]]
                name = "bearer"
                url = "\(state.bearer.url)"
                username = "alice"
                password_env = "ALICE_PASSWORD"
                production = true
                """)
        cli.environment["ALICE_PASSWORD"] = state.basic.password
        cli.environment["TERM"] = "xterm-256color"
        let tmux = try TmuxSession(
            shellCommand: ConsolePane.command, environment: cli.environment, columns: 100, rows: 30, keeping: cli)
        defer { tmux.stop() }
        try await tmux.waitFor("instances [3]")
        let console = try await tmux.childPID()

        var random = Generator(seed: seed)
        var typed = ""
        var recent: [Step] = []
        let deadline = ContinuousClock.now + duration
        var count = 0
        while ContinuousClock.now < deadline {
            let next = Self.step(&random, typed: &typed)
            recent = Array((recent + [next]).suffix(30))
            switch next {
            case .keys(let keys): try tmux.press(keys)
            case .text(let text, let keys):
                try tmux.type(text)
                if !keys.isEmpty { try tmux.press(keys) }
            case .resize(let columns, let rows): try tmux.resize(columns: columns, rows: rows)
            case .pause(let milliseconds): try await Task.sleep(for: .milliseconds(milliseconds))
            }
            count += 1
            if count % 50 == 0 {
                let screen = try tmux.capture()
                guard ProcessTable.isAlive(console), !screen.contains("EXIT=") else {
                    Issue.record("\(replay): the console ended after \(count) steps; last steps: \(recent)\n\(screen)")
                    return
                }
            }
        }

        // Still redrawing: back to a known size and the instances pane, then the help overlay appears.
        try tmux.resize(columns: 100, rows: 30)
        for _ in 0..<5 {
            try tmux.press("Escape")
            try await Task.sleep(for: .milliseconds(60))
        }
        try tmux.type(":instances")
        try tmux.press("Enter")
        do {
            // The stream may have left a filter on the pane ("instances [0 of 3]").
            try await tmux.waitFor("instances [")
            try await tmux.waitUntilGone("Commands (:)")
            try tmux.press("?")
            try await tmux.waitFor("Commands (:)")
        } catch {
            Issue.record(
                "\(replay): the console stopped redrawing after \(count) steps (\(error)); last steps: \(recent)")
        }

        kill(console, SIGTERM)
        try await ConsolePane.expectRestored(tmux, status: 0, replay)

        let after = try await Self.tagDigests(registry: state.anonymous.url)
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
        #expect(after == before, "\(replay): tags changed without a typed confirmation: \(changed)")
    }

    /// `repository:tag` → manifest digest for every tag in the registry, read over HTTP.
    static func tagDigests(registry: String) async throws -> [String: String] {
        var repositories: [String] = []
        var next: String? = "/v2/_catalog?n=1000"
        while let path = next {
            let (data, response) = try await get(registry + path)
            repositories += try JSONDecoder().decode([String: [String]].self, from: data)["repositories"] ?? []
            next = nextPath(response)
        }
        var digests: [String: String] = [:]
        for repository in repositories {
            struct TagList: Decodable { var tags: [String]? }
            var tags: [String] = []
            var next: String? = "/v2/\(repository)/tags/list?n=1000"
            while let path = next {
                let (data, response) = try await get(registry + path)
                tags += try JSONDecoder().decode(TagList.self, from: data).tags ?? []
                next = nextPath(response)
            }
            try await withThrowingTaskGroup(of: (String, String).self) { group in
                for (index, tag) in tags.enumerated() {
                    if index >= 16 { if let (key, digest) = try await group.next() { digests[key] = digest } }
                    group.addTask {
                        let (_, response) = try await get(
                            "\(registry)/v2/\(repository)/manifests/\(tag)", method: "HEAD")
                        return (
                            "\(repository):\(tag)", response.value(forHTTPHeaderField: "Docker-Content-Digest") ?? ""
                        )
                    }
                }
                for try await (key, digest) in group { digests[key] = digest }
            }
        }
        return digests
    }

    private static func get(_ url: String, method: String = "GET") async throws -> (Data, HTTPURLResponse) {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = method
        request.setValue(
            [
                "application/vnd.oci.image.index.v1+json", "application/vnd.oci.image.manifest.v1+json",
                "application/vnd.docker.distribution.manifest.list.v2+json",
                "application/vnd.docker.distribution.manifest.v2+json",
            ].joined(separator: ", "), forHTTPHeaderField: "Accept")
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        guard http.statusCode == 200 else { throw TestSupportError("\(method) \(url): HTTP \(http.statusCode)") }
        return (data, http)
    }

    /// The path of the next page from a `Link: </v2/…>; rel="next"` header.
    private static func nextPath(_ response: HTTPURLResponse) -> String? {
        guard let link = response.value(forHTTPHeaderField: "Link"), let open = link.firstIndex(of: "<"),
            let close = link.firstIndex(of: ">")
        else { return nil }
        return String(link[link.index(after: open)..<close])
    }
}
