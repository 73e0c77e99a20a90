import Dispatch
import Glibc

/// Stopping on SIGINT/SIGTERM, for the CLI.
extension HTTPServer {
    /// From now on SIGINT and SIGTERM (or the given signals) stop the server
    /// gracefully instead of killing the process. The default disposition of
    /// those signals is replaced for the whole process; call after `start()`.
    public func stopOnSignals(_ signals: [Int32] = [SIGINT, SIGTERM]) {
        let queue = DispatchQueue(label: "docsearch-http-signals")
        var sources: [DispatchSourceSignal] = []
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in
                guard let self else { return }
                DispatchQueue.global().async { self.stop() }
            }
            source.resume()
            sources.append(source)
        }
        lock.lock()
        signalSources.append(contentsOf: sources)
        lock.unlock()
    }

    /// Starts the server and blocks until SIGINT or SIGTERM has stopped it
    /// gracefully (or `stop()` was called from another thread).
    public func run(stoppingOn signals: [Int32] = [SIGINT, SIGTERM]) throws {
        try start()
        stopOnSignals(signals)
        waitUntilStopped()
    }
}
