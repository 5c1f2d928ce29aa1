import Foundation

/// Reads a set of started tasks again and again until none is running, with a `WaitLine` saying
/// how far they got; gives up at a deadline.
struct TaskPoller<Item: Sendable> {
    /// Reads one task by id.
    let read: (String) async throws -> Item
    let isRunning: (Item) -> Bool
    /// The wait line's text for the tasks as last read.
    let label: ([Item]) -> String
    /// Time between reads.
    let interval: Duration
    /// How long to wait at most.
    let deadline: Duration

    /// The tasks once none is running, in the order of `ids`.
    /// - Throws: `CommandFailure` (status 1) naming how to go on when the deadline passes first.
    func wait(for ids: [String], resume: String) async throws -> [Item] {
        var tasks: [Item] = []
        for id in ids { tasks.append(try await read(id)) }
        let line = WaitLine(label(tasks))
        defer { line.finish() }
        let clock = ContinuousClock()
        let giveUp = clock.now.advanced(by: deadline)
        while tasks.contains(where: isRunning) {
            guard clock.now < giveUp else {
                throw CommandFailure(
                    status: .runtime,
                    description:
                        "gave up waiting after \(TimeSpan.format(Double(deadline.components.seconds))); \(label(tasks)); "
                        + "go on with: \(resume)")
            }
            try await Task.sleep(for: interval)
            for index in tasks.indices where isRunning(tasks[index]) {
                tasks[index] = try await read(ids[index])
            }
            line.update(label(tasks))
        }
        return tasks
    }
}
