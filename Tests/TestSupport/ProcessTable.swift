import Foundation

/// What `/proc` says about processes a test started.
public enum ProcessTable {
    /// The fields of `/proc/PID/stat` after the command name: state first (field 3), then ppid, ….
    private static func statFields(of process: pid_t) -> [Substring]? {
        guard let stat = try? String(contentsOfFile: "/proc/\(process)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ")
    }

    /// The scheduling state letter (`R`, `S`, `T` when stopped, `Z`…), or nil when it is gone.
    public static func state(of process: pid_t) -> Character? {
        statFields(of: process)?.first?.first
    }

    /// Whether `process` exists and is not a zombie.
    public static func isAlive(_ process: pid_t) -> Bool {
        state(of: process).map { $0 != "Z" } ?? false
    }

    /// The parent of `process`.
    public static func parent(of process: pid_t) -> pid_t? {
        statFields(of: process).flatMap { $0.count > 1 ? pid_t($0[1]) : nil }
    }

    /// User plus system CPU time of `process` in clock ticks (fields 14 and 15).
    public static func cpuTicks(of process: pid_t) -> Int? {
        guard let fields = statFields(of: process), fields.count > 12,
            let user = Int(fields[11]), let system = Int(fields[12])
        else { return nil }
        return user + system
    }

    /// The children of `process`, their children, and so on.
    public static func descendants(of process: pid_t) -> [pid_t] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(process)/task")) ?? []
        let children = tasks.flatMap { task in
            ((try? String(contentsOfFile: "/proc/\(process)/task/\(task)/children", encoding: .utf8)) ?? "")
                .split(separator: " ").compactMap { pid_t($0) }
        }
        return children.flatMap { [$0] + descendants(of: $0) }
    }
}
