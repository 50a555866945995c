import CArchive
import Crypto
import Foundation

/// Writes reproducible zip archives through libarchive: the same entries always give the same
/// bytes, whatever the machine, time zone, locale or file modification times.
///
/// - Entries are sorted by path (UTF-8 byte order) and written without directory entries.
/// - Every file has mode 0644, uid and gid 0, no user or group names.
/// - No entry carries a time. libarchive 3.6 always adds an extended-timestamp ("UT") and a
///   Unix uid/gid ("ux") extra field and converts the modification time to the DOS date through
///   `localtime(3)`, which would make the bytes depend on the time zone; no format option turns
///   this off. So the modification time is left unset: the UT field then holds only its flags
///   byte, ux holds uid/gid 0, and the DOS date is the format's floor, 1980-01-01 00:00, in
///   every time zone. The archive's own date belongs in its content (the ECAR `ts`).
/// - Names are stored as UTF-8 with the UTF-8 flag set (`hdrcharset=UTF-8`).
/// - Already compressed media are stored, everything else deflated (`ZipCompression`) at
///   `deflateLevel` (zlib's default 6; an ECAR uses `ECARPlan.deflateLevel`).
/// - File contents are streamed in 64 KiB chunks, never loaded whole.
///
/// `write(_:to:)` writes to a temporary file beside the destination and renames it into place
/// only when everything succeeded, so an interrupted or failed run leaves the previous archive
/// untouched and no stray file behind.
public struct ZipArchiveWriter: Sendable {
    /// The zlib level (1–9) of deflated entries; libarchive sets it once per archive.
    public var deflateLevel: Int
    /// zlib's own default, used for every archive but an ECAR's outer one.
    public static let defaultDeflateLevel = 6

    public init(deflateLevel: Int = ZipArchiveWriter.defaultDeflateLevel) {
        self.deflateLevel = min(max(deflateLevel, 1), 9)
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
    /// taken from the bytes as they are written rather than by reading the file again.
    func writeTemporary(_ entries: [ZipEntry], for destination: URL, hashing: Bool)
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
            try ZipStream(sink: sink, deflateLevel: deflateLevel).write(ordered)
            guard fsync(descriptor) == 0 else { throw sink.ioError(Self.systemError()) }
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
        try ZipStream(sink: sink, deflateLevel: deflateLevel).write(ordered)
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

/// Where libarchive's output goes: a file descriptor, or memory.
final class ZipSink {
    let descriptor: Int32?
    var data = Data()
    /// The first write failure, reported instead of libarchive's generic message.
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

/// One libarchive zip writer over a sink.
struct ZipStream {
    let sink: ZipSink
    var deflateLevel = 6
    static let chunkSize = 64 * 1024
    static let regularFileType: UInt32 = 0o100000

    func write(_ entries: [ZipEntry]) throws(ArchiveError) {
        try UTF8Locale.run { () throws(ArchiveError) in try writeAll(entries) }
    }

    private func writeAll(_ entries: [ZipEntry]) throws(ArchiveError) {
        guard let archive = archive_write_new() else {
            throw sink.ioError("libarchive could not allocate a writer")
        }
        defer { archive_write_free(archive) }
        func failure(_ entry: String? = nil) -> ArchiveError {
            let detail = sink.failure ?? archive_error_string(archive).map { String(cString: $0) } ?? "unknown libarchive error"
            if let entry {
                return ArchiveError(.io, entry: entry, LocalizedText(
                    en: "could not add '\(entry)' to the archive: \(detail)",
                    hi: "'\(entry)' को आर्काइव में जोड़ा नहीं जा सका: \(detail)"))
            }
            return sink.ioError(detail)
        }
        guard archive_write_set_format_zip(archive) == ARCHIVE_OK,
              archive_write_set_options(archive, "zip:hdrcharset=UTF-8") == ARCHIVE_OK,
              archive_write_set_format_option(archive, "zip", "compression-level", String(deflateLevel)) == ARCHIVE_OK,
              archive_write_set_bytes_per_block(archive, 0) == ARCHIVE_OK
        else { throw failure() }
        let context = Unmanaged.passUnretained(sink).toOpaque()
        let opened = archive_write_open2(archive, context, nil, { _, context, buffer, length in
            let sink = Unmanaged<ZipSink>.fromOpaque(context!).takeUnretainedValue()
            guard let buffer else { return 0 }
            return sink.write(UnsafeRawBufferPointer(start: buffer, count: length)) ? length : -1
        }, nil, nil)
        guard opened == ARCHIVE_OK else { throw failure() }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        for entry in entries {
            try writeEntry(entry, archive: archive, buffer: buffer, failure: failure)
        }
        guard archive_write_close(archive) == ARCHIVE_OK else { throw failure() }
    }

    private func writeEntry(
        _ entry: ZipEntry, archive: OpaquePointer, buffer: UnsafeMutableRawPointer,
        failure: (String?) -> ArchiveError
    ) throws(ArchiveError) {
        var source: FileSource?
        defer { source?.close() }
        let size: Int64
        switch entry.content {
        case .data(let data): size = Int64(data.count)
        case .file(let url):
            let opened = try FileSource(url: url, entry: entry.path)
            source = opened
            size = opened.size
        }
        guard let header = archive_entry_new() else { throw failure(entry.path) }
        defer { archive_entry_free(header) }
        archive_entry_set_pathname_utf8(header, entry.path)
        archive_entry_set_filetype(header, Self.regularFileType)
        archive_entry_set_perm(header, 0o644)
        archive_entry_set_uid(header, 0)
        archive_entry_set_gid(header, 0)
        archive_entry_set_size(header, size)
        let selected = entry.compression == .stored
            ? archive_write_zip_set_compression_store(archive) : archive_write_zip_set_compression_deflate(archive)
        guard selected == ARCHIVE_OK, archive_write_header(archive, header) == ARCHIVE_OK else { throw failure(entry.path) }
        switch entry.content {
        case .data(let data):
            var offset = 0
            while offset < data.count {
                let end = min(offset + Self.chunkSize, data.count)
                let written = data[data.startIndex + offset ..< data.startIndex + end].withUnsafeBytes { bytes in
                    archive_write_data(archive, bytes.baseAddress, bytes.count)
                }
                guard written >= 0 else { throw failure(entry.path) }
                offset = end
            }
        case .file:
            guard let source else { break }
            var total: Int64 = 0
            while true {
                let count = try source.read(into: buffer, count: Self.chunkSize)
                if count == 0 { break }
                total += Int64(count)
                guard total <= size else { throw source.changedError() }
                guard archive_write_data(archive, buffer, count) >= 0 else { throw failure(entry.path) }
            }
            guard total == size else { throw source.changedError() }
        }
        guard archive_write_finish_entry(archive) == ARCHIVE_OK else { throw failure(entry.path) }
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
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
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

    func changedError() -> ArchiveError {
        ArchiveError(.io, entry: entry, LocalizedText(
            en: "\(url.path) changed size while it was being archived",
            hi: "आर्काइव बनाते समय \(url.path) का आकार बदल गया"))
    }

    func close() {
        Foundation.close(descriptor)
    }
}
