import ArgumentParser
import Foundation
import RegistryClient

/// Shell completion of the values only the user's world knows: instance names from the config, and
/// `INSTANCE/NAMESPACE/REPO[:TAG]` references completed one segment at a time from the registry.
/// A failure of any kind gives no candidates: completion never prints an error or waits long.
enum Completions {
    /// Instance names from the config.
    static let instance = CompletionKind.custom { words, _, prefix in
        let environment = ProcessInfo.processInfo.environment
        guard let config = try? Config.load(path: configPath(in: words), environment: environment) else { return [] }
        return config.instances.map(\.name).filter { $0.hasPrefix(prefix) }
    }

    /// `INSTANCE/NAMESPACE/REPO[:TAG]`: instance names, then namespaces, repositories and tags read live.
    static let reference = CompletionKind.custom { words, _, prefix async in
        let environment = ProcessInfo.processInfo.environment
        guard let config = try? Config.load(path: configPath(in: words), environment: environment) else { return [] }
        let completer = ReferenceCompleter(config: config, environment: environment)
        return await completer.candidates(for: prefix)
    }

    /// The `--config FILE` (or `--config=FILE`) given on the command line being completed, if any.
    static func configPath(in words: [String]) -> String? {
        for (index, word) in words.enumerated() {
            if word.hasPrefix("--config=") { return String(word.dropFirst("--config=".count)) }
            if word == "--config", index + 1 < words.count { return words[index + 1] }
        }
        return nil
    }
}
