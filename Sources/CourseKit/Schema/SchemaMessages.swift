import Foundation

/// Every text the schema evaluator shows a user, in English and Hindi. Messages describe the
/// problem in the words of someone filling in a form (text, number, list, key), not in JSON
/// Schema jargon; hints say what to do.
enum SchemaMessages {
    // MARK: Describing values

    /// Grammatical gender of a Hindi noun phrase, for verb agreement (मिला/मिली, था/थी).
    enum Gender { case masculine, feminine }

    struct Phrase {
        var en: String
        var hi: String
        var gender: Gender
    }

    /// Longest piece of a user's text quoted back in a message.
    static let quoteLimit = 60

    static func quote(_ text: String) -> String {
        var shown = text
        if shown.unicodeScalars.count > quoteLimit {
            shown = String(String.UnicodeScalarView(shown.unicodeScalars.prefix(quoteLimit))) + "…"
        }
        shown = shown.replacingOccurrences(of: "\n", with: "\\n")
        return "\"\(shown)\""
    }

    /// A short rendering of a value for messages: text quoted, numbers and literals as written.
    static func render(_ value: LocatedValue) -> String {
        switch value.content {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): number.literal
        case .string(let text): quote(text)
        case .array(let items): items.isEmpty ? "[]" : "[…]"
        case .object(let object): object.entries.isEmpty ? "{}" : "{…}"
        }
    }

    /// What was found, e.g. `text "forty-five"` / `पाठ "forty-five"`.
    static func found(_ value: LocatedValue) -> Phrase {
        switch value.content {
        case .null: Phrase(en: "an empty value (null)", hi: "खाली मान (null)", gender: .masculine)
        case .bool(let flag): Phrase(en: "the value \(flag)", hi: "मान \(flag)", gender: .masculine)
        case .number(let number): Phrase(en: "the number \(number.literal)", hi: "संख्या \(number.literal)", gender: .feminine)
        case .string(let text): Phrase(en: "text \(quote(text))", hi: "पाठ \(quote(text))", gender: .masculine)
        case .array(let items):
            Phrase(
                en: items.count == 1 ? "a list of 1 item" : "a list of \(items.count) items",
                hi: "\(items.count) \(items.count == 1 ? "प्रविष्टि" : "प्रविष्टियों") की सूची", gender: .feminine)
        case .object: Phrase(en: "a group of keys and values", hi: "कुंजी और मान का समूह", gender: .masculine)
        }
    }

    /// What a `type` asks for, e.g. "a number" / "एक संख्या".
    static func expected(_ type: JSONTypeSet) -> Phrase {
        switch type {
        case .string: Phrase(en: "text", hi: "पाठ", gender: .masculine)
        case .number: Phrase(en: "a number", hi: "एक संख्या", gender: .feminine)
        case .integer: Phrase(en: "a whole number", hi: "एक पूर्ण संख्या", gender: .feminine)
        case .boolean: Phrase(en: "true or false", hi: "true या false", gender: .masculine)
        case .object: Phrase(en: "a group of keys and values", hi: "कुंजी और मान का समूह", gender: .masculine)
        case .array: Phrase(en: "a list", hi: "एक सूची", gender: .feminine)
        default: Phrase(en: "nothing (null)", hi: "खाली मान (null)", gender: .masculine)
        }
    }

    static func joinedAlternatives(_ phrases: [Phrase]) -> Phrase {
        guard let last = phrases.last else { return Phrase(en: "", hi: "", gender: .masculine) }
        if phrases.count == 1 { return last }
        let enHead = phrases.dropLast().map(\.en).joined(separator: ", ")
        let hiHead = phrases.dropLast().map(\.hi).joined(separator: ", ")
        return Phrase(en: "\(enHead) or \(last.en)", hi: "\(hiHead) या \(last.hi)", gender: last.gender)
    }

    static func list(_ values: [String], limit: Int = 12) -> String {
        if values.count <= limit { return values.joined(separator: ", ") }
        return values.prefix(limit).joined(separator: ", ") + ", …"
    }

    static func items(_ count: Int) -> (en: String, hi: String) {
        (count == 1 ? "1 item" : "\(count) items", count == 1 ? "1 प्रविष्टि" : "\(count) प्रविष्टियाँ")
    }

    static func keys(_ count: Int) -> (en: String, hi: String) {
        (count == 1 ? "1 key" : "\(count) keys", count == 1 ? "1 कुंजी" : "\(count) कुंजियाँ")
    }

    /// "13 characters" / "13 अक्षर", and the Hindi oblique plural "13 अक्षरों" used before
    /// postpositions (का, की).
    static func characters(_ count: Int) -> (en: String, hi: String, hiOblique: String) {
        (count == 1 ? "1 character" : "\(count) characters", "\(count) अक्षर", count == 1 ? "1 अक्षर" : "\(count) अक्षरों")
    }

    // MARK: Violations

    static func type(expected types: JSONTypeSet, found value: LocatedValue) -> LocalizedText {
        let wanted = joinedAlternatives(types.members.map(expected))
        let got = found(value)
        let wasNeeded = wanted.gender == .feminine ? "चाहिए थी" : "चाहिए था"
        let wasFound = got.gender == .feminine ? "मिली" : "मिला"
        return LocalizedText(
            en: "expected \(wanted.en) here, found \(got.en)",
            hi: "यहाँ \(wanted.hi) \(wasNeeded), पर \(got.hi) \(wasFound)")
    }

    static func enumeration(_ value: LocatedValue, allowed: [LocatedValue]) -> LocalizedText {
        let options = list(allowed.map(render))
        if allowed.count == 1 { return constant(allowed[0]) }
        switch value.content {
        case .array, .object:
            return LocalizedText(
                en: "this value is not one of the allowed values: \(options)",
                hi: "यह मान अनुमत मानों में से नहीं है; अनुमत मान: \(options)")
        default:
            return LocalizedText(
                en: "\(render(value)) is not one of the allowed values: \(options)",
                hi: "\(render(value)) अनुमत मानों में से नहीं है; अनुमत मान: \(options)")
        }
    }

    static func constant(_ expected: LocatedValue) -> LocalizedText {
        switch expected.content {
        case .array, .object:
            LocalizedText(
                en: "this value must be exactly the fixed value the schema sets",
                hi: "यह मान ठीक वही होना चाहिए जो स्कीमा में तय है")
        default:
            LocalizedText(
                en: "the value must be exactly \(render(expected))",
                hi: "मान ठीक \(render(expected)) होना चाहिए")
        }
    }

    static func didYouMean(_ suggestion: String) -> LocalizedText {
        LocalizedText(en: "did you mean '\(suggestion)'?", hi: "क्या आपका आशय '\(suggestion)' से था?")
    }

    static func didYouMeanValue(_ suggestion: LocatedValue) -> LocalizedText {
        let shown = render(suggestion)
        return LocalizedText(en: "did you mean \(shown)?", hi: "क्या आपका आशय \(shown) से था?")
    }

    static func aboutField(_ documentation: LocalizedText) -> LocalizedText {
        LocalizedText(en: "this field: \(documentation.en)", hi: "यह फ़ील्ड: \(documentation.hi)")
    }

    static func required(_ key: String) -> LocalizedText {
        LocalizedText(en: "missing required key '\(key)'", hi: "आवश्यक कुंजी '\(key)' नहीं दी गई है")
    }

    static func addKey(_ key: String, documentation: LocalizedText?) -> LocalizedText {
        if let documentation {
            return LocalizedText(en: "add '\(key)': \(documentation.en)", hi: "'\(key)' जोड़ें: \(documentation.hi)")
        }
        return LocalizedText(en: "add the key '\(key)'", hi: "कुंजी '\(key)' जोड़ें")
    }

    static func dependentRequired(_ key: String, because trigger: String) -> LocalizedText {
        LocalizedText(
            en: "missing key '\(key)', which is required when '\(trigger)' is given",
            hi: "कुंजी '\(key)' नहीं दी गई है; '\(trigger)' दिए जाने पर यह आवश्यक है")
    }

    static func unknownKey(_ key: String) -> LocalizedText {
        LocalizedText(en: "unknown key '\(key)'", hi: "अज्ञात कुंजी '\(key)'")
    }

    static func allowedKeys(_ names: [String]) -> LocalizedText {
        let shown = list(names.map { "'\($0)'" }, limit: 15)
        return LocalizedText(en: "keys allowed here: \(shown)", hi: "यहाँ ये कुंजियाँ मान्य हैं: \(shown)")
    }

    static func noKeysAllowed() -> LocalizedText {
        LocalizedText(en: "remove it; no other keys are allowed here", hi: "इसे हटाएँ; यहाँ कोई अन्य कुंजी मान्य नहीं है")
    }

    static func forbiddenKey(_ key: String) -> LocalizedText {
        LocalizedText(en: "key '\(key)' is not allowed here", hi: "कुंजी '\(key)' यहाँ अनुमत नहीं है")
    }

    static func keyName(_ key: String, _ inner: LocalizedText) -> LocalizedText {
        LocalizedText(
            en: "the key name '\(key)' is not allowed: \(inner.en)",
            hi: "कुंजी का नाम '\(key)' मान्य नहीं है: \(inner.hi)")
    }

    static func minProperties(_ count: Int, _ limit: Int) -> LocalizedText {
        let (enCount, hiCount) = keys(count)
        return LocalizedText(
            en: "this has \(enCount); at least \(limit) needed",
            hi: "इसमें \(hiCount) \(count == 1 ? "है" : "हैं"); कम से कम \(limit) चाहिए")
    }

    static func maxProperties(_ count: Int, _ limit: Int) -> LocalizedText {
        let (enCount, hiCount) = keys(count)
        return LocalizedText(
            en: "this has \(enCount); at most \(limit) allowed",
            hi: "इसमें \(hiCount) \(count == 1 ? "है" : "हैं"); अधिकतम \(limit) की अनुमति है")
    }

    static func minItems(_ count: Int, _ limit: Int) -> LocalizedText {
        let (enCount, hiCount) = items(count)
        return LocalizedText(
            en: "the list has \(enCount); at least \(limit) needed",
            hi: "सूची में \(hiCount) \(count == 1 ? "है" : "हैं"); कम से कम \(limit) चाहिए")
    }

    static func maxItems(_ count: Int, _ limit: Int) -> LocalizedText {
        let (enCount, hiCount) = items(count)
        return LocalizedText(
            en: "the list has \(enCount); at most \(limit) allowed",
            hi: "सूची में \(hiCount) \(count == 1 ? "है" : "हैं"); अधिकतम \(limit) की अनुमति है")
    }

    static func duplicateItem(of earlier: Int) -> LocalizedText {
        LocalizedText(
            en: "this item repeats item \(earlier + 1) of the list; every item must be different",
            hi: "यह प्रविष्टि सूची की प्रविष्टि \(earlier + 1) को दोहराती है; हर प्रविष्टि अलग होनी चाहिए")
    }

    static func containsNone() -> LocalizedText {
        LocalizedText(
            en: "the list has no item of the required kind",
            hi: "सूची में आवश्यक प्रकार की कोई प्रविष्टि नहीं है")
    }

    static func containsTooFew(_ count: Int, _ limit: Int) -> LocalizedText {
        LocalizedText(
            en: "the list needs at least \(limit) items of the required kind, found \(count)",
            hi: "सूची में आवश्यक प्रकार की कम से कम \(limit) प्रविष्टियाँ चाहिए, \(count) \(count == 1 ? "मिली" : "मिलीं")")
    }

    static func containsTooMany(_ count: Int, _ limit: Int) -> LocalizedText {
        LocalizedText(
            en: "the list may have at most \(limit) items of this kind, found \(count)",
            hi: "सूची में इस प्रकार की अधिकतम \(limit) \(limit == 1 ? "प्रविष्टि हो सकती है" : "प्रविष्टियाँ हो सकती हैं"), \(count) मिलीं")
    }

    static func requiredKind(_ documentation: LocalizedText) -> LocalizedText {
        LocalizedText(en: "the required kind: \(documentation.en)", hi: "आवश्यक प्रकार: \(documentation.hi)")
    }

    static func extraItem(_ index: Int, allowed: Int) -> LocalizedText {
        LocalizedText(
            en: "item \(index + 1) is one too many; this list may have at most \(items(allowed).en)",
            hi: "प्रविष्टि \(index + 1) अतिरिक्त है; इस सूची में अधिकतम \(items(allowed).hi) हो सकती हैं")
    }

    static func unexpectedItem(_ index: Int) -> LocalizedText {
        LocalizedText(
            en: "item \(index + 1) is not allowed here",
            hi: "प्रविष्टि \(index + 1) यहाँ अनुमत नहीं है")
    }

    static func minLength(_ count: Int, _ limit: Int) -> LocalizedText {
        LocalizedText(
            en: "the text is \(characters(count).en) long; at least \(characters(limit).en) needed",
            hi: "पाठ \(characters(count).hiOblique) का है; कम से कम \(characters(limit).hi) चाहिए")
    }

    static func emptyText() -> LocalizedText {
        LocalizedText(en: "the text is empty; write something here", hi: "पाठ खाली है; यहाँ कुछ लिखें")
    }

    static func maxLength(_ count: Int, _ limit: Int) -> LocalizedText {
        LocalizedText(
            en: "the text is \(characters(count).en) long; at most \(characters(limit).en) allowed",
            hi: "पाठ \(characters(count).hiOblique) का है; अधिकतम \(characters(limit).hiOblique) की अनुमति है")
    }

    /// No regular expression is shown to authors: the schema's `patternDescription` says what a
    /// valid value looks like, with an example.
    static func pattern(_ text: String, _ explanation: LocalizedText?) -> LocalizedText {
        guard let explanation else {
            return LocalizedText(
                en: "text \(quote(text)) is not in the required form; see the field's description",
                hi: "पाठ \(quote(text)) आवश्यक रूप में नहीं है; फ़ील्ड का विवरण देखें")
        }
        return LocalizedText(
            en: "text \(quote(text)) is not in the required form: expected \(explanation.en)",
            hi: "पाठ \(quote(text)) आवश्यक रूप में नहीं है: अपेक्षित है \(explanation.hi)")
    }

    static func bound(_ value: JSONNumber, _ bound: NumberBound) -> LocalizedText {
        let number = value.literal
        let limit = bound.limit.literal
        switch bound.kind {
        case .minimum:
            return LocalizedText(en: "\(number) is less than the minimum of \(limit)", hi: "\(number) न्यूनतम सीमा \(limit) से कम है")
        case .maximum:
            return LocalizedText(en: "\(number) is more than the maximum of \(limit)", hi: "\(number) अधिकतम सीमा \(limit) से अधिक है")
        case .exclusiveMinimum:
            return LocalizedText(en: "\(number) must be greater than \(limit)", hi: "\(number) को \(limit) से अधिक होना चाहिए")
        case .exclusiveMaximum:
            return LocalizedText(en: "\(number) must be less than \(limit)", hi: "\(number) को \(limit) से कम होना चाहिए")
        }
    }

    static func multipleOf(_ value: JSONNumber, _ divisor: JSONNumber) -> LocalizedText {
        LocalizedText(
            en: "\(value.literal) is not a multiple of \(divisor.literal)",
            hi: "\(value.literal), \(divisor.literal) का गुणज नहीं है")
    }

    static func format(_ text: String, _ format: FormatChecker) -> LocalizedText {
        let shown = quote(text)
        switch format {
        case .date:
            return LocalizedText(
                en: "\(shown) is not a valid date; write it as YYYY-MM-DD, e.g. 2026-01-31",
                hi: "\(shown) मान्य तिथि नहीं है; इसे YYYY-MM-DD रूप में लिखें, जैसे 2026-01-31")
        case .time:
            return LocalizedText(
                en: "\(shown) is not a valid time; write it like 10:30:00+05:30",
                hi: "\(shown) मान्य समय नहीं है; इसे 10:30:00+05:30 की तरह लिखें")
        case .dateTime:
            return LocalizedText(
                en: "\(shown) is not a valid date and time; write it like 2026-01-31T10:30:00+05:30",
                hi: "\(shown) मान्य तिथि-समय नहीं है; इसे 2026-01-31T10:30:00+05:30 की तरह लिखें")
        case .duration:
            return LocalizedText(
                en: "\(shown) is not a valid ISO 8601 duration; write it like PT45M (45 minutes), PT1H30M or P2D",
                hi: "\(shown) मान्य ISO 8601 अवधि नहीं है; इसे PT45M (45 मिनट), PT1H30M या P2D की तरह लिखें")
        case .email:
            return LocalizedText(
                en: "\(shown) is not a valid e-mail address",
                hi: "\(shown) मान्य ई-मेल पता नहीं है")
        case .uri:
            return LocalizedText(
                en: "\(shown) is not a valid full web address (URI), such as https://example.gov.in/page",
                hi: "\(shown) मान्य पूरा वेब पता (URI) नहीं है, जैसे https://example.gov.in/page")
        case .uriReference:
            return LocalizedText(
                en: "\(shown) is not a valid link (URI reference); spaces and some characters must be percent-encoded",
                hi: "\(shown) मान्य लिंक (URI संदर्भ) नहीं है; रिक्त स्थान और कुछ वर्ण percent-encoding में लिखने होते हैं")
        case .ipv4:
            return LocalizedText(en: "\(shown) is not a valid IPv4 address", hi: "\(shown) मान्य IPv4 पता नहीं है")
        case .ipv6:
            return LocalizedText(en: "\(shown) is not a valid IPv6 address", hi: "\(shown) मान्य IPv6 पता नहीं है")
        case .uuid:
            return LocalizedText(en: "\(shown) is not a valid UUID", hi: "\(shown) मान्य UUID नहीं है")
        }
    }

    static func not() -> LocalizedText {
        LocalizedText(en: "this value is not allowed here", hi: "यह मान यहाँ स्वीकार्य नहीं है")
    }

    static func mustNotBe(_ documentation: LocalizedText) -> LocalizedText {
        LocalizedText(en: "it must not be: \(documentation.en)", hi: "यह ऐसा नहीं होना चाहिए: \(documentation.hi)")
    }

    static func falseSchema() -> LocalizedText {
        LocalizedText(en: "no value is allowed here", hi: "यहाँ कोई मान नहीं होना चाहिए")
    }

    static func noAlternative() -> LocalizedText {
        LocalizedText(
            en: "this value does not match any of the allowed forms",
            hi: "यह मान किसी भी अनुमत रूप से मेल नहीं खाता")
    }

    static func tooManyAlternatives(_ indices: [Int]) -> LocalizedText {
        let numbers = indices.map { String($0 + 1) }
        let enList = numbers.count == 2 ? "\(numbers[0]) and \(numbers[1])" : numbers.dropLast().joined(separator: ", ") + " and " + numbers.last!
        let hiList = numbers.count == 2 ? "\(numbers[0]) और \(numbers[1])" : numbers.dropLast().joined(separator: ", ") + " और " + numbers.last!
        return LocalizedText(
            en: "this value matches more than one alternative (alternatives \(enList)); it must match exactly one",
            hi: "यह मान एक से अधिक विकल्पों (विकल्प \(hiList)) से मेल खाता है; इसे ठीक एक विकल्प से मेल खाना चाहिए")
    }

    static func tooDeep(_ limit: Int) -> LocalizedText {
        LocalizedText(
            en: "the schema refers to itself more than \(limit) levels deep here; this value cannot be checked",
            hi: "स्कीमा यहाँ स्वयं को \(limit) से अधिक स्तरों तक संदर्भित करता है; इस मान की जाँच नहीं हो सकी")
    }

    // MARK: Schema load errors

    static func unsupportedKeyword(_ keyword: String) -> LocalizedText {
        LocalizedText(
            en: "schema keyword '\(keyword)' is not supported by coursekit; remove it or use a supported keyword",
            hi: "स्कीमा कीवर्ड '\(keyword)' coursekit में समर्थित नहीं है; इसे हटाएँ या कोई समर्थित कीवर्ड प्रयोग करें")
    }

    static func inactiveKeyword(_ keyword: String, dialect: String) -> LocalizedText {
        LocalizedText(
            en: "schema keyword '\(keyword)' is not part of the vocabularies that the meta-schema '\(dialect)' enables",
            hi: "स्कीमा कीवर्ड '\(keyword)' उन vocabulary में नहीं है जिन्हें मेटा-स्कीमा '\(dialect)' चालू करता है")
    }

    static func renamedKeyword(_ replacement: String) -> LocalizedText {
        LocalizedText(
            en: "in JSON Schema draft 2020-12 write \(replacement) instead",
            hi: "JSON Schema draft 2020-12 में इसके स्थान पर \(replacement) लिखें")
    }

    static func invalidKeywordValue(_ keyword: String, en: String, hi: String) -> LocalizedText {
        LocalizedText(en: "the value of '\(keyword)' must be \(en)", hi: "'\(keyword)' का मान \(hi) होना चाहिए")
    }

    static func notASchema() -> LocalizedText {
        LocalizedText(
            en: "a schema must be a group of keywords and values, true or false",
            hi: "स्कीमा कीवर्ड और मान का समूह, true या false होना चाहिए")
    }

    static func unresolvedReference(_ reference: String, resolved: String) -> LocalizedText {
        LocalizedText(
            en: "cannot find the schema '\(reference)' (\(resolved)) referred to here; register that document or fix the reference",
            hi: "यहाँ संदर्भित स्कीमा '\(reference)' (\(resolved)) नहीं मिला; उस दस्तावेज़ को पंजीकृत करें या संदर्भ ठीक करें")
    }

    static func unknownDocument(_ uri: String) -> LocalizedText {
        LocalizedText(
            en: "no schema document is registered under '\(uri)'",
            hi: "'\(uri)' नाम से कोई स्कीमा दस्तावेज़ पंजीकृत नहीं है")
    }

    static func invalidPattern(_ pattern: String) -> LocalizedText {
        LocalizedText(
            en: "'\(pattern)' is not a valid regular expression",
            hi: "'\(pattern)' मान्य रेगुलर एक्सप्रेशन नहीं है")
    }

    static func otherDraft(_ uri: String, _ draft: String) -> LocalizedText {
        LocalizedText(
            en: "this schema is written for JSON Schema \(draft) ('\(uri)'); coursekit evaluates draft 2020-12 only",
            hi: "यह स्कीमा JSON Schema \(draft) ('\(uri)') के लिए लिखा गया है; coursekit केवल draft 2020-12 की जाँच करता है")
    }

    static func unknownDialect(_ uri: String) -> LocalizedText {
        LocalizedText(
            en: "unknown meta-schema '\(uri)' in $schema; use https://json-schema.org/draft/2020-12/schema or register that meta-schema",
            hi: "$schema में अज्ञात मेटा-स्कीमा '\(uri)'; https://json-schema.org/draft/2020-12/schema लिखें या उस मेटा-स्कीमा को पंजीकृत करें")
    }

    static func unknownRequiredVocabulary(_ uri: String) -> LocalizedText {
        LocalizedText(
            en: "the meta-schema requires vocabulary '\(uri)', which coursekit does not know",
            hi: "मेटा-स्कीमा को vocabulary '\(uri)' चाहिए, जिसे coursekit नहीं जानता")
    }

    static func unsupportedFormat(_ format: String) -> LocalizedText {
        let known = FormatChecker.allCases.map(\.rawValue).joined(separator: ", ")
        return LocalizedText(
            en: "format '\(format)' cannot be checked by coursekit; checkable formats: \(known)",
            hi: "format '\(format)' की जाँच coursekit नहीं कर सकता; जाँचे जा सकने वाले format: \(known)")
    }

    static func documentURIHasFragment(_ uri: String) -> LocalizedText {
        LocalizedText(
            en: "a schema document's URI must not have a #fragment: '\(uri)'",
            hi: "स्कीमा दस्तावेज़ के URI में #fragment नहीं होना चाहिए: '\(uri)'")
    }

    static func duplicateDocument(_ uri: String) -> LocalizedText {
        LocalizedText(
            en: "a schema document is already registered under '\(uri)'",
            hi: "'\(uri)' नाम से एक स्कीमा दस्तावेज़ पहले से पंजीकृत है")
    }

    static func duplicateIdentifier(_ uri: String) -> LocalizedText {
        LocalizedText(
            en: "two schemas declare the same identifier '\(uri)'",
            hi: "दो स्कीमा एक ही पहचान '\(uri)' घोषित करते हैं")
    }

    static func identifierHasFragment(_ id: String) -> LocalizedText {
        LocalizedText(
            en: "$id '\(id)' must not contain a #fragment; use $anchor to name a subschema",
            hi: "$id '\(id)' में #fragment नहीं होना चाहिए; उप-स्कीमा को नाम देने के लिए $anchor का प्रयोग करें")
    }

    static func duplicateAnchor(_ name: String, _ resource: String) -> LocalizedText {
        LocalizedText(
            en: "anchor '\(name)' is declared twice in '\(resource)'",
            hi: "anchor '\(name)' को '\(resource)' में दो बार घोषित किया गया है")
    }
}
