import Dispatch
import Foundation

/// Temporary files and folders coursekit is writing (`.X.ecar.XXXXXXXX.tmp`, preview staging
/// folders). They are removed when their owner finishes; `installSignalHandlers()` (called by
/// the command-line tool) makes SIGINT, SIGTERM and SIGHUP remove them too before exiting with
/// 128 + the signal number (130 for Ctrl-C, 143 for SIGTERM). SIGKILL cannot be caught: the
/// names start with `.` and end in `.tmp`, and the next `pack` into the folder removes stale
/// ones (`removeStale(in:)`).
public enum TemporaryFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: Set<String> = []
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    nonisolated(unsafe) private static var terminationActions: [@Sendable () -> Void] = []
    private static let queue = DispatchQueue(label: "coursekit.signals")

    /// Set once a signal arrived: no temporary file may be started after the clean-up.
    nonisolated(unsafe) private static var terminating = false

    public static func register(_ path: String) {
        lock.lock()
        if terminating {
            // The process is exiting; this thread must not create a file the clean-up missed.
            lock.unlock()
            while true { pause() }
        }
        paths.insert(path)
        lock.unlock()
    }

    public static func unregister(_ path: String) {
        lock.lock()
        paths.remove(path)
        lock.unlock()
    }

    /// The paths registered now (for tests).
    public static var registered: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return paths
    }

    /// Removes every registered file or folder. Called on a signal and safe to call at any time.
    public static func removeAll() {
        removeAll { _ in true }
    }

    /// Removes the registered files and folders `chosen` picks (tests pick their own: `pack`
    /// keeps staged archives registered for the whole run).
    public static func removeAll(where chosen: (String) -> Bool) {
        lock.lock()
        let current = paths.filter(chosen)
        paths.subtract(current)
        lock.unlock()
        for path in current { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Runs `action` when a signal ends the process, before the temporary files are removed
    /// (the live preview closes its socket and says it stopped).
    public static func onTermination(_ action: @escaping @Sendable () -> Void) {
        lock.lock()
        terminationActions.append(action)
        lock.unlock()
    }

    /// Installs handlers for SIGINT, SIGTERM and SIGHUP (once per process).
    public static func installSignalHandlers() {
        lock.lock()
        defer { lock.unlock() }
        guard sources.isEmpty else { return }
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                lock.lock()
                terminating = true
                let actions = terminationActions
                lock.unlock()
                for action in actions { action() }
                removeAll()
                exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Removes `.<name>.<8 characters>.tmp` files left in `folder` by a killed run (SIGKILL)
    /// more than a minute ago, so they never accumulate.
    public static func removeStale(in folder: URL, olderThan age: TimeInterval = 60) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        let now = Date()
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") && name.contains(".ecar.") {
            let path = folder.appendingPathComponent(name).path
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  (attributes[.type] as? FileAttributeType) == .typeRegular,
                  let modified = attributes[.modificationDate] as? Date, now.timeIntervalSince(modified) > age
            else { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
