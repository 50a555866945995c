import CArchive
import Foundation

/// Reads a zip archive through libarchive without extracting anything to disk: entries one by
/// one, each entry's data on demand, streamed or collected up to a size cap.
///
/// It refuses unsafe archives with an `ArchiveError` as soon as it meets the problem: absolute
/// paths, `..` components, links, devices, FIFOs, encrypted entries, duplicate names, names
/// differing only by case, names that are not valid UTF-8, too many entries, and zip bombs —
/// entries whose declared or actual size exceeds the limits, whose expansion ratio is too high,
/// or that together expand beyond the total limit. Actual bytes are counted while reading; the
/// headers are not trusted alone.
///
/// The central directory is what libarchive's seekable zip reader (and most extractors, Java's
/// `ZipFile` among them) follows. A reader is used from one thread at a time.
public final class ArchiveReader {
    /// What kind of entry it is; everything else is refused.
    public enum EntryType: String, Sendable, Hashable {
        case file
        case directory
    }

    /// One entry, as declared in the archive.
    public struct Entry: Sendable, Hashable {
        /// The name, without a trailing `/` for directories.
        public var name: String
        public var type: EntryType
        /// The uncompressed size the archive declares, when it declares one.
        public var declaredSize: Int64?
    }

    public let limits: ArchiveLimits
    /// The name shown in messages (the archive's path).
    public let displayName: String

    private let archive: OpaquePointer
    private var memory: UnsafeMutableRawBufferPointer?
    private let archiveSize: Int64
    private var names = ArchiveNameRegistry()
    private var entryCount = 0
    private var totalBytes: Int64 = 0
    private var dataStart: Int64 = 0
    private var dataFinished = false
    private var failed: ArchiveError?

    /// The entry whose data can be read now.
    public private(set) var current: Entry?
    /// Uncompressed bytes of the current entry read so far.
    public private(set) var bytesRead: Int64 = 0
    /// Compressed bytes of the current entry consumed so far.
    public private(set) var compressedBytesRead: Int64 = 0

    /// Opens the zip file at `url`; `displayName` names it in messages (default: its path).
    public init(contentsOf url: URL, displayName: String? = nil, limits: ArchiveLimits = ArchiveLimits()) throws(ArchiveError) {
        let previousLocale = UTF8Locale.enter()
        defer { UTF8Locale.leave(previousLocale) }
        self.limits = limits
        self.displayName = displayName ?? url.path
        var info = stat()
        guard stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw ArchiveError(.io, LocalizedText(
                en: "\(self.displayName) does not exist or is not a regular file",
                hi: "\(self.displayName) मौजूद नहीं है या सामान्य फ़ाइल नहीं है"))
        }
        archiveSize = Int64(info.st_size)
        archive = try Self.newReader(displayName: url.path)
        // Once every property is set, a throwing init runs deinit, which frees the reader.
        guard archive_read_open_filename(archive, url.path, 64 * 1024) == ARCHIVE_OK else {
            throw Self.openError(archive, displayName: self.displayName)
        }
    }

    /// Opens a zip held in memory (an inner archive); the bytes are copied.
    public init(data: Data, displayName: String, limits: ArchiveLimits = ArchiveLimits()) throws(ArchiveError) {
        let previousLocale = UTF8Locale.enter()
        defer { UTF8Locale.leave(previousLocale) }
        self.limits = limits
        self.displayName = displayName
        archiveSize = Int64(data.count)
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(data.count, 1), alignment: 16)
        data.copyBytes(to: copy)
        memory = copy
        do throws(ArchiveError) {
            archive = try Self.newReader(displayName: displayName)
        } catch {
            copy.deallocate()
            throw error
        }
        guard archive_read_open_memory(archive, copy.baseAddress, data.count) == ARCHIVE_OK else {
            throw Self.openError(archive, displayName: displayName)
        }
    }

    deinit {
        archive_read_free(archive)
        memory?.deallocate()
    }

    private static func newReader(displayName: String) throws(ArchiveError) -> OpaquePointer {
        guard let archive = archive_read_new() else {
            throw ArchiveError(.io, LocalizedText(
                en: "libarchive could not allocate a reader", hi: "libarchive रीडर नहीं बना सका"))
        }
        archive_read_support_format_zip_seekable(archive)
        return archive
    }

    private static func openError(_ archive: OpaquePointer, displayName: String) -> ArchiveError {
        let detail = archive_error_string(archive).map { String(cString: $0) } ?? "unknown error"
        return ArchiveError(.format, LocalizedText(
            en: "\(displayName) cannot be opened as a zip archive: \(detail)",
            hi: "\(displayName) को zip आर्काइव के रूप में खोला नहीं जा सका: \(detail)"))
    }

    private func libarchiveError(entry: String?) -> ArchiveError {
        let detail = archive_error_string(archive).map { String(cString: $0) } ?? "unknown error"
        return ArchiveError(.format, entry: entry, LocalizedText(
            en: "\(displayName) is damaged: \(detail)", hi: "\(displayName) क्षतिग्रस्त है: \(detail)"))
    }

    /// Moves to the next entry; nil at the end. Throws when the entry is unsafe; after an
    /// error the reader stays failed.
    public func nextEntry() throws(ArchiveError) -> Entry? {
        if let failed { throw failed }
        do throws(ArchiveError) {
            return try UTF8Locale.run { () throws(ArchiveError) in try advance() }
        } catch {
            failed = error
            throw error
        }
    }

    private func advance() throws(ArchiveError) -> Entry? {
        current = nil
        var header: OpaquePointer?
        let status = archive_read_next_header(archive, &header)
        if status == ARCHIVE_EOF { return nil }
        // ARCHIVE_WARN: typically a name that the C locale cannot represent; the UTF-8 name is read below.
        guard status == ARCHIVE_OK || status == ARCHIVE_WARN, let header else { throw libarchiveError(entry: nil) }
        entryCount += 1
        if entryCount > limits.maximumEntries {
            throw ArchiveError(.tooManyEntries, LocalizedText(
                en: "\(displayName) has more than \(limits.maximumEntries) entries",
                hi: "\(displayName) में \(limits.maximumEntries) से अधिक प्रविष्टियाँ हैं"))
        }
        let name = try Self.name(of: header)
        if let problem = ArchiveEntryName.problem(with: name) { throw problem }
        let fileType = UInt32(archive_entry_filetype(header))
        if archive_entry_hardlink(header) != nil || archive_entry_symlink(header) != nil || fileType == 0o120000 {
            throw ArchiveError(.link, entry: name, LocalizedText(
                en: "entry '\(name)' is a link; links can point outside the extraction folder",
                hi: "प्रविष्टि '\(name)' एक लिंक है; लिंक निकालने वाले फ़ोल्डर से बाहर इंगित कर सकते हैं"))
        }
        let type: EntryType
        switch fileType {
        case 0o100000: type = .file
        case 0o040000: type = .directory
        default:
            throw ArchiveError(.specialFile, entry: name, LocalizedText(
                en: "entry '\(name)' is a device, FIFO or socket, not a file",
                hi: "प्रविष्टि '\(name)' डिवाइस, FIFO या सॉकेट है, फ़ाइल नहीं"))
        }
        if archive_entry_is_encrypted(header) != 0 {
            throw ArchiveError(.encrypted, entry: name, LocalizedText(
                en: "entry '\(name)' is encrypted and cannot be checked",
                hi: "प्रविष्टि '\(name)' एन्क्रिप्टेड है और जाँची नहीं जा सकती"))
        }
        if let problem = names.register(name, isDirectory: type == .directory) { throw problem }
        let declared: Int64? = archive_entry_size_is_set(header) != 0 ? archive_entry_size(header) : nil
        if let declared, declared > limits.maximumEntrySize {
            throw entryTooLarge(name, size: declared)
        }
        let bare = name.hasSuffix("/") ? String(name.dropLast()) : name
        let entry = Entry(name: bare, type: type, declaredSize: declared)
        current = entry
        bytesRead = 0
        compressedBytesRead = 0
        dataStart = archive_filter_bytes(archive, -1)
        dataFinished = false
        return entry
    }

    /// The entry's name as UTF-8, refusing names that are not valid UTF-8.
    private static func name(of header: OpaquePointer) throws(ArchiveError) -> String {
        if let utf8 = archive_entry_pathname_utf8(header), let name = String(validatingCString: utf8) {
            return name
        }
        guard let raw = archive_entry_pathname(header) else {
            throw ArchiveError(.invalidName, LocalizedText(en: "an entry has no name", hi: "एक प्रविष्टि का कोई नाम नहीं है"))
        }
        if let name = String(validatingCString: raw) { return name }
        let shown = String(decoding: Data(bytes: raw, count: strlen(raw)), as: UTF8.self)
        throw ArchiveError(.invalidName, entry: shown, LocalizedText(
            en: "entry name '\(shown)' is not valid UTF-8", hi: "प्रविष्टि का नाम '\(shown)' मान्य UTF-8 नहीं है"))
    }

    private func entryTooLarge(_ name: String, size: Int64) -> ArchiveError {
        ArchiveError(.entryTooLarge, entry: name, LocalizedText(
            en: "entry '\(name)' expands to \(size) bytes or more, over the \(limits.maximumEntrySize)-byte limit",
            hi: "प्रविष्टि '\(name)' \(size) या अधिक बाइट में फैलती है, जो \(limits.maximumEntrySize) बाइट की सीमा से अधिक है"))
    }

    /// Streams the rest of the current entry's data to `body` in chunks, enforcing the limits.
    public func readChunks(_ body: (UnsafeRawBufferPointer) -> Void) throws(ArchiveError) {
        try UTF8Locale.run { () throws(ArchiveError) in try streamChunks(body) }
    }

    private func streamChunks(_ body: (UnsafeRawBufferPointer) -> Void) throws(ArchiveError) {
        if let failed { throw failed }
        guard let entry = current, !dataFinished else { return }
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        do throws(ArchiveError) {
            while true {
                let count = archive_read_data(archive, buffer, size)
                if count == 0 { break }
                guard count > 0 else { throw libarchiveError(entry: entry.name) }
                try account(Int64(count), entry: entry.name)
                body(UnsafeRawBufferPointer(start: buffer, count: count))
            }
            dataFinished = true
        } catch {
            failed = error
            throw error
        }
    }

    /// Reads the rest of the current entry into memory; refuses (without reading on) when it
    /// holds more than `maximumSize` bytes.
    public func readData(maximumSize: Int) throws(ArchiveError) -> Data {
        try UTF8Locale.run { () throws(ArchiveError) in try collectData(maximumSize: maximumSize) }
    }

    private func collectData(maximumSize: Int) throws(ArchiveError) -> Data {
        if let failed { throw failed }
        guard let entry = current else { return Data() }
        if let declared = entry.declaredSize, declared > Int64(maximumSize) {
            throw entryTooLarge(entry.name, size: declared)
        }
        var data = Data()
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        do throws(ArchiveError) {
            while !dataFinished {
                let count = archive_read_data(archive, buffer, size)
                if count == 0 { dataFinished = true; break }
                guard count > 0 else { throw libarchiveError(entry: entry.name) }
                try account(Int64(count), entry: entry.name)
                guard data.count + count <= maximumSize else { throw entryTooLarge(entry.name, size: Int64(data.count + count)) }
                data.append(buffer.assumingMemoryBound(to: UInt8.self), count: count)
            }
        } catch {
            failed = error
            throw error
        }
        return data
    }

    /// Counts bytes produced and consumed and applies every limit.
    private func account(_ count: Int64, entry: String) throws(ArchiveError) {
        bytesRead += count
        totalBytes += count
        compressedBytesRead = max(archive_filter_bytes(archive, -1) - dataStart, 0)
        if bytesRead > limits.maximumEntrySize { throw entryTooLarge(entry, size: bytesRead) }
        if totalBytes > limits.maximumTotalSize {
            throw ArchiveError(.totalTooLarge, entry: entry, LocalizedText(
                en: "\(displayName) expands to more than \(limits.maximumTotalSize) bytes in total",
                hi: "\(displayName) कुल मिलाकर \(limits.maximumTotalSize) बाइट से अधिक में फैलता है"))
        }
        let ratio = limits.maximumCompressionRatio
        if bytesRead > limits.ratioThreshold, Double(bytesRead) > ratio * Double(max(compressedBytesRead, 1)) {
            throw ArchiveError(.compressionRatio, entry: entry, LocalizedText(
                en: "entry '\(entry)' expands more than \(Int(ratio)) times (\(bytesRead) bytes from \(compressedBytesRead)): a zip bomb",
                hi: "प्रविष्टि '\(entry)' \(Int(ratio)) गुना से अधिक फैलती है (\(compressedBytesRead) से \(bytesRead) बाइट): यह zip बम है"))
        }
        if totalBytes > limits.ratioThreshold, Double(totalBytes) > ratio * Double(max(archiveSize, 1)) {
            throw ArchiveError(.compressionRatio, entry: entry, LocalizedText(
                en: "\(displayName) expands more than \(Int(ratio)) times its size (\(totalBytes) bytes from \(archiveSize)): a zip bomb",
                hi: "\(displayName) अपने आकार से \(Int(ratio)) गुना से अधिक फैलता है (\(archiveSize) से \(totalBytes) बाइट): यह zip बम है"))
        }
    }
}
