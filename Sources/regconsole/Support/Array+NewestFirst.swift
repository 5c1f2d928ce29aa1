import Foundation

extension Array {
    /// The elements newest first by `time`; elements without a time keep their order, after the
    /// others, and so do elements of the same time.
    func newestFirst(by time: (Element) -> Date?) -> [Element] {
        enumerated().sorted { left, right in
            switch (time(left.element), time(right.element)) {
            case let (leftTime?, rightTime?) where leftTime != rightTime: leftTime > rightTime
            case (.some, .none): true
            case (.none, .some): false
            default: left.offset < right.offset
            }
        }.map(\.element)
    }
}
