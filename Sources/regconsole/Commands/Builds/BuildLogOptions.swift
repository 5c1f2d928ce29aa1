import ArgumentParser

/// How often a followed build log is read: hidden, for tests and slow links.
struct BuildLogOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Seconds between reads of a running build's log.", visibility: .hidden))
    var pollInterval: Double = 2

    var interval: Duration { .milliseconds(Int(max(0.05, pollInterval) * 1000)) }
}
