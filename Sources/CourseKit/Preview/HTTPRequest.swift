import Foundation

/// One HTTP/1.x request as the preview server reads it: the method, the target as sent, the
/// decoded path (no query or fragment) and the header fields.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    public var target: String
    public var path: String
    public var headers: [Header]

    /// A header field, its name as sent.
    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: String
    }
}

/// Reads the head of an HTTP/1.x request, bounded: at most `maximumHeadBytes` bytes and
/// `maximumHeaderCount` header fields (else 431), a request line `METHOD SP /path SP HTTP/1.x`
/// with a token method and an origin-form target without control characters (else 400), a
/// version 1.0 or 1.1 (else 505), and a path whose percent-escapes decode to UTF-8 without NUL
/// (else 400). The body, if any, is never read: the preview answers GET and HEAD only.
public enum HTTPRequestParser {
    public static let maximumHeadBytes = 8 * 1024
    public static let maximumHeaderCount = 64
    public static let maximumTargetBytes = 2048

    public enum Outcome: Sendable, Equatable {
        /// The head has not ended yet and is within bounds: read more.
        case incomplete
        case request(HTTPRequest)
        /// The request cannot be served; answer with this status and close.
        case rejected(Int)
    }

    public static func parse(_ bytes: [UInt8]) -> Outcome {
        let window = bytes.prefix(maximumHeadBytes)
        guard let end = headEnd(window) else {
            return bytes.count >= maximumHeadBytes ? .rejected(431) : .incomplete
        }
        guard let head = String(validating: window[..<end], as: UTF8.self) else { return .rejected(400) }
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst()
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return .rejected(400) }
        let method = String(parts[0]), target = String(parts[1]), version = String(parts[2])
        guard !method.isEmpty, method.utf8.count <= 16, method.utf8.allSatisfy(isTokenByte) else { return .rejected(400) }
        guard version.hasPrefix("HTTP/") else { return .rejected(400) }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { return .rejected(505) }
        guard target.hasPrefix("/"), target.utf8.count <= maximumTargetBytes,
              target.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return .rejected(400) }
        guard lines.count <= maximumHeaderCount else { return .rejected(431) }
        var headers: [HTTPRequest.Header] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { return .rejected(400) }
            let name = String(line[..<colon])
            guard !name.isEmpty, name.utf8.allSatisfy(isTokenByte) else { return .rejected(400) }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !value.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 }) else { return .rejected(400) }
            headers.append(.init(name: name, value: value))
        }
        let rawPath = String(target.prefix { $0 != "?" && $0 != "#" })
        guard let path = percentDecoded(rawPath) else { return .rejected(400) }
        return .request(HTTPRequest(method: method, target: target, path: path, headers: headers))
    }

    /// The offset of the blank line ending the head (`\r\n\r\n`), when present.
    static func headEnd(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard bytes.count >= 4 else { return nil }
        var index = bytes.startIndex
        while index + 3 < bytes.endIndex {
            if bytes[index] == 13, bytes[index + 1] == 10, bytes[index + 2] == 13, bytes[index + 3] == 10 { return index }
            index += 1
        }
        return nil
    }

    /// RFC 9110 `tchar`.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    /// `%XX` escapes decoded; nil when an escape is malformed or the result is not UTF-8 or has NUL.
    static func percentDecoded(_ text: String) -> String? {
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else { return nil }
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        guard !out.contains(0) else { return nil }
        return String(validating: out, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
