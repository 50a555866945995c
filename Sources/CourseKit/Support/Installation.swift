import Foundation

/// Where coursekit's shipped data lives: `share/coursekit/` beside the installed executable
/// (`<prefix>/bin/coursekit` → `<prefix>/share/coursekit`), else `$COURSEKIT_SCHEMAS` (the
/// schemas folder, whose parent may hold `library/`), else the source checkout it was built from.
/// The installed tree wins so that a stale `COURSEKIT_SCHEMAS` in a shell profile cannot mix
/// one version's binary with another's schemas.
public enum Installation {
    /// The running executable, with symbolic links resolved (`/proc/self/exe` on Linux, which
    /// works however the program was started: through `PATH`, a relative path or a link).
    public static var executable: URL {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        #endif
        if let url = Bundle.main.executableURL { return url.resolvingSymlinksInPath() }
        return URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
    }

    /// `<prefix>/share/coursekit` for the running executable, whether or not it exists.
    public static var installedShare: URL {
        executable.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/coursekit").standardizedFileURL
    }

    /// The source checkout this library was compiled from.
    public static var checkout: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Candidate schema folders, in order.
    public static var schemaCandidates: [URL] {
        var candidates = [installedShare.appendingPathComponent("schemas")]
        if let override = ProcessInfo.processInfo.environment["COURSEKIT_SCHEMAS"], !override.isEmpty {
            candidates.append(URL(fileURLWithPath: override).standardizedFileURL)
        }
        candidates.append(checkout.appendingPathComponent("schemas"))
        return candidates
    }

    /// Candidate folders of the standard library (`builtin`), in the same order.
    public static var libraryCandidates: [URL] {
        var candidates = [installedShare.appendingPathComponent("library")]
        if let override = ProcessInfo.processInfo.environment["COURSEKIT_SCHEMAS"], !override.isEmpty {
            candidates.append(URL(fileURLWithPath: override).standardizedFileURL.deletingLastPathComponent().appendingPathComponent("library"))
        }
        candidates.append(checkout.appendingPathComponent("courses/library"))
        return candidates
    }

    /// The standard library shipped with this coursekit, when it can be found.
    public static var builtinLibrary: URL? {
        libraryCandidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent(LibraryManifest.fileName).path) }
    }
}
