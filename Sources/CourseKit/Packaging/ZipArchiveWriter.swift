import Crypto
import Foundation

/// Writes reproducible zip archives: the same entries always give the same bytes, whatever the
/// machine, time zone, locale or file modification times.
///
/// - Entries are sorted by path (UTF-8 byte order) and written without directory entries.
/// - Every file is a Unix regular file with mode 0644; no entry carries a time, an owner or any
///   extra field but Zip64's: the DOS date is the format's floor, 1980-01-01 00:00 (the
///   archive's own date belongs in its content, the ECAR `ts`). See `ZipRecords`.
/// - Names are stored as UTF-8 with the UTF-8 flag set.
/// - Already compressed media are stored, everything else deflated (`ZipCompression`) by
///   libdeflate at `deflateLevel` (6 by default; an ECAR uses `ECARPlan.deflateLevel`); an entry
///   deflating would not shrink is stored.
/// - Sizes, offsets and counts beyond the format's 32-bit fields are written as Zip64.
/// - Media files are streamed in 64 KiB chunks, never loaded whole (`ZipStream`).
///
/// `write(_:to:)` writes to a temporary file beside the destination and renames it into place
/// only when everything succeeded, so an interrupted or failed run leaves the previous archive
/// untouched and no stray file behind.
public struct ZipArchiveWriter: Sendable {
    /// The libdeflate level (1–12) of deflated entries.
    public var deflateLevel: Int
    /// The level of every archive but an ECAR's outer one: zlib's default level, which
    /// libdeflate reaches at the same size in about half the time.
    public static let defaultDeflateLevel = 6
    /// Names how this writer lays out and deflates archives, for cache keys: archives cached
    /// by a writer of another version are made again.
    static let formatVersion = "zip writer 2 (libdeflate)"

    /// Where Zip64 begins; tests lower it.
    var fieldLimits = ZipFieldLimits()
    /// The largest file read whole to be deflated (`ZipStream`); tests lower it.
    var wholeFileLimit: Int64 = 16 << 20

    public init(deflateLevel: Int = ZipArchiveWriter.defaultDeflateLevel) {
        self.deflateLevel = min(max(deflateLevel, DeflateCompressor.levels.lowerBound), DeflateCompressor.levels.upperBound)
    }

    /// Writes `entries` to `destination` atomically.
    public func write(_ entries: [ZipEntry], to destination: URL) throws(ArchiveError) {
        let temporary = try writeTemporary(entries, for: destination)
        defer { TemporaryFiles.unregister(temporary.path) }
        do throws(ArchiveError) {
            try Self.moveIntoPlace(temporary, destination)
        } catch {
            unlink(temporary.path)
            throw error
        }
    }

    /// Writes `entries` to a new temporary file beside `destination` (`.NAME.XXXXXXXX.tmp`,
    /// registered with `TemporaryFiles`, so a signal removes it) and returns it; the caller
    /// moves it into place (`moveIntoPlace`) or removes it, then unregisters it.
    func writeTemporary(_ entries: [ZipEntry], for destination: URL) throws(ArchiveError) -> URL {
        try writeTemporary(entries, for: destination, hashing: false).url
    }

    /// As `writeTemporary(_:for:)`; with `hashing`, also the archive's SHA-256 (hex) and size,
    /// taken from the bytes as they are written rather than by reading the file again. Without
    /// `flushed` the file is not waited for on disk: the caller flushes it (`DiskSync`) before
    /// it is moved into place.
    func writeTemporary(_ entries: [ZipEntry], for destination: URL, hashing: Bool, flushed: Bool = true)
        throws(ArchiveError) -> (url: URL, digest: String?, size: Int) {
        let ordered = try Self.checkedOrder(entries)
        let folder = destination.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(
            ".\(destination.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        // Registered before it exists, so a SIGINT/SIGTERM at any point removes it.
        TemporaryFiles.register(temporary.path)
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            TemporaryFiles.unregister(temporary.path)
            throw ArchiveError(.io, LocalizedText(
                en: "cannot create a file in \(folder.path): \(Self.systemError())",
                hi: "\(folder.path) में फ़ाइल नहीं बनाई जा सकी: \(Self.systemError())"))
        }
        var closed = false
        do throws(ArchiveError) {
            let sink = ZipSink(descriptor: descriptor, hashing: hashing)
            try stream(into: sink).write(ordered)
            guard !flushed || fsync(descriptor) == 0 else { throw sink.ioError(Self.systemError()) }
            closed = true
            guard close(descriptor) == 0 else { throw sink.ioError(Self.systemError()) }
            return (temporary, sink.hasher.map { SHA256Hex.hex($0.finalize()) }, sink.size)
        } catch {
            if !closed { close(descriptor) }
            unlink(temporary.path)
            TemporaryFiles.unregister(temporary.path)
            throw error
        }
    }

    private func stream(into sink: ZipSink) -> ZipStream {
        ZipStream(sink: sink, deflateLevel: deflateLevel, records: ZipRecords(limits: fieldLimits), wholeFileLimit: wholeFileLimit)
    }

    /// Renames a finished temporary archive to its destination.
    static func moveIntoPlace(_ temporary: URL, _ destination: URL) throws(ArchiveError) {
        guard rename(temporary.path, destination.path) == 0 else {
            throw ArchiveError(.io, LocalizedText(
                en: "cannot move the finished archive to \(destination.path): \(Self.systemError())",
                hi: "तैयार आर्काइव को \(destination.path) पर नहीं रखा जा सका: \(Self.systemError())"))
        }
    }

    /// Builds the archive in memory (for small archives such as a lesson's html-archive).
    public func archiveData(_ entries: [ZipEntry]) throws(ArchiveError) -> Data {
        let ordered = try Self.checkedOrder(entries)
        let sink = ZipSink(descriptor: nil)
        try stream(into: sink).write(ordered)
        return sink.data
    }

    /// Sorts the entries and refuses unsafe, duplicate or case-colliding names before anything
    /// is written.
    static func checkedOrder(_ entries: [ZipEntry]) throws(ArchiveError) -> [ZipEntry] {
        let ordered = entries.sorted { ArchiveEntryName.precedes($0.path, $1.path) }
        var names = ArchiveNameRegistry()
        for entry in ordered {
            if let problem = ArchiveEntryName.problem(with: entry.path) { throw problem }
            if entry.path.hasSuffix("/") {
                throw ArchiveError(.invalidName, entry: entry.path, LocalizedText(
                    en: "'\(entry.path)' names a folder; only files are written",
                    hi: "'\(entry.path)' एक फ़ोल्डर का नाम है; केवल फ़ाइलें लिखी जाती हैं"))
            }
            if let problem = names.register(entry.path, isDirectory: false) { throw problem }
        }
        return ordered
    }

    static func systemError() -> String {
        String(cString: strerror(errno))
    }
}

/// Where an archive's bytes go: a file descriptor, or memory.
final class ZipSink {
    let descriptor: Int32?
    var data = Data()
    /// The first write failure.
    var failure: String?
    /// Hashes what is written, when asked for.
    var hasher: SHA256?
    /// Bytes written so far.
    var size = 0

    init(descriptor: Int32?, hashing: Bool = false) {
        self.descriptor = descriptor
        self.hasher = hashing ? SHA256() : nil
    }

    func write(_ buffer: UnsafeRawBufferPointer) -> Bool {
        hasher?.update(bufferPointer: buffer)
        size += buffer.count
        guard let descriptor else {
            data.append(contentsOf: buffer)
            return true
        }
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                return false
            }
            offset += written
        }
        return true
    }

    func ioError(_ detail: String) -> ArchiveError {
        ArchiveError(.io, LocalizedText(
            en: "could not write the archive: \(detail)", hi: "आर्काइव लिखा नहीं जा सका: \(detail)"))
    }
}

/// A regular file opened for streaming into an archive.
final class FileSource {
    let descriptor: Int32
    let size: Int64
    let url: URL
    let entry: String

    init(url: URL, entry: String) throws(ArchiveError) {
        self.url = url
        self.entry = entry
        // Non-blocking, so a FIFO in place of a file is refused below instead of waiting for a writer.
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let detail = ZipArchiveWriter.systemError()
            throw ArchiveError(.io, entry: entry, LocalizedText(
                en: "cannot read \(url.path) for '\(entry)': \(detail)",
                hi: "'\(entry)' के लिए \(url.path) पढ़ी नहीं जा सकी: \(detail)"))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            Foundation.close(descriptor)
            throw ArchiveError(.io, entry: entry, LocalizedText(
                en: "\(url.path) is not a regular file", hi: "\(url.path) सामान्य फ़ाइल नहीं है"))
        }
        self.descriptor = descriptor
        self.size = Int64(info.st_size)
    }

    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(ArchiveError) -> Int {
        while true {
            let got = Foundation.read(descriptor, buffer, count)
            if got >= 0 { return got }
            if errno == EINTR { continue }
            let detail = ZipArchiveWriter.systemError()
            throw ArchiveError(.io, entry: entry, LocalizedText(
                en: "error reading \(url.path): \(detail)", hi: "\(url.path) पढ़ते समय त्रुटि: \(detail)"))
        }
    }

    /// The whole file, which must still have the size it had when opened.
    func readWhole() throws(ArchiveError) -> [UInt8] {
        let expected = Int(size)
        // One byte more than expected, to see a file that grew.
        var failure: ArchiveError?
        let contents = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
            count = 0
            while count <= expected {
                do throws(ArchiveError) {
                    let got = try read(into: buffer.baseAddress! + count, count: expected + 1 - count)
                    if got == 0 { break }
                    count += got
                } catch {
                    failure = error
                    return
                }
            }
        }
        if let failure { throw failure }
        guard contents.count == expected else { throw changedError() }
        return contents
    }

    /// Reads the file from its start in chunks of `buffer`'s size, hands each to `body` and
    /// returns the CRC-32 of what was read, which must be the size the file had when opened.
    func chunks(into buffer: UnsafeMutableRawBufferPointer,
                _ body: (UnsafeRawBufferPointer) throws(ArchiveError) -> Void) throws(ArchiveError) -> UInt32 {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else {
            let detail = ZipArchiveWriter.systemError()
            throw ArchiveError(.io, entry: entry, LocalizedText(
                en: "error reading \(url.path): \(detail)", hi: "\(url.path) पढ़ते समय त्रुटि: \(detail)"))
        }
        var total: Int64 = 0
        var crc: UInt32 = 0
        while true {
            let count = try read(into: buffer.baseAddress!, count: buffer.count)
            if count == 0 { break }
            total += Int64(count)
            guard total <= size else { throw changedError() }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0 ..< count])
            crc = DeflateCompressor.crc32(chunk, continuing: crc)
            try body(chunk)
        }
        guard total == size else { throw changedError() }
        return crc
    }

    func changedError() -> ArchiveError {
        ArchiveError(.io, entry: entry, LocalizedText(
            en: "\(url.path) changed size while it was being archived",
            hi: "आर्काइव बनाते समय \(url.path) का आकार बदल गया"))
    }

    func close() {
        Foundation.close(descriptor)
    }
}
