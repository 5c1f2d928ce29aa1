import RegistryClient
import Testing

@testable import Console

/// The loader behind tag details and scan summaries: every fetch ends as a result, so the loader
/// is never left busy.
@MainActor
struct VisibleLoaderTests {
    @Test func aFetchThatThrowsEndsAsAFailureAndLeavesTheLoaderIdle() async throws {
        let loader = VisibleLoader<String, Int> { key in
            switch key {
            case "cancelled": throw CancellationError()
            case "broken": throw RegistryError(.server, "boom")
            default: return key.count
            }
        }
        var results: [String: Result<Int, RegistryError>] = [:]
        loader.onResult = { key, result in results[key] = result }
        loader.want(visible: ["cancelled", "broken", "fine"], everything: false, all: [])
        await loader.settle()
        #expect(!loader.isBusy)
        #expect(loader.finishedCount == 3)
        #expect(try results["fine"]?.get() == 4)
        #expect(failureCode(results["broken"]) == .server)
        #expect(failureCode(results["cancelled"]) == .cancelled)
    }

    private func failureCode(_ result: Result<Int, RegistryError>?) -> RegistryError.Code? {
        guard case .failure(let error)? = result else { return nil }
        return error.code
    }

    @Test func rowsThatLeaveTheScreenAreCancelledAndFetchedAgainWhenBack() async {
        let loader = VisibleLoader<String, String>(limit: 1) { key in key.uppercased() }
        var seen: [String] = []
        loader.onResult = { key, _ in seen.append(key) }
        loader.want(visible: ["a", "b"], everything: false, all: [])
        loader.want(visible: ["c"], everything: false, all: [])
        await loader.settle()
        #expect(seen.last == "c")
        #expect(!loader.isBusy)
        loader.invalidate("c")
        loader.want(visible: ["c"], everything: false, all: [])
        await loader.settle()
        #expect(seen.filter { $0 == "c" }.count == 2)
    }
}
