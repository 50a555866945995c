#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `format` values coursekit can check when format assertion is on. Each follows the RFC
/// the JSON Schema specification names (RFC 3339 for dates, times and durations, RFC 3986 for
/// URIs, RFC 5321 for e-mail addresses). Formats only constrain strings; other values pass.
enum FormatChecker: String, Sendable, CaseIterable {
    case date
    case time
    case dateTime = "date-time"
    case duration
    case email
    case uri
    case uriReference = "uri-reference"
    case ipv4
    case ipv6
    case uuid

    func accepts(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        switch self {
        case .date: return Self.isDate(bytes[...])
        case .time: return Self.isTime(bytes[...])
        case .dateTime:
            guard bytes.count > 11, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") else { return false }
            return Self.isDate(bytes[0..<10]) && Self.isTime(bytes[11...])
        case .duration: return Self.isDuration(bytes)
        case .email: return Self.isEmail(bytes)
        case .uri: return URISyntax.isValid(bytes, requireScheme: true)
        case .uriReference: return URISyntax.isValid(bytes, requireScheme: false)
        case .ipv4: return Self.isIPv4(text)
        case .ipv6: return Self.isIPv6(text)
        case .uuid: return Self.isUUID(bytes)
        }
    }

    // MARK: RFC 3339 dates and times

    private static func digits(_ bytes: ArraySlice<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for offset in 0..<count {
            let index = bytes.startIndex + start + offset
            guard index < bytes.endIndex else { return nil }
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func byte(_ bytes: ArraySlice<UInt8>, _ offset: Int) -> UInt8? {
        let index = bytes.startIndex + offset
        return index < bytes.endIndex ? bytes[index] : nil
    }

    static func isDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count == 10, byte(bytes, 4) == UInt8(ascii: "-"), byte(bytes, 7) == UInt8(ascii: "-"),
            let year = digits(bytes, 0, 4), let month = digits(bytes, 5, 2), let day = digits(bytes, 8, 2),
            (1...12).contains(month), day >= 1
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// `HH:MM:SS[.fraction](Z|±HH:MM)`, with a leap second allowed only at 23:59 UTC.
    static func isTime(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count >= 9, byte(bytes, 2) == UInt8(ascii: ":"), byte(bytes, 5) == UInt8(ascii: ":"),
            let hour = digits(bytes, 0, 2), let minute = digits(bytes, 3, 2), let second = digits(bytes, 6, 2),
            hour <= 23, minute <= 59, second <= 60
        else { return false }
        var offset = 8
        if byte(bytes, offset) == UInt8(ascii: ".") {
            offset += 1
            let start = offset
            while let next = byte(bytes, offset), next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9") { offset += 1 }
            guard offset > start else { return false }
        }
        guard let zone = byte(bytes, offset) else { return false }
        var offsetMinutes = 0
        if zone == UInt8(ascii: "Z") || zone == UInt8(ascii: "z") {
            guard offset + 1 == bytes.count else { return false }
        } else if zone == UInt8(ascii: "+") || zone == UInt8(ascii: "-") {
            guard offset + 6 == bytes.count, byte(bytes, offset + 3) == UInt8(ascii: ":"),
                let zoneHour = digits(bytes, offset + 1, 2), let zoneMinute = digits(bytes, offset + 4, 2),
                zoneHour <= 23, zoneMinute <= 59
            else { return false }
            offsetMinutes = (zoneHour * 60 + zoneMinute) * (zone == UInt8(ascii: "+") ? 1 : -1)
        } else {
            return false
        }
        if second == 60 {
            let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    /// RFC 3339 appendix A: `P` followed by date parts (Y, M, D in order, no gaps), an optional
    /// `T` and time parts (H, M, S in order, no gaps), or weeks alone. Whole numbers only.
    static func isDuration(_ bytes: [UInt8]) -> Bool {
        guard bytes.first == UInt8(ascii: "P"), bytes.count > 1 else { return false }
        // Split into (number, unit) pairs, tracking the T separator.
        var index = 1
        var dateUnits: [UInt8] = []
        var timeUnits: [UInt8] = []
        var inTime = false
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "T") {
                guard !inTime else { return false }
                inTime = true
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9") { index += 1 }
            guard index > start, index < bytes.count else { return false }
            let unit = bytes[index]
            index += 1
            if inTime { timeUnits.append(unit) } else { dateUnits.append(unit) }
        }
        if inTime && timeUnits.isEmpty { return false }
        if dateUnits.isEmpty && timeUnits.isEmpty { return false }
        if dateUnits == [UInt8(ascii: "W")] { return timeUnits.isEmpty }
        let allowedDate: [[UInt8]] = [
            [], Array("D".utf8), Array("MD".utf8), Array("M".utf8), Array("YMD".utf8), Array("YM".utf8), Array("Y".utf8),
        ]
        let allowedTime: [[UInt8]] = [
            [], Array("S".utf8), Array("MS".utf8), Array("M".utf8), Array("HMS".utf8), Array("HM".utf8), Array("H".utf8),
        ]
        return allowedDate.contains(dateUnits) && allowedTime.contains(timeUnits)
    }

    // MARK: E-mail (RFC 5321 mailbox: dot-atom or quoted local part, domain or address literal)

    static func isEmail(_ bytes: [UInt8]) -> Bool {
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")), at > 0, at < bytes.count - 1 else { return false }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        return isLocalPart(local) && isMailDomain(domain)
    }

    private static func isAtext(_ byte: UInt8) -> Bool {
        if (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        {
            return true
        }
        return Array("!#$%&'*+-/=?^_`{|}~".utf8).contains(byte)
    }

    private static func isLocalPart(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.first == UInt8(ascii: "\"") {
            guard bytes.count >= 2, bytes.last == UInt8(ascii: "\"") else { return false }
            var escaped = false
            for byte in bytes.dropFirst().dropLast() {
                if escaped {
                    guard byte >= 0x20 && byte <= 0x7E else { return false }
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") || byte < 0x20 || byte > 0x7E {
                    return false
                }
            }
            return !escaped
        }
        let atoms = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return atoms.allSatisfy { !$0.isEmpty && $0.allSatisfy(isAtext) }
    }

    private static func isMailDomain(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.first == UInt8(ascii: "[") {
            guard bytes.last == UInt8(ascii: "]") else { return false }
            let inner = String(decoding: bytes.dropFirst().dropLast(), as: UTF8.self)
            if inner.hasPrefix("IPv6:") { return isIPv6(String(inner.dropFirst(5))) }
            return isIPv4(inner)
        }
        return isHostname(bytes)
    }

    static func isHostname(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            guard !label.isEmpty, label.count <= 63, label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-") else { return false }
            return label.allSatisfy {
                ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z"))
                    || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-")
            }
        }
    }

    // MARK: IP addresses and UUIDs

    static func isIPv4(_ text: String) -> Bool {
        guard text.utf8.allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".") }) else { return false }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            guard !part.isEmpty, part.count <= 3, part == "0" || !part.hasPrefix("0"), let value = Int(part) else { return false }
            return value <= 255
        }
    }

    static func isIPv6(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 45,
            text.utf8.allSatisfy({ $0 < 0x80 && ($0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") || isHexDigit($0)) })
        else { return false }
        // An embedded IPv4 part must be strictly dotted-decimal (no leading zeros).
        if let lastColon = text.lastIndex(of: ":"), text[text.index(after: lastColon)...].contains(".") {
            guard isIPv4(String(text[text.index(after: lastColon)...])) else { return false }
        }
        var address = in6_addr()
        return inet_pton(AF_INET6, text, &address) == 1
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }

    static func isUUID(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 36 else { return false }
        for (offset, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(offset) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if !isHexDigit(byte) {
                return false
            }
        }
        return true
    }
}

/// RFC 3986 syntax check for `uri` (absolute, with a scheme) and `uri-reference`.
enum URISyntax {
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
    }

    private static func isSubDelim(_ byte: UInt8) -> Bool {
        Array("!$&'()*+,;=".utf8).contains(byte)
    }

    /// Whether every byte is allowed by `allowed` or is part of a valid `%XX` escape.
    private static func check(_ bytes: ArraySlice<UInt8>, _ allowed: (UInt8) -> Bool) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex, FormatChecker.isHexDigit(bytes[index + 1]), FormatChecker.isHexDigit(bytes[index + 2]) else {
                    return false
                }
                index += 3
                continue
            }
            guard allowed(byte) else { return false }
            index += 1
        }
        return true
    }

    private static func isPchar(_ byte: UInt8) -> Bool {
        isUnreserved(byte) || isSubDelim(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "@")
    }

    static func isValid(_ bytes: [UInt8], requireScheme: Bool) -> Bool {
        var rest = bytes[...]
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            guard check(rest[(hash + 1)...], { isPchar($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }) else { return false }
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
            guard check(rest[(question + 1)...], { isPchar($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }) else { return false }
            rest = rest[..<question]
        }
        var hasScheme = false
        if let colon = rest.firstIndex(of: UInt8(ascii: ":")),
            !rest[..<colon].contains(UInt8(ascii: "/"))
        {
            let scheme = rest[..<colon]
            if let first = scheme.first,
                (first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")) || (first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")),
                scheme.allSatisfy({ isUnreserved($0) && $0 != UInt8(ascii: "_") && $0 != UInt8(ascii: "~") || $0 == UInt8(ascii: "+") })
            {
                hasScheme = true
                rest = rest[(colon + 1)...]
            } else {
                // Not a scheme: then it is a relative path whose first segment holds a colon.
                return false
            }
        }
        if requireScheme && !hasScheme { return false }
        if rest.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) {
            let afterSlashes = rest.dropFirst(2)
            let end = afterSlashes.firstIndex(of: UInt8(ascii: "/")) ?? afterSlashes.endIndex
            guard isAuthority(afterSlashes[..<end]) else { return false }
            rest = afterSlashes[end...]
        }
        return check(rest) { isPchar($0) || $0 == UInt8(ascii: "/") }
    }

    private static func isAuthority(_ bytes: ArraySlice<UInt8>) -> Bool {
        var hostPart = bytes
        if let at = bytes.firstIndex(of: UInt8(ascii: "@")) {
            guard check(bytes[..<at], { isUnreserved($0) || isSubDelim($0) || $0 == UInt8(ascii: ":") }) else { return false }
            hostPart = bytes[(at + 1)...]
        }
        if hostPart.first == UInt8(ascii: "[") {
            guard let close = hostPart.firstIndex(of: UInt8(ascii: "]")) else { return false }
            let literal = String(decoding: hostPart[(hostPart.startIndex + 1)..<close], as: UTF8.self)
            let afterLiteral = hostPart[(close + 1)...]
            if !afterLiteral.isEmpty {
                guard afterLiteral.first == UInt8(ascii: ":"), afterLiteral.dropFirst().allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
                    return false
                }
            }
            if literal.hasPrefix("v") || literal.hasPrefix("V") {
                return literal.contains(".")  // IPvFuture, loosely
            }
            return FormatChecker.isIPv6(literal)
        }
        var host = hostPart
        if let colon = hostPart.lastIndex(of: UInt8(ascii: ":")) {
            guard hostPart[(colon + 1)...].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return false }
            host = hostPart[..<colon]
        }
        return check(host) { isUnreserved($0) || isSubDelim($0) }
    }
}
