import Foundation

/// Temporary folders for tests, all under one folder per test process
/// (`$TMPDIR/coursekit-tests-<pid>`) that is removed when the process exits; folders left by a
/// process that died are removed by the next run. Tests that can also remove their own folder
/// with `defer` do.
public enum TestTemporary {
    private static let prefix = "coursekit-tests-"

    /// The folder of this process, created (and its removal at exit registered) on first use.
    public static let root: URL = {
        let base = FileManager.default.temporaryDirectory
        removeStale(in: base)
        let root = base.appendingPathComponent("\(prefix)\(getpid())")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit {
            try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory.appendingPathComponent("coursekit-tests-\(getpid())"))
        }
        return root
    }()

    /// A fresh path (not created) for a folder or file named after `label`.
    public static func url(_ label: String) -> URL {
        root.appendingPathComponent("\(label)-\(UUID().uuidString)")
    }

    /// Removes the folders of test processes that no longer run.
    private static func removeStale(in base: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: base.appendingPathComponent(name))
            }
        }
    }
}
