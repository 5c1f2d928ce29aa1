import CurlHTTP
import Foundation
import Logging
import RegistryClient
import TerminalUI

/// What a command needs: the config, a session over one shared HTTP client, and the XDG paths.
struct CLIContext {
    let config: Config
    let session: RegistrySession
    let directories: XDGDirectories
    let environment: [String: String]

    /// Loads the config and builds the session.
    /// - Parameter fullScreen: logs go to a file instead of standard error (curses owns the screen).
    /// - Throws: `ConfigError` for a malformed config.
    init(
        _ options: GlobalOptions, fullScreen: Bool = false,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        let directories = XDGDirectories(environment: environment)
        if fullScreen {
            Self.bootstrapFileLogging(
                verbose: options.verbose, file: directories.state.appendingPathComponent("regconsole.log"))
        } else {
            Self.bootstrapLogging(verbose: options.verbose)
        }
        let config = try Config.load(path: options.config, environment: environment)
        self.config = config
        self.environment = environment
        self.directories = directories
        var transport = CurlHTTPClient.Options()
        transport.requestTimeout = config.limits.requestTimeout  // token and ACR requests too
        transport.maxConnectionsPerHost = config.limits.maxConnections
        let http = CurlHTTPClient(options: transport, logger: Logger(label: "regconsole.http"))
        self.session = RegistrySession(
            config: config, http: http, environment: environment, insecure: options.insecure, readOnly: options.readOnly
        )
    }

    /// Namespace and repository changes, recorded in the audit log.
    var management: AuditedManagement { AuditedManagement(audit: AuditLog(directories: directories)) }

    /// Build, trigger and event-rule changes, recorded in the audit log.
    var delivery: AuditedDelivery { AuditedDelivery(audit: AuditLog(directories: directories)) }

    /// Sync rule and subscription changes and the copies they start, recorded in the audit log.
    var replication: AuditedReplication { AuditedReplication(audit: AuditLog(directories: directories)) }

    /// Endpoint, access list and login changes, recorded in the audit log.
    var access: AuditedAccess { AuditedAccess(audit: AuditLog(directories: directories)) }

    /// Harbor retention policy and immutability rule changes and real retention runs, recorded in the audit log.
    var retention: AuditedRetention { AuditedRetention(audit: AuditLog(directories: directories)) }

    /// Logs go to standard error: warnings by default, everything with `--verbose`.
    static func bootstrapLogging(verbose: Bool) {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = verbose ? .debug : .warning
            return handler
        }
    }

    /// In the console, logs go to `$XDG_STATE_HOME/regconsole/regconsole.log` with `--verbose`, else nowhere.
    static func bootstrapFileLogging(verbose: Bool, file: URL) {
        let sink = verbose ? FileLogSink(url: file) : nil
        LoggingSystem.bootstrap { label in
            guard let sink else { return SwiftLogNoOpLogHandler() }
            return FileLogHandler(label: label, sink: sink)
        }
    }

    /// The provider and repository of a `REPO` argument (`INSTANCE/NAMESPACE/NAME` or `HOST/NAME`),
    /// which must not carry a tag or digest.
    func repository(_ text: String) async throws -> (any RegistryProvider, Reference) {
        let reference = try Reference.parse(text)
        guard reference.tag == nil, reference.digest == nil else {
            throw UsageError(description: "'\(text)' names an image; give a repository (without :tag or @digest)")
        }
        return (try await session.provider(for: reference), reference)
    }

    /// The provider and reference of an `IMAGE` argument, which needs a tag or digest.
    func image(_ text: String) async throws -> (any RegistryProvider, Reference) {
        let reference = try Reference.parse(text)
        guard reference.tag != nil || reference.digest != nil else {
            throw UsageError(description: "'\(text)' names no tag or digest; add :TAG or @sha256:…")
        }
        return (try await session.provider(for: reference), reference)
    }
}
