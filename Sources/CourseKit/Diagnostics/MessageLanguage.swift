import Foundation

/// The language coursekit speaks to its user in. Every user-facing message exists in both.
public enum MessageLanguage: String, Sendable, Hashable, CaseIterable, Codable {
    case en
    case hi

    /// Picks the language from the environment the way a terminal user expects:
    /// `COURSEKIT_LANG`, then `LC_ALL`, `LC_MESSAGES`, `LANG`; Hindi when any names `hi`,
    /// English otherwise.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> MessageLanguage {
        for key in ["COURSEKIT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("hi") ? .hi : .en
        }
        return .en
    }
}

/// A user-facing text in English and Hindi. Constructing one requires both, so a message can
/// never exist in one language only.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var en: String
    public var hi: String

    public init(en: String, hi: String) {
        self.en = en
        self.hi = hi
    }

    public func text(in language: MessageLanguage) -> String {
        switch language {
        case .en: en
        case .hi: hi
        }
    }
}
