// swift-tools-version:6.0
import PackageDescription

/// The commit `--version` reports: the short hash, `-dirty` with uncommitted changes; none outside git.
let buildCommit: [CSetting] = {
    guard let git = Context.gitInformation else { return [] }
    let commit = String(git.currentCommit.prefix(7)) + (git.hasUncommittedChanges ? "-dirty" : "")
    return [.define("REGCONSOLE_COMMIT", to: "\"\(commit)\"")]
}()

let package = Package(
    name: "regconsole",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "regconsole", targets: ["regconsole"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // C shims: typed wrappers around variadic functions and macros.
        .target(name: "CCurl"),
        .target(name: "CNcursesw", linkerSettings: [.linkedLibrary("ncursesw")]),
        .target(name: "CBuildInfo", cSettings: buildCommit),

        // Libraries, lowest first.
        .target(
            name: "RegistryClient",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .target(name: "CurlHTTP", dependencies: ["CCurl", "RegistryClient"]),
        .target(name: "TerminalUI", dependencies: ["CNcursesw"]),
        .target(name: "Console", dependencies: ["RegistryClient", "TerminalUI"]),
        .executableTarget(
            name: "regconsole",
            dependencies: [
                "Console", "RegistryClient", "CurlHTTP", "TerminalUI", "CBuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Benchmarks (scripts/bench): the console's filter and memory on a huge list, headless.
        .executableTarget(
            name: "console-bench", dependencies: ["Console", "RegistryClient", "CurlHTTP", "TerminalUI"],
            path: "Benchmarks/ConsoleBench"),

        // Fuzzing (scripts/fuzz): the parsers as libFuzzer targets, and a runner that replays saved inputs.
        .target(name: "CLibFuzzer", path: "Tests/Fuzz/CLibFuzzer"),
        .target(
            name: "FuzzTargets", dependencies: ["Console", "RegistryClient", "TerminalUI"], path: "Tests/Fuzz/Targets"),
        .executableTarget(
            name: "regconsole-fuzz", dependencies: ["FuzzTargets", "CLibFuzzer"], path: "Tests/Fuzz/Runner"),

        // Tests: one target per module plus shared support that starts real servers.
        .target(name: "TestSupport", dependencies: ["RegistryClient"], path: "Tests/TestSupport"),
        .testTarget(name: "RegistryClientTests", dependencies: ["RegistryClient", "CurlHTTP", "TestSupport"]),
        .testTarget(name: "CurlHTTPTests", dependencies: ["CurlHTTP", "RegistryClient", "TestSupport"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(
            name: "ConsoleTests", dependencies: ["Console", "RegistryClient", "CurlHTTP", "TerminalUI", "TestSupport"],
            exclude: ["Snapshots"]),
        .testTarget(name: "FuzzTests", dependencies: ["FuzzTargets"], path: "Tests/Fuzz/Tests"),
        .testTarget(
            name: "regconsoleTests",
            dependencies: ["regconsole", "CurlHTTP", "RegistryClient", "TerminalUI", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
