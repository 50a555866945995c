import CDeflate

/// One libdeflate compressor at a fixed level, for the entries of one archive, with
/// libdeflate's CRC-32. libdeflate deflates a whole buffer at once (no streaming), which is why
/// `ZipStream` hands it entries held in memory only. Not shared between threads.
final class DeflateCompressor {
    private let handle: OpaquePointer
    /// The libdeflate level, 1 (fastest) to 12 (smallest).
    let level: Int
    static let levels = 1...12

    /// nil when libdeflate cannot allocate its tables.
    init?(level: Int) {
        let level = min(max(level, Self.levels.lowerBound), Self.levels.upperBound)
        guard let handle = libdeflate_alloc_compressor(Int32(level)) else { return nil }
        self.handle = handle
        self.level = level
    }

    deinit {
        libdeflate_free_compressor(handle)
    }

    /// The raw deflate stream of `input`, or nil when it would not be smaller than the input
    /// (the entry is then stored: deflating random or tiny data only makes it bigger).
    func compress(_ input: UnsafeRawBufferPointer) -> [UInt8]? {
        guard input.count > 1, let base = input.baseAddress else { return nil }
        let capacity = input.count - 1
        let output = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = libdeflate_deflate_compress(handle, base, input.count, buffer.baseAddress, capacity)
        }
        return output.isEmpty ? nil : output
    }

    /// The CRC-32 (as zip stores it) of `input`, continuing from `crc` (0 to start).
    static func crc32(_ input: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        guard let base = input.baseAddress, !input.isEmpty else { return crc }
        return libdeflate_crc32(crc, base, input.count)
    }
}
