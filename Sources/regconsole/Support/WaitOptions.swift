import ArgumentParser

/// How long `--wait` follows tasks and how often it reads them: hidden, for tests and slow links.
struct WaitOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Seconds between reads of the awaited tasks.", visibility: .hidden))
    var pollInterval: Double = 2
    @Option(name: .long, help: ArgumentHelp("Give up waiting after this long: 90s, 30m, 2h.", valueName: "duration"))
    var timeout: TimeSpan = TimeSpan(seconds: 30 * 60)

    var interval: Duration { .milliseconds(Int(max(0.05, pollInterval) * 1000)) }
    var deadline: Duration { .seconds(timeout.seconds) }
}
