import Foundation

/// Runs libarchive calls under a UTF-8 character-type locale on the calling thread only
/// (`uselocale(3)`), so entry names are converted the same way whatever the process locale is.
/// In the C locale that a Swift program starts in, libarchive cannot represent a name such as
/// `पाठ/चित्र.svg` at all and reports no name.
enum UTF8Locale {
    nonisolated(unsafe) private static let locale: locale_t? = {
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] {
            if let locale = newlocale(LC_CTYPE_MASK, name, nil) { return locale }
        }
        return nil
    }()

    /// Switches the calling thread to the UTF-8 locale; pass the result to `leave`.
    static func enter() -> locale_t? {
        guard let locale else { return nil }
        return uselocale(locale)
    }

    static func leave(_ previous: locale_t?) {
        if let previous { uselocale(previous) }
    }

    static func run<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        guard let locale else { return try body() }
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        return try body()
    }
}
