extension ConsoleApp {
    /// Copies a secret through the terminal (OSC 52); the flash says `notice`, never the secret.
    func copySecret(_ text: String, notice: String) {
        writeRaw(Clipboard.sequence(for: text, environment: options.environment))
        showFlash(notice)
    }
}
