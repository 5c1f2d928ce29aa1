/// A small activity indicator; its frame depends only on time, so redraws animate it.
public enum Spinner {
    private static let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    /// The frame for a moment, advancing every 80 ms.
    public static func frame(at elapsed: Duration) -> String {
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        return frames[Int(milliseconds / 80) % frames.count]
    }
}
