/// The config-mode check: a config file holding a plain password must be readable by its owner only.
public enum ConfigFileMode {
    /// The outcome for `file` with permission bits `mode`, for an instance whose password is in it.
    public static func evaluate(file: String, mode: Int) -> DoctorCheck.Outcome {
        let octal = "0" + String(mode & 0o777, radix: 8)
        if mode & 0o077 != 0 {
            return .failed(
                "\(file) holds a plain password and is mode \(octal): other users can read it",
                fix: "chmod 600 \(file)")
        }
        return .passed("\(file) holds a plain password and is mode \(octal)")
    }
}
