import Foundation

/// The date an archive records (the ECAR `ts`), chosen so that the same sources always give
/// the same archive: `SOURCE_DATE_EPOCH` when set (the reproducible-builds convention), else
/// the time of the last git commit touching the sources, else 1980-01-01T00:00:00Z. Never the
/// current time.
public enum ArchiveTimestamp {
    /// 1980-01-01T00:00:00Z, the earliest date a zip header can hold.
    public static let fallback = Date(timeIntervalSince1970: 315_532_800)

    /// `SOURCE_DATE_EPOCH` (whole seconds since 1970), when set and valid.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Date? {
        guard let text = environment["SOURCE_DATE_EPOCH"]?.trimmingCharacters(in: .whitespaces),
              let seconds = Int64(text), seconds >= 0
        else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// The committer date of the newest commit touching any of `paths` (absolute or relative
    /// to `repository`), when `repository` is a git checkout and git is installed.
    public static func fromGit(repository: URL, paths: [String]) -> Date? {
        guard let git = gitExecutable,
              let data = runGit(git, ["-C", repository.path, "log", "-1", "--format=%ct", "--"] + paths, limit: 1 << 16),
              let seconds = Int64(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Runs git and returns its output, or nil when it fails or writes more than `limit` bytes.
    static func runGit(_ git: String, _ arguments: [String], limit: Int) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        var data = Data()
        let handle = output.fileHandleForReading
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            data.append(chunk)
            if data.count > limit {
                process.terminate()
                _ = try? handle.readToEnd()
                process.waitUntilExit()
                return nil
            }
        }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }

    /// The installed git, if any.
    static var gitExecutable: String? {
        ["/usr/bin/git", "/usr/local/bin/git", "/bin/git"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `SOURCE_DATE_EPOCH`, else git, else the fallback (one git call; a pack run uses
    /// `ArchiveDates`, which reads the whole history once).
    public static func resolve(repository: URL, paths: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        fromEnvironment(environment) ?? fromGit(repository: repository, paths: paths) ?? fallback
    }

    /// `2026-01-15T10:30:00Z`, in UTC whatever the time zone.
    public static func iso8601(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { let text = String(value ?? 0); return text.count < 2 ? "0" + text : text }
        return "\(parts.year ?? 1980)-\(two(parts.month))-\(two(parts.day))T\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))Z"
    }
}
