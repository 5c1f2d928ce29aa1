import Foundation

/// Paths tests need: the repository checkout, the Python harness, the built binaries.
public enum TestPaths {
    /// The package root (found from this file's location).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Harness`, home of the Python servers and the seeder.
    public static let harness = packageRoot.appendingPathComponent("Tests/Harness")

    /// `Tests/Fixtures`, copies of upstream files used as test input.
    public static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")

    /// The directory holding the built products (`regconsole`) beside the test bundle.
    public static let products: URL = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = bundle.deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("regconsole").path) {
                return directory
            }
            directory = directory.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug")
    }()

    /// The `regconsole` executable under test.
    public static var regconsole: URL { products.appendingPathComponent("regconsole") }

    /// The executable `name` on `PATH`, if installed.
    public static func tool(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Whether tests that need the tool `name` run: it is installed, or `CI=true` (where its
    /// absence must fail the run, never skip it).
    public static func testsNeeding(_ name: String) -> Bool {
        ProcessInfo.processInfo.environment["CI"] == "true" || tool(name) != nil
    }

    /// A fresh empty directory under the system temporary directory.
    public static func temporaryDirectory(_ label: String = "regconsole-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
