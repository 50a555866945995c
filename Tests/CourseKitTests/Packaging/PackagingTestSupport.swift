import CArchive
import Foundation
import Testing
@testable import CourseKit

/// A scratch folder removed when the test ends.
final class ScratchFolder {
    let url: URL

    init(_ label: String = "packaging") throws {
        url = TestTemporary.url("coursekit-\(label)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        let target = file(name)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
        return target
    }

    /// Names in the folder, sorted.
    func listing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }
}

/// Builds archives that coursekit itself would refuse to write — absolute paths, `..`,
/// symbolic links, duplicates, invalid names, bombs — straight through libarchive, so the
/// reader and verifier can be tested on hostile input.
enum HostileZip {
    enum Item {
        case file(String, Data)
        case rawName([UInt8], Data)
        case symlink(String, target: String)
        case directory(String)
        /// A file of `size` zero bytes, produced in chunks (never held in memory whole).
        case zeros(String, size: Int)
    }

    static func build(_ items: [Item], to url: URL) throws {
        let archive = archive_write_new()!
        defer { archive_write_free(archive) }
        archive_write_set_format_zip(archive)
        archive_write_set_bytes_per_block(archive, 0)
        guard archive_write_open_filename(archive, url.path) == ARCHIVE_OK else { throw HostileZipError.write }
        for item in items {
            let entry = archive_entry_new()!
            defer { archive_entry_free(entry) }
            var body = Data()
            var zeros = 0
            switch item {
            case .file(let name, let data):
                archive_entry_set_pathname_utf8(entry, name)
                archive_entry_set_filetype(entry, 0o100000)
                body = data
            case .rawName(let bytes, let data):
                var terminated = bytes
                terminated.append(0)
                terminated.withUnsafeBufferPointer { pointer in
                    pointer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: terminated.count) {
                        archive_entry_set_pathname(entry, $0)
                    }
                }
                archive_entry_set_filetype(entry, 0o100000)
                body = data
            case .symlink(let name, let target):
                archive_entry_set_pathname_utf8(entry, name)
                archive_entry_set_filetype(entry, 0o120000)
                archive_entry_set_symlink(entry, target)
            case .directory(let name):
                archive_entry_set_pathname_utf8(entry, name)
                archive_entry_set_filetype(entry, 0o040000)
            case .zeros(let name, let size):
                archive_entry_set_pathname_utf8(entry, name)
                archive_entry_set_filetype(entry, 0o100000)
                zeros = size
            }
            archive_entry_set_perm(entry, 0o644)
            archive_entry_set_size(entry, Int64(zeros > 0 ? zeros : body.count))
            guard archive_write_header(archive, entry) == ARCHIVE_OK else { throw HostileZipError.write }
            if !body.isEmpty {
                _ = body.withUnsafeBytes { archive_write_data(archive, $0.baseAddress, $0.count) }
            }
            if zeros > 0 {
                let chunk = [UInt8](repeating: 0, count: 1 << 20)
                var left = zeros
                while left > 0 {
                    let count = min(left, chunk.count)
                    _ = chunk.withUnsafeBytes { archive_write_data(archive, $0.baseAddress, count) }
                    left -= count
                }
            }
        }
        guard archive_write_close(archive) == ARCHIVE_OK else { throw HostileZipError.write }
    }

    /// Rewrites the Unix mode kept in the central directory's external attributes of every
    /// entry (libarchive's zip writer refuses FIFOs and devices, so they are made this way).
    static func setCentralDirectoryMode(_ mode: UInt32, in url: URL) throws {
        var bytes = [UInt8](try Data(contentsOf: url))
        let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        var index = 0
        var patched = 0
        while index + 46 <= bytes.count {
            if Array(bytes[index..<index + 4]) == signature {
                let attributes = mode << 16
                for byte in 0..<4 { bytes[index + 38 + byte] = UInt8((attributes >> (8 * UInt32(byte))) & 0xFF) }
                patched += 1
                index += 46
            } else {
                index += 1
            }
        }
        guard patched > 0 else { throw HostileZipError.write }
        try Data(bytes).write(to: url)
    }
}

enum HostileZipError: Error { case write }

/// Reads every entry and its data, returning names and contents (for round-trip checks).
func readAll(_ reader: ArchiveReader, maximumSize: Int = 64 << 20) throws -> [(ArchiveReader.Entry, Data)] {
    var result: [(ArchiveReader.Entry, Data)] = []
    while let entry = try reader.nextEntry() {
        result.append((entry, try reader.readData(maximumSize: maximumSize)))
    }
    return result
}

/// The path of a command-line tool, when it is installed.
func installedTool(_ name: String) -> String? {
    for folder in ["/usr/bin", "/bin", "/usr/local/bin"] where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
        return "\(folder)/\(name)"
    }
    return nil
}

/// Runs a tool and returns its exit status and standard output.
@discardableResult
func run(_ tool: String, _ arguments: [String], in folder: URL? = nil, environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    if let environment { process.environment = environment }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
}
