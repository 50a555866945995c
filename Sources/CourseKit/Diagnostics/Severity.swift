/// How serious a finding is. Ordered so that `error > warning > info`; `--fail-severity`
/// compares against this order.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// The word shown in text output, in the chosen language.
    public func label(in language: MessageLanguage) -> String {
        switch (self, language) {
        case (.error, .en): "error"
        case (.warning, .en): "warning"
        case (.info, .en): "info"
        case (.error, .hi): "त्रुटि"
        case (.warning, .hi): "चेतावनी"
        case (.info, .hi): "सूचना"
        }
    }
}
