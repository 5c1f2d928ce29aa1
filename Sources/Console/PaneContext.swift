import Foundation
import RegistryClient
import TerminalUI

/// The services a pane uses: navigation, the flash line, dialogs, background jobs, the session and
/// its caches, and change notifications. Panes depend on this, never on the app itself, so a pane
/// can be written, read and tested without the rest of the console.
@MainActor
protocol PaneContext: AnyObject, Sendable {
    /// The messages in the user's language.
    var catalog: Catalog { get }
    /// Instances, providers and content caches.
    var session: RegistrySession { get }
    /// Scan reports every pane shares.
    var scanReports: ScanReportCache { get }
    /// Where state, config and audit files live.
    var directories: XDGDirectories { get }
    /// The process environment (clipboard, user name, config path).
    var environment: [String: String] { get }
    /// The clock's now (fixed in snapshot tests).
    var now: Date { get }
    /// The builds being watched until they end (ACR).
    var buildWatcher: BuildWatcher { get }

    /// Shows a message on the flash line; it replaces the one before.
    func showFlash(_ message: String, error: Bool)
    /// Opens a pane on top.
    func push(_ pane: any Screen)
    /// Closes the top pane (never the first).
    func pop()
    /// Asks for confirmation; `action` runs when the user confirms.
    func confirm(_ dialog: ConfirmDialog, then action: @escaping () -> Void)
    /// Shows a form; `save` runs with the fields once `validate` passes and the user saves.
    func edit(_ dialog: FormDialog, validate: @escaping (inout Form) -> Bool, save: @escaping (Form) -> Void)
    /// Runs `work` as a counted job, showing `notice` first; a thrown error becomes an error flash
    /// made with `failure`.
    func runJob(notice: String?, failure: Message, _ work: @escaping @MainActor () async throws -> Void)
    /// Counts work that is not a pane load (deletes) for the spinner and idle detection.
    func beginJob()
    /// Ends work counted by `beginJob`.
    func endJob()
    /// Copies text to the clipboard through the terminal (OSC 52).
    func copy(_ text: String)
    /// Copies a secret the same way, flashing `notice` instead of the text.
    func copySecret(_ text: String, notice: String)
    /// Marks text a pane drew as a link for this frame.
    func link(_ text: String, to url: String, at point: Point)
    /// Whether mutations are off for an instance.
    func isReadOnly(_ instance: Instance) -> Bool
    /// Asks for a frame.
    func requestDisplay()
    /// A pane's load ended (a restored pane that failed closes and says why).
    func loadEnded(_ pane: any Screen, failure: RegistryError?)
    /// A pane can take keys now; keys typed while it opened are replayed to it.
    func paneReady(_ pane: any Screen)
    /// Something changed in a registry or in local state: every pane and cache that shows it
    /// updates.
    func publish(_ change: ConsoleChange)
}

extension PaneContext {
    /// Shows an informational message.
    func showFlash(_ message: String) { showFlash(message, error: false) }

    /// Shows an error, in the user's language.
    func showError(_ error: any Error, _ message: Message) {
        showFlash(catalog[message, catalog.describe(error)], error: true)
    }

    /// "3d ago", "3 天前", or a date for anything older than a month.
    func relativeTime(_ date: Date?) -> String { catalog.relativeTime(date, now: now) }

    /// Copies `docker pull REFERENCE`, quoted for the shell; a reference with control characters
    /// is refused with an error flash.
    func copyPull(_ reference: String) {
        guard let command = PullCommand.text(for: reference) else {
            showFlash(catalog[.copyRefused, reference], error: true)
            return
        }
        copy(command)
    }

    /// The suppressions of an instance.
    func suppressions(of instance: Instance) -> SuppressionStore {
        SuppressionStore(instance: instance.name, directories: directories)
    }

    /// The audit log mutations write to.
    var auditLog: AuditLog { AuditLog(directories: directories) }

    /// The config file's path (for hints).
    var configPath: String { session.config.file ?? Config.defaultPath(environment: environment) }

    /// A provider's page stream for an instance, opened once the provider is ready.
    func pages<Item: Sendable>(
        of instance: String,
        _ open: @escaping @Sendable (any RegistryProvider) -> AsyncThrowingStream<[Item], any Error>
    ) -> AsyncThrowingStream<[Item], any Error> {
        let session = session
        return .producing { continuation in
            for try await page in open(try await session.provider(for: instance)) { continuation.yield(page) }
        }
    }

    /// Refuses a mutation on a read-only instance with a flash; true when writing is allowed.
    func requireWritable(_ instance: Instance) -> Bool {
        guard isReadOnly(instance) else { return true }
        showFlash(catalog[.readOnly, instance.name], error: true)
        return false
    }
}
