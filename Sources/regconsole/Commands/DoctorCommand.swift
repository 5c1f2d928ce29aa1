import ArgumentParser
import CurlHTTP
import Foundation
import Logging
import RegistryClient

/// `regconsole doctor [INSTANCE]`: checks what each instance needs to work, and how to fix what fails.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check DNS, TCP, TLS, the API, credentials, a read, the clock and permissions of instances.",
        discussion: "Exits 1 when a check fails; every failure comes with a fix. See docs/doctor.md.")

    /// `--output table|json`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @OptionGroup var global: GlobalOptions

    @Argument(
        help: "A configured instance (or ENTRY.INSTANCE of an ACR entry); all of them when omitted.",
        completion: Completions.instance)
    var instance: String?

    @Option(name: .shortAndLong, help: "Output format: table or json.")
    var output: Format = .table

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        CLIContext.bootstrapLogging(verbose: global.verbose)
        let (config, configFile) = try Self.loadConfig(path: global.config, environment: environment)
        let targets = try targets(in: config)

        var transport = CurlHTTPClient.Options()
        transport.connectTimeout = .seconds(3)
        transport.requestTimeout = .seconds(8)
        transport.maxConnectionsPerHost = config.limits.maxConnections
        let http = CurlHTTPClient(options: transport, logger: Logger(label: "regconsole.http"))
        let session = RegistrySession(
            config: config, http: http, environment: environment, insecure: global.insecure, readOnly: true)
        let doctor = Doctor(
            session: session, http: http, tls: CurlTLSInspector(options: transport), environment: environment,
            configFile: configFile)
        let results = try await BoundedConcurrency.map(targets, limit: 4) { target in
            await doctor.run(target.entry, only: target.only)
        }
        let checks = results.flatMap { $0 }

        var records = RecordSet(columns: [
            .init(key: "instance", header: "INSTANCE"), .init(key: "check", header: "CHECK"),
            .init(key: "ok", header: "OK"), .init(key: "detail", header: "DETAIL"), .init(key: "fix", header: "FIX"),
        ])
        records.omitsAbsent = true
        records.rows = checks.map {
            [.text($0.instance), .text($0.name.rawValue), .flag($0.ok), .text($0.detail), .text($0.fix)]
        }
        records.print(as: output == .json ? .json : .table)
        let failed = checks.filter { !$0.ok }.count
        if failed > 0 {
            throw CommandFailure(status: .runtime, description: "\(failed) check(s) failed")
        }
    }

    /// The entries to check: the one named, or all.
    private func targets(in config: Config) throws -> [(entry: InstanceConfig, only: String?)] {
        if let instance {
            guard let target = Doctor.entry(named: instance, in: config) else {
                let names = config.instances.map(\.name).joined(separator: ", ")
                throw UsageError(
                    description: "no instance is named '\(instance)'"
                        + (names.isEmpty ? "; the config has none" : "; configured: \(names)"))
            }
            return [target]
        }
        guard !config.instances.isEmpty else {
            throw UsageError(
                description: "no instances are configured in \(config.file ?? Config.defaultPath()); nothing to check")
        }
        return config.instances.map { ($0, nil) }
    }

    /// The config, and its file's path and mode. A file that holds a plain password while others
    /// can read it is still read (the config-mode check then fails) instead of refused, so the
    /// other checks run too.
    static func loadConfig(
        path: String?, environment: [String: String]
    ) throws -> (Config, Doctor.ConfigFile?) {
        let config = try Config.load(path: path, environment: environment, acceptingReadablePasswords: true)
        guard let file = config.file, let mode = config.fileMode else { return (config, nil) }
        return (config, Doctor.ConfigFile(path: file, mode: mode))
    }
}
