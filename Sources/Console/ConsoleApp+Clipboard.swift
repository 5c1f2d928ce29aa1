extension ConsoleApp {
    func copySecret(_ text: String, notice: String) {
        writeRaw(Clipboard.sequence(for: text, environment: options.environment))
        showFlash(notice)
    }
}
