import CCurl
import Foundation
import RegistryClient
import Synchronization

/// Owns one libcurl multi handle and the dedicated thread that drives it.
///
/// Callers hand transfers over through a locked inbox and wake the thread with `curl_multi_wakeup`;
/// everything else (adding, removing, completing handles) happens on the I/O thread alone.
final class CurlMultiLoop: Sendable {
    private let engine: Engine
    let options: CurlHTTPClient.Options

    init(options: CurlHTTPClient.Options) {
        CurlGlobal.ensureInitialized()
        self.options = options
        let engine = Engine(maxConnectionsPerHost: options.maxConnectionsPerHost)
        self.engine = engine
        let thread = Thread { engine.run() }
        thread.name = "regconsole-curl-io"
        thread.start()
    }

    deinit {
        engine.shutdown()
    }

    /// Runs one request to completion on the I/O thread, aborting it after `timeout`.
    func perform(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let transfer = try CurlTransfer(request: request, options: options, timeout: timeout)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.continuation = continuation
                engine.submit(transfer)
            }
        } onCancel: {
            engine.cancel(transfer)
        }
    }
}

/// The state of the I/O thread. `inbox` is shared; `active` belongs to the I/O thread.
private final class Engine: @unchecked Sendable {
    struct Inbox {
        var added: [CurlTransfer] = []
        var cancelled: [CurlTransfer] = []
        var stopping = false
    }

    private let multi: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]

    init(maxConnectionsPerHost: Int) {
        guard let multi = ccurl_multi_init() else { fatalError("curl_multi_init failed") }
        self.multi = multi
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, maxConnectionsPerHost)
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, maxConnectionsPerHost * 2)
    }

    func submit(_ transfer: CurlTransfer) {
        inbox.withLock { $0.added.append(transfer) }
        ccurl_multi_wakeup(multi)
    }

    func cancel(_ transfer: CurlTransfer) {
        transfer.markCancelled()
        inbox.withLock { $0.cancelled.append(transfer) }
        ccurl_multi_wakeup(multi)
    }

    func shutdown() {
        inbox.withLock { $0.stopping = true }
        ccurl_multi_wakeup(multi)
    }

    func run() {
        while true {
            let work = inbox.withLock { inbox -> Inbox in
                defer {
                    inbox.added.removeAll()
                    inbox.cancelled.removeAll()
                }
                return inbox
            }
            for transfer in work.added {
                if transfer.isCancelled {
                    transfer.finish(.failure(CancellationError()))
                } else {
                    ccurl_multi_add_handle(multi, transfer.easy)
                    active[transfer.easy] = transfer
                }
            }
            for transfer in work.cancelled where active[transfer.easy] === transfer {
                detach(transfer)
                transfer.finish(.failure(CancellationError()))
            }
            if work.stopping {
                for transfer in Array(active.values) {
                    detach(transfer)
                    transfer.finish(.failure(CancellationError()))
                }
                ccurl_multi_cleanup(multi)
                return
            }

            var running: Int32 = 0
            ccurl_multi_perform(multi, &running)
            var easy: UnsafeMutableRawPointer?
            var result = CURLE_OK
            while ccurl_multi_next_done(multi, &easy, &result) == 1 {
                guard let easy, let transfer = active[easy] else { continue }
                detach(transfer)
                transfer.complete(result)
            }
            ccurl_multi_poll(multi, nil, 0, 1000, nil)
        }
    }

    private func detach(_ transfer: CurlTransfer) {
        ccurl_multi_remove_handle(multi, transfer.easy)
        active[transfer.easy] = nil
    }
}
