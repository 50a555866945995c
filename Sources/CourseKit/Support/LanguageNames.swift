/// Names of the languages coursekit knows (English, Hindi, the 22 scheduled languages of the
/// Constitution's Eighth Schedule, and a few more), in English and in Hindi, for messages.
public enum LanguageNames {
    /// code → (English name, Hindi name)
    public static let known: [String: (en: String, hi: String)] = [
        "en": ("English", "अंग्रेज़ी"), "hi": ("Hindi", "हिंदी"), "as": ("Assamese", "असमिया"),
        "bn": ("Bengali", "बांग्ला"), "brx": ("Bodo", "बोडो"), "doi": ("Dogri", "डोगरी"),
        "gu": ("Gujarati", "गुजराती"), "kn": ("Kannada", "कन्नड़"), "ks": ("Kashmiri", "कश्मीरी"),
        "kok": ("Konkani", "कोंकणी"), "mai": ("Maithili", "मैथिली"), "ml": ("Malayalam", "मलयालम"),
        "mni": ("Manipuri", "मणिपुरी"), "mr": ("Marathi", "मराठी"), "ne": ("Nepali", "नेपाली"),
        "or": ("Odia", "ओड़िया"), "pa": ("Punjabi", "पंजाबी"), "sa": ("Sanskrit", "संस्कृत"),
        "sat": ("Santali", "संथाली"), "sd": ("Sindhi", "सिंधी"), "ta": ("Tamil", "तमिल"),
        "te": ("Telugu", "तेलुगु"), "ur": ("Urdu", "उर्दू"), "bho": ("Bhojpuri", "भोजपुरी"),
        "awa": ("Awadhi", "अवधी"),
    ]

    public static func english(_ code: String) -> String { known[code]?.en ?? code }
    public static func hindi(_ code: String) -> String { known[code]?.hi ?? code }
}
