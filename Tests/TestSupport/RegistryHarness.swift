import Foundation

/// The real registries every integration test shares: Debian's `docker-registry` four times over
/// one storage (anonymous, anonymous with a small catalog page, Basic, Bearer) plus a token server,
/// seeded once per test process.
public enum RegistryHarness {
    /// Whether integration tests run: `docker-registry` is installed, or `CI=true` (where its absence
    /// must fail the run, never skip it).
    public static let isEnabled: Bool = {
        ProcessInfo.processInfo.environment["CI"] == "true" || Self.hasRegistryBinary
    }()

    private static let hasRegistryBinary: Bool = {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/docker-registry")
        }
    }()

    private static let started = Task<HarnessState, any Error> { try await start(bulkTags: 1500) }
    private static let pristineStarted = Task<HarnessState, any Error> { try await start(bulkTags: 20) }

    private static func start(bulkTags: Int) async throws -> HarnessState {
        let service = try await ServiceProcess.startPython(
            TestPaths.harness.appendingPathComponent("harness.py"), ["serve", "--bulk-tags", String(bulkTags)])
        return try JSONDecoder().decode(HarnessState.self, from: service.readyLine)
    }

    /// The running, seeded registries (started on first use). Tests may add repositories under
    /// `scratch/`; nothing else changes.
    public static func shared() async throws -> HarnessState {
        try await started.value
    }

    /// A second set of registries with a smaller seed (20 bulk tags) that no test changes, for
    /// screen snapshots.
    public static func pristine() async throws -> HarnessState {
        try await pristineStarted.value
    }

    /// Pushes one image under `tags` (all sharing its digest) into `repository` of a registry.
    @discardableResult
    public static func seedImage(
        registry: String, repository: String, tags: [String], content: String, created: String = "2024-06-01T00:00:00Z"
    ) throws -> [String: SeededTag] {
        try seed(
            ["image", "--registry", registry, "--repo", repository, "--content", content, "--created", created]
                + tags.flatMap { ["--tag", $0] })
    }

    /// Pushes the lifecycle fixture into `repository`: `build-001`…`build-020` (a day apart in January 2024;
    /// `latest` on build-020, `candidate` on build-018), `release-1.0`…`release-2.0` (2023; `stable` on
    /// release-1.2), `prod` and `prod-eu` on one image, and `nightly-1`: 30 tags.
    @discardableResult
    public static func seedRetentionFixture(registry: String, repository: String) throws -> [String: SeededTag] {
        try seed(["retention", "--registry", registry, "--repo", repository])
    }

    /// Puts the manifest `digest` of `repository` under another tag.
    public static func retag(registry: String, repository: String, digest: String, as tag: String) throws {
        _ = try seed(["retag", "--registry", registry, "--repo", repository, "--digest", digest, "--tag", tag])
    }

    private static func seed(_ arguments: [String]) throws -> [String: SeededTag] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestPaths.harness.appendingPathComponent("seed.py").path] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestSupportError("seed.py \(arguments.joined(separator: " ")) failed")
        }
        return try JSONDecoder().decode([String: SeededTag].self, from: data)
    }
}

/// What harness.py printed: the registries, their credentials, and the seed.
public struct HarnessState: Decodable, Sendable {
    public struct Registry: Decodable, Sendable {
        public var url: String
        public var pid: Int
        public var username: String?
        public var password: String?
        public var tokenURL: String?
        public var readerUsername: String?
        public var readerPassword: String?
        /// Where emulators over this registry share what they read of the seeded repositories
        /// (only `scratch/` changes after seeding), so that only the first one reads every manifest.
        public var snapshot: String?

        /// `127.0.0.1:PORT`, the form references use.
        public var host: String { String(url.dropFirst("http://".count)) }
    }

    public var anonymous: Registry
    /// Anonymous, with `catalog.maxentries: 2` so the catalog arrives in pages.
    public var paged: Registry
    public var basic: Registry
    public var bearer: Registry
    public var seed: Seed
}

/// Everything seed.py pushed.
public struct Seed: Decodable, Sendable {
    public var repositories: [String: [String: SeededTag]]
    public var namespaces: [String: Int]
    public var referrers: [String: [SeededReferrer]]
    /// Findings per lowercase severity of each attached Trivy report, by `repository:tag`.
    public var scans: [String: [String: Int]]
}

/// One seeded tag and what it should look like.
public struct SeededTag: Decodable, Sendable, Equatable {
    public var digest: String?
    public var mediaType: String
    public var size: Int64?
    public var created: String?
    public var platforms: [String]
    public var referrersIndex: Bool?
}

/// One seeded referrer.
public struct SeededReferrer: Decodable, Sendable {
    public var digest: String
    public var artifactType: String
    public var size: Int64
}
