import Foundation
import RegistryClient
import TestSupport
import Testing

/// The on-disk content cache: what a later process reads back, what it refuses to serve, and when
/// it starts over.
struct ContentStoreTests {
    private let temporary: TemporaryDirectory
    private var directory: URL { temporary.url }
    private var pack: URL { directory.appendingPathComponent("content.pack") }
    private let manifest = Data(#"{"schemaVersion":2,"layers":[]}"#.utf8)

    init() throws {
        temporary = try TemporaryDirectory("content-store")
    }

    /// The pack's bytes, as a later process would find them.
    private func packBytes() throws -> Data { try Data(contentsOf: pack) }

    @Test func aLaterProcessReadsWhatAnEarlierOneStored() async throws {
        let digest = Digest.sha256(of: manifest)
        await ContentStore(directory: directory).store(verified: manifest, for: digest)
        var expected = Data("regconsole-pack-v1\n\(digest) \(manifest.count)\n".utf8)
        expected.append(manifest)
        expected.append(0x0A)
        #expect(try packBytes() == expected)
        #expect(await ContentStore(directory: directory).data(for: digest) == manifest)
    }

    @Test func aCorruptedRecordIsDetectedOnReadAndNeverServed() async throws {
        let digest = Digest.sha256(of: manifest)
        let other = Data(#"{"other":true}"#.utf8)
        let store = ContentStore(directory: directory)
        await store.store(verified: manifest, for: digest)
        await store.store(verified: other, for: Digest.sha256(of: other))
        // Same length, one byte changed: the record still parses, only its digest check can catch it.
        var bytes = try packBytes()
        let position = try #require(bytes.range(of: Data("layers".utf8))).lowerBound
        bytes[position] = UInt8(ascii: "L")
        try bytes.write(to: pack)

        let later = ContentStore(directory: directory)
        #expect(await later.data(for: digest) == nil)
        #expect(await later.data(for: digest) == nil, "still a miss on the second read")
        #expect(await later.data(for: Digest.sha256(of: other)) == other, "the intact record after it is still served")
    }

    @Test func anOversizedPackIsDiscardedAndStartedAfresh() async throws {
        let digest = Digest.sha256(of: manifest)
        await ContentStore(directory: directory).store(verified: manifest, for: digest)
        let handle = try FileHandle(forWritingTo: pack)
        try handle.truncate(atOffset: 64 << 20 + 1)  // one byte over the limit, sparse
        try handle.close()

        let later = ContentStore(directory: directory)
        #expect(await later.data(for: digest) == nil)
        #expect(!FileManager.default.fileExists(atPath: pack.path), "the oversized pack is removed")
        let other = Data(#"{"fresh":1}"#.utf8)
        await later.store(verified: other, for: Digest.sha256(of: other))
        #expect(
            try packBytes().starts(with: Data("regconsole-pack-v1\n\(Digest.sha256(of: other)) \(other.count)\n".utf8)))
    }

    @Test func aPackWithoutTheMagicLineIsDiscarded() async throws {
        let digest = Digest.sha256(of: manifest)
        try Data("not-a-pack\n\(digest) \(manifest.count)\n".utf8 + manifest + [0x0A]).write(to: pack)
        #expect(await ContentStore(directory: directory).data(for: digest) == nil)
        #expect(!FileManager.default.fileExists(atPath: pack.path))
    }
}
