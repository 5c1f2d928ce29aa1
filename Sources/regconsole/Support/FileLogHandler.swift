import Foundation
import Logging
import Synchronization

/// Where console-mode logs are appended.
final class FileLogSink: Sendable {
    private let handle: Mutex<FileHandle?>

    init(url: URL) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: url.path) {
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        }
        let handle = FileHandle(forWritingAtPath: url.path)
        handle?.seekToEndOfFile()
        self.handle = Mutex(handle)
    }

    func write(_ line: String) {
        handle.withLock { $0?.write(Data(line.utf8)) }
    }
}

/// A swift-log handler appending lines to a file (the console owns the terminal).
struct FileLogHandler: LogHandler {
    let label: String
    let sink: FileLogSink
    var logLevel: Logger.Level = .debug
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        sink.write("\(Date().formatted(.iso8601)) \(event.level) \(label): \(event.message)\n")
    }
}
