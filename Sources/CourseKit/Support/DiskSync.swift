import Foundation

/// Waits until written files are on disk, so that an archive renamed into place after a power
/// cut or a crash of the machine is never empty or half written.
///
/// One `fsync(2)` per archive made a pack wait for the disk 600 times, each while a core stood
/// idle (about a tenth of a cold pack of 300 courses). So `pack` writes its archives without
/// waiting and, before the first rename, flushes the whole file system of the output folder
/// once with `syncfs(2)`; where that is unavailable or fails, each file is flushed on its own.
enum DiskSync {
    private typealias SyncFileSystem = @convention(c) (Int32) -> Int32

    /// glibc's `syncfs`, looked up at run time: Swift's Glibc module leaves GNU extensions out,
    /// and other systems have none (nil).
    private static let syncFileSystem: SyncFileSystem? = {
        #if os(Linux)
        guard let symbol = dlsym(nil, "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: SyncFileSystem.self)
        #else
        return nil
        #endif
    }()

    /// Flushes every file written on the file system that holds `folder`; false when that
    /// cannot be done (callers then flush each file).
    static func flushFileSystem(containing folder: URL) -> Bool {
        guard let syncFileSystem else { return false }
        let descriptor = open(folder.path, O_RDONLY | O_CLOEXEC | O_DIRECTORY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return syncFileSystem(descriptor) == 0
    }

    /// Flushes one file; false with `errno` set when it cannot be opened or flushed.
    static func flush(fileAt path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        let flushed = fsync(descriptor) == 0
        let error = errno
        close(descriptor)
        errno = error
        return flushed
    }
}
