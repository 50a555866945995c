/// The pack findings several assemblers raise (ECAR, SCORM, cmi5), written once.
extension PackRule {
    /// What a reference that did not load names, for the message.
    enum UnloadedItem {
        case module, quiz, caseStudy, item

        var message: (en: String, hi: String, feminine: Bool) {
            switch self {
            case .module: ("module ", "मॉड्यूल ", false)
            case .quiz: ("quiz ", "क्विज़ ", true)
            case .caseStudy: ("case study ", "केस स्टडी ", true)
            case .item: ("", "", false)
            }
        }
    }

    /// `pack-unresolved-reference`: what `reference` names could not be loaded, so it cannot be
    /// packaged. Reported at the reference.
    static func unloaded(_ reference: FileReference, _ item: UnloadedItem = .item) -> Finding {
        let words = item.message
        let (could, can) = words.feminine ? ("सकी", "सकती") : ("सका", "सकता")
        return unresolvedReference.finding(at: reference.location, LocalizedText(
            en: "\(words.en)'\(reference.written)' could not be loaded, so it cannot be packaged",
            hi: "\(words.hi)'\(reference.written)' लोड नहीं हो \(could), इसलिए पैकेज नहीं हो \(can)"))
    }

    /// `pack-missing-id`: `file` has no id, so no stable identifier can be derived for it.
    static func missingID(_ file: SourceFile) -> Finding {
        missingIdentifier.finding(at: file.location, LocalizedText(
            en: "\(file.displayPath) has no id, so no stable identifier can be derived for it",
            hi: "\(file.displayPath) का id नहीं है, इसलिए इसका स्थिर identifier नहीं बन सकता"),
            hint: LocalizedText(en: "add an 'id:' line", hi: "'id:' पंक्ति जोड़ें"))
    }
}
