import Foundation

/// Writes entries, already checked and ordered by `ZipArchiveWriter`, as one zip archive into a
/// sink: each entry's local header and bytes, then the central directory (`ZipRecords`).
///
/// Every entry's CRC and sizes are known before its header is written, so no entry has a data
/// descriptor (some readers refuse stored entries with one). How the bytes are obtained:
/// - Bytes in memory are deflated whole by libdeflate (`DeflateCompressor`), or stored when the
///   entry is stored or deflating would not make it smaller.
/// - A file to deflate of at most `wholeFileLimit` bytes is read whole and treated the same way.
/// - Any other file (media, which are stored, or a larger file) is read twice in 64 KiB
///   chunks and stored: once for its CRC, once to copy it. If it changed in between (size or
///   CRC), the archive fails instead of recording a wrong CRC. So memory stays bounded
///   whatever the files' sizes.
struct ZipStream {
    let sink: ZipSink
    /// libdeflate level, 1–12.
    var deflateLevel = 6
    var records = ZipRecords()
    /// The largest file read whole to be deflated; larger ones are stored.
    var wholeFileLimit: Int64
    static let chunkSize = 64 * 1024

    func write(_ entries: [ZipEntry]) throws(ArchiveError) {
        guard let compressor = DeflateCompressor(level: deflateLevel) else {
            throw sink.ioError("libdeflate could not allocate a compressor")
        }
        let output = ZipOutput(sink: sink)
        var written: [ZipRecord] = []
        written.reserveCapacity(entries.count)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        for entry in entries {
            written.append(try writeEntry(entry, compressor: compressor, buffer: buffer, to: output))
        }
        let directoryOffset = output.offset
        for record in written {
            try output.append(records.centralHeader(record), entry: nil)
        }
        let directorySize = output.offset - directoryOffset
        try output.append(records.end(count: written.count, directorySize: directorySize, directoryOffset: directoryOffset), entry: nil)
        try output.flush(entry: nil)
    }

    private func writeEntry(_ entry: ZipEntry, compressor: DeflateCompressor, buffer: UnsafeMutableRawBufferPointer,
                            to output: ZipOutput) throws(ArchiveError) -> ZipRecord {
        let name = Array(entry.path.utf8)
        switch entry.content {
        case .data(let data):
            return try withBytes(of: data) { bytes throws(ArchiveError) in
                try writeWhole(bytes, name: name, compression: entry.compression, compressor: compressor, entry: entry.path, to: output)
            }
        case .file(let url):
            let source = try FileSource(url: url, entry: entry.path)
            defer { source.close() }
            if entry.compression == .deflated, source.size <= wholeFileLimit {
                let contents = try source.readWhole()
                return try withBytes(of: contents) { bytes throws(ArchiveError) in
                    try writeWhole(bytes, name: name, compression: .deflated, compressor: compressor, entry: entry.path, to: output)
                }
            }
            return try copyStored(source, name: name, buffer: buffer, to: output)
        }
    }

    /// `body` over the raw bytes of `contents`, keeping the error's type (`withUnsafeBytes`
    /// rethrows it untyped).
    private func withBytes<Contents: ContiguousBytes>(
        of contents: Contents, _ body: (UnsafeRawBufferPointer) throws(ArchiveError) -> ZipRecord
    ) throws(ArchiveError) -> ZipRecord {
        let outcome = contents.withUnsafeBytes { bytes in Result { () throws(ArchiveError) in try body(bytes) } }
        return try outcome.get()
    }

    /// Writes an entry whose bytes are all in memory.
    private func writeWhole(_ bytes: UnsafeRawBufferPointer, name: [UInt8], compression: ZipCompression,
                            compressor: DeflateCompressor, entry: String, to output: ZipOutput) throws(ArchiveError) -> ZipRecord {
        let deflated = compression == .deflated ? compressor.compress(bytes) : nil
        let record = ZipRecord(
            name: name, compression: deflated == nil ? .stored : .deflated, crc: DeflateCompressor.crc32(bytes),
            compressedSize: UInt64(deflated?.count ?? bytes.count), size: UInt64(bytes.count), offset: output.offset)
        try output.append(records.localHeader(record), entry: entry)
        if let deflated {
            try output.append(deflated, entry: entry)
        } else {
            try output.append(bytes, entry: entry)
        }
        return record
    }

    /// Writes a file stored, in chunks: a first pass takes its CRC, the second copies it.
    private func copyStored(_ source: FileSource, name: [UInt8], buffer: UnsafeMutableRawBufferPointer,
                            to output: ZipOutput) throws(ArchiveError) -> ZipRecord {
        let crc = try source.chunks(into: buffer) { _ throws(ArchiveError) in }
        let record = ZipRecord(name: name, compression: .stored, crc: crc, compressedSize: UInt64(source.size),
                               size: UInt64(source.size), offset: output.offset)
        try output.append(records.localHeader(record), entry: source.entry)
        let copied = try source.chunks(into: buffer) { chunk throws(ArchiveError) in try output.append(chunk, entry: source.entry) }
        guard copied == crc else { throw source.changedError() }
        return record
    }
}

/// The archive's bytes on their way to the sink: small records and entries are gathered into
/// one buffer, so that an archive of many small entries costs few writes.
final class ZipOutput {
    let sink: ZipSink
    private var pending: [UInt8] = []
    /// Bytes written so far, including those still pending.
    private(set) var offset: UInt64 = 0
    static let bufferSize = 256 * 1024

    init(sink: ZipSink) {
        self.sink = sink
        pending.reserveCapacity(Self.bufferSize)
    }

    func append(_ bytes: [UInt8], entry: String?) throws(ArchiveError) {
        let outcome = bytes.withUnsafeBytes { raw in Result { () throws(ArchiveError) in try append(raw, entry: entry) } }
        try outcome.get()
    }

    func append(_ bytes: UnsafeRawBufferPointer, entry: String?) throws(ArchiveError) {
        offset += UInt64(bytes.count)
        if pending.count + bytes.count <= Self.bufferSize {
            pending.append(contentsOf: bytes)
            return
        }
        try flush(entry: entry)
        guard bytes.count >= Self.bufferSize else {
            pending.append(contentsOf: bytes)
            return
        }
        guard sink.write(bytes) else { throw failure(entry) }
    }

    func flush(entry: String?) throws(ArchiveError) {
        guard !pending.isEmpty else { return }
        let written = pending.withUnsafeBytes { sink.write($0) }
        pending.removeAll(keepingCapacity: true)
        guard written else { throw failure(entry) }
    }

    private func failure(_ entry: String?) -> ArchiveError {
        let detail = sink.failure ?? "write failed"
        guard let entry else { return sink.ioError(detail) }
        return ArchiveError(.io, entry: entry, LocalizedText(
            en: "could not add '\(entry)' to the archive: \(detail)",
            hi: "'\(entry)' को आर्काइव में जोड़ा नहीं जा सका: \(detail)"))
    }
}
