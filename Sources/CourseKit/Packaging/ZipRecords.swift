/// One entry as the zip format records it, once its bytes are known: what its local header
/// and its central-directory header say.
struct ZipRecord {
    /// The entry's path, UTF-8.
    var name: [UInt8]
    var compression: ZipCompression
    var crc: UInt32
    var compressedSize: UInt64
    var size: UInt64
    /// Where its local header starts in the archive.
    var offset: UInt64
}

/// Where the zip format's 32-bit size and offset fields and 16-bit entry counts run out, so
/// that a Zip64 extension is written instead. Tests lower them to exercise Zip64 on small
/// archives; real archives use the format's own limits.
struct ZipFieldLimits {
    /// A size or offset at or above this is written as Zip64.
    var sizeOrOffset: UInt64 = 0xFFFF_FFFF
    /// An entry count at or above this is written as Zip64.
    var entryCount: Int = 0xFFFF
}

/// The fixed-layout records of the zip format (PKWARE APPNOTE 6.3) as coursekit writes them:
/// local headers, central-directory headers and the end of the central directory, with Zip64
/// extensions where a value does not fit.
///
/// Everything that could vary between machines is fixed: the DOS date is the format's floor,
/// 1980-01-01 00:00 (an archive's own date belongs in its content, the ECAR `ts`); there are
/// no extra fields but Zip64's; every file is a Unix regular file with mode 0644; names are
/// UTF-8 with the UTF-8 flag (bit 11) set.
struct ZipRecords {
    var limits = ZipFieldLimits()

    static let localHeaderSignature: UInt32 = 0x0403_4B50
    static let centralHeaderSignature: UInt32 = 0x0201_4B50
    static let endSignature: UInt32 = 0x0605_4B50
    static let zip64EndSignature: UInt32 = 0x0606_4B50
    static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    static let zip64ExtraID: UInt16 = 0x0001
    /// 1980-01-01 00:00:00 in DOS time and date.
    static let dosTime: UInt16 = 0
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    static let utf8NamesFlag: UInt16 = 0x0800
    /// "Made by" Unix (3), format version 4.5.
    static let madeBy: UInt16 = (3 << 8) | 45
    static let regularFileMode: UInt32 = 0o100644

    /// The method code of a compression: 0 stored, 8 deflated.
    static func method(_ compression: ZipCompression) -> UInt16 {
        compression == .stored ? 0 : 8
    }

    func fits(_ value: UInt64) -> Bool {
        value < limits.sizeOrOffset
    }

    /// Whether the local header needs a Zip64 extra field (it then carries both sizes).
    func localNeedsZip64(_ record: ZipRecord) -> Bool {
        !fits(record.size) || !fits(record.compressedSize)
    }

    func versionNeeded(_ record: ZipRecord, zip64: Bool) -> UInt16 {
        zip64 ? 45 : record.compression == .stored ? 10 : 20
    }

    /// The local header that precedes an entry's bytes.
    func localHeader(_ record: ZipRecord) -> [UInt8] {
        let zip64 = localNeedsZip64(record)
        var extra = LittleEndianBytes()
        if zip64 {
            extra.append(Self.zip64ExtraID)
            extra.append(UInt16(16))
            extra.append(record.size)
            extra.append(record.compressedSize)
        }
        var bytes = LittleEndianBytes(capacity: 30 + record.name.count + extra.bytes.count)
        bytes.append(Self.localHeaderSignature)
        bytes.append(versionNeeded(record, zip64: zip64))
        bytes.append(Self.utf8NamesFlag)
        bytes.append(Self.method(record.compression))
        bytes.append(Self.dosTime)
        bytes.append(Self.dosDate)
        bytes.append(record.crc)
        bytes.append(zip64 ? UInt32.max : UInt32(record.compressedSize))
        bytes.append(zip64 ? UInt32.max : UInt32(record.size))
        bytes.append(UInt16(record.name.count))
        bytes.append(UInt16(extra.bytes.count))
        bytes.append(record.name)
        bytes.append(extra.bytes)
        return bytes.bytes
    }

    /// An entry's header in the central directory.
    func centralHeader(_ record: ZipRecord) -> [UInt8] {
        // Only the values that do not fit go into the Zip64 field, in this order.
        var extra = LittleEndianBytes()
        let wide = [record.size, record.compressedSize, record.offset].filter { !fits($0) }
        if !wide.isEmpty {
            extra.append(Self.zip64ExtraID)
            extra.append(UInt16(8 * wide.count))
            wide.forEach { extra.append($0) }
        }
        func field(_ value: UInt64) -> UInt32 { fits(value) ? UInt32(value) : UInt32.max }
        var bytes = LittleEndianBytes(capacity: 46 + record.name.count + extra.bytes.count)
        bytes.append(Self.centralHeaderSignature)
        bytes.append(Self.madeBy)
        bytes.append(versionNeeded(record, zip64: !wide.isEmpty || localNeedsZip64(record)))
        bytes.append(Self.utf8NamesFlag)
        bytes.append(Self.method(record.compression))
        bytes.append(Self.dosTime)
        bytes.append(Self.dosDate)
        bytes.append(record.crc)
        bytes.append(field(record.compressedSize))
        bytes.append(field(record.size))
        bytes.append(UInt16(record.name.count))
        bytes.append(UInt16(extra.bytes.count))
        bytes.append(UInt16(0)) // comment length
        bytes.append(UInt16(0)) // disk number
        bytes.append(UInt16(0)) // internal attributes
        bytes.append(Self.regularFileMode << 16)
        bytes.append(field(record.offset))
        bytes.append(record.name)
        bytes.append(extra.bytes)
        return bytes.bytes
    }

    /// The end of the central directory (preceded by the Zip64 end record and its locator when
    /// the count, size or offset does not fit), for a directory of `count` headers and `size`
    /// bytes starting at `offset`.
    func end(count: Int, directorySize size: UInt64, directoryOffset offset: UInt64) -> [UInt8] {
        var bytes = LittleEndianBytes(capacity: 98)
        let zip64 = count >= limits.entryCount || !fits(size) || !fits(offset)
        if zip64 {
            let recordOffset = offset + size
            bytes.append(Self.zip64EndSignature)
            bytes.append(UInt64(44)) // size of the rest of this record
            bytes.append(Self.madeBy)
            bytes.append(UInt16(45))
            bytes.append(UInt32(0)) // this disk
            bytes.append(UInt32(0)) // disk with the directory
            bytes.append(UInt64(count))
            bytes.append(UInt64(count))
            bytes.append(size)
            bytes.append(offset)
            bytes.append(Self.zip64LocatorSignature)
            bytes.append(UInt32(0))
            bytes.append(recordOffset)
            bytes.append(UInt32(1)) // disks in all
        }
        let shortCount = zip64 ? UInt16.max : UInt16(count)
        bytes.append(Self.endSignature)
        bytes.append(UInt16(0))
        bytes.append(UInt16(0))
        bytes.append(shortCount)
        bytes.append(shortCount)
        bytes.append(zip64 ? UInt32.max : UInt32(size))
        bytes.append(zip64 ? UInt32.max : UInt32(offset))
        bytes.append(UInt16(0)) // comment length
        return bytes.bytes
    }
}

/// Bytes built from little-endian integers, as the zip format stores them.
struct LittleEndianBytes {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append<Value: FixedWidthInteger & UnsignedInteger>(_ value: Value) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }
}
