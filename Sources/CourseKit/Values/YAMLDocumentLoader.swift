import Foundation
import Yams

/// Why a document could not be turned into a value at all (as opposed to a schema finding).
public struct DocumentLoadError: Error, Sendable, Equatable {
    public enum Kind: String, Sendable {
        case syntax = "yaml-syntax"
        case duplicateKey = "duplicate-key"
        case encoding = "file-encoding"
        case tooLarge = "file-too-large"
        case aliasExpansion = "yaml-alias-bomb"
        case unsupportedKey = "yaml-complex-key"
        case limit = "input-limit"
    }

    public var kind: Kind
    public var location: SourceLocation
    public var message: LocalizedText

    public init(kind: Kind, location: SourceLocation, message: LocalizedText) {
        self.kind = kind
        self.location = location
        self.message = message
    }
}

/// Turns YAML text into a `LocatedValue`, using the YAML 1.2 core schema (only `true`/`false`
/// are booleans, so `no` stays a string) and keeping the line and column of every node.
/// Defends against hostile input: invalid UTF-8, oversize files and alias bombs are
/// reported as errors instead of exhausting memory.
public struct YAMLDocumentLoader: Sendable {
    /// Largest accepted source file, in bytes.
    public var maximumFileSize: Int
    /// Largest number of nodes a document may expand to once aliases are followed.
    public var maximumNodeCount: Int

    /// Compose through `YAMLEventComposer` when it can (tests turn it off to compare).
    var composesFromEvents = true

    public init(maximumFileSize: Int = 8 * 1024 * 1024, maximumNodeCount: Int = 200_000) {
        self.maximumFileSize = maximumFileSize
        self.maximumNodeCount = maximumNodeCount
    }

    /// Decodes raw bytes (rejecting invalid UTF-8 and oversize files) and loads them.
    public func load(data: Data, path: String) throws(DocumentLoadError) -> LocatedValue {
        let text = try SourceText.decode(data, path: path, limit: maximumFileSize, format: "YAML")
        return try load(text: text, path: path)
    }

    /// Parses YAML text. An empty document is `null`.
    /// Most keys in one mapping (a course needs dozens; 50,000 made schema checks quadratic).
    public static let maximumKeysPerMapping = 5_000

    public func load(text: String, path: String) throws(DocumentLoadError) -> LocatedValue {
        // Aliases can only be expanded (and hashed, when used as keys) if an anchor exists:
        // documents with both `&` and `*` are pre-scanned on libyaml's event stream first.
        if ByteSearch.contains(UInt8(ascii: "&"), in: text) && ByteSearch.contains(UInt8(ascii: "*"), in: text) {
            try YAMLAliasScan(maximumNodeCount: maximumNodeCount).scan(text, path: path)
        }
        // The documents course repositories hold are composed in one pass over libyaml's
        // events; anything unusual (and every error) goes through Yams, as before.
        if composesFromEvents, let value = YAMLEventComposer(path: path, maximumNodeCount: maximumNodeCount,
                                         maximumKeysPerMapping: Self.maximumKeysPerMapping).compose(text) {
            return value
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, Resolver.basic, Constructor.default, .utf8)
        } catch let error as YamlError {
            throw Self.translate(error, path: path, text: text)
        } catch {
            throw DocumentLoadError(
                kind: .syntax, location: .wholeFile(path),
                message: LocalizedText(en: "could not read YAML: \(error)", hi: "YAML पढ़ा नहीं जा सका: \(error)"))
        }
        guard let root else {
            return LocatedValue(.null, at: .wholeFile(path))
        }
        var budget = maximumNodeCount
        return try convert(root, path: path, budget: &budget)
    }

    private func convert(_ node: Node, path: String, budget: inout Int) throws(DocumentLoadError) -> LocatedValue {
        budget -= 1
        let location = Self.location(of: node, path: path)
        guard budget >= 0 else {
            throw DocumentLoadError(
                kind: .aliasExpansion, location: location,
                message: LocalizedText(
                    en: "document expands to more than \(maximumNodeCount) values (YAML anchors and aliases used to multiply content); refusing to load it",
                    hi: "दस्तावेज़ \(maximumNodeCount) से अधिक मानों में फैलता है (YAML anchor/alias से सामग्री कई गुना की गई है); इसे लोड करने से मना किया गया"))
        }
        switch node {
        case .scalar(let scalar):
            return LocatedValue(Self.resolve(scalar), at: location)
        case .alias:
            // Yams resolves aliases to their target while composing; kept for completeness.
            return LocatedValue(.null, at: location)
        case .sequence(let sequence):
            var items: [LocatedValue] = []
            items.reserveCapacity(sequence.count)
            for child in sequence {
                items.append(try convert(child, path: path, budget: &budget))
            }
            return LocatedValue(.array(items), at: location)
        case .mapping(let mapping):
            guard mapping.count <= Self.maximumKeysPerMapping else {
                throw DocumentLoadError(
                    kind: .limit, location: location,
                    message: LocalizedText(
                        en: "this mapping has \(mapping.count) keys, over coursekit's limit of \(Self.maximumKeysPerMapping)",
                        hi: "इस मैपिंग में \(mapping.count) कुंजियाँ हैं, जो coursekit की \(Self.maximumKeysPerMapping) की सीमा से अधिक है"))
            }
            var entries: [LocatedObject.Entry] = []
            entries.reserveCapacity(mapping.count)
            // Position of each key in `entries`: replacing a key (after a merge) is O(1), not
            // a scan of the whole mapping.
            var positions: [String: Int] = [:]
            var overridden: Set<Int> = []
            for (keyNode, valueNode) in mapping {
                let keyLocation = Self.location(of: keyNode, path: path)
                guard case .scalar(let keyScalar) = keyNode else {
                    throw DocumentLoadError(
                        kind: .unsupportedKey, location: keyLocation,
                        message: LocalizedText(
                            en: "a mapping key must be plain text, not a list or mapping",
                            hi: "मैपिंग की कुंजी सादा पाठ होनी चाहिए, सूची या मैपिंग नहीं"))
                }
                if keyScalar.string == "<<" && keyScalar.style == .plain {
                    // Merge keys (`<<: *defaults`) copy entries from another mapping.
                    try merge(valueNode, into: &entries, positions: &positions, path: path, budget: &budget)
                    continue
                }
                let value = try convert(valueNode, path: path, budget: &budget)
                let entry = LocatedObject.Entry(key: keyScalar.string, keyLocation: keyLocation, value: value)
                if let old = positions[keyScalar.string] {
                    // An explicit key overrides a merged one; it moves to the end, as before.
                    // (Marked and dropped below, so each override is O(1).)
                    overridden.insert(old)
                }
                positions[keyScalar.string] = entries.count
                entries.append(entry)
            }
            if !overridden.isEmpty {
                entries = entries.enumerated().filter { !overridden.contains($0.offset) }.map(\.element)
            }
            return LocatedValue(.object(LocatedObject(entries: entries)), at: location)
        }
    }

    private func merge(
        _ node: Node, into entries: inout [LocatedObject.Entry], positions: inout [String: Int], path: String, budget: inout Int
    ) throws(DocumentLoadError) {
        let sources: [Node]
        switch node {
        case .mapping: sources = [node]
        case .sequence(let sequence): sources = Array(sequence)
        default: sources = []
        }
        for source in sources {
            let merged = try convert(source, path: path, budget: &budget)
            for entry in merged.object?.entries ?? [] where positions[entry.key] == nil {
                positions[entry.key] = entries.count
                entries.append(entry)
            }
        }
    }

    private static func location(of node: Node, path: String) -> SourceLocation {
        guard let mark = node.mark else { return .wholeFile(path) }
        return SourceLocation(file: path, line: mark.line, column: mark.column)
    }

    /// YAML 1.2 core-schema resolution of a scalar; quoted and block scalars are always strings.
    static func resolve(_ scalar: Node.Scalar) -> LocatedValue.Content {
        resolve(scalar.string, plain: scalar.style == .plain || scalar.style == .any)
    }

    /// `resolve` for a scalar's text and whether it was written plain (not quoted, not a block).
    static func resolve(_ text: String, plain: Bool) -> LocatedValue.Content {
        guard plain else { return .string(text) }
        // Most plain scalars are words: only these first characters can start a null, a
        // boolean or a number.
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
             UInt8(ascii: "~"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
        default: return .string(text)
        }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .number(JSONNumber(literal: text, value: .infinity))
        case "-.inf", "-.Inf", "-.INF": return .number(JSONNumber(literal: text, value: -.infinity))
        default: break
        }
        if let number = numberValue(text) { return .number(number) }
        return .string(text)
    }

    private static func numberValue(_ text: String) -> JSONNumber? {
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
            || first == UInt8(ascii: ".") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
        else { return nil }
        if text.hasPrefix("0x"), let value = Int(text.dropFirst(2), radix: 16) {
            return JSONNumber(literal: String(value), value: Double(value))
        }
        if text.hasPrefix("0o"), let value = Int(text.dropFirst(2), radix: 8) {
            return JSONNumber(literal: String(value), value: Double(value))
        }
        let allowed = text.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "+")
        }
        guard allowed, text.contains(where: \.isNumber), let value = Double(text) else { return nil }
        let literal = text.hasPrefix("+") ? String(text.dropFirst()) : text
        return JSONNumber(literal: literal, value: value)
    }

    static func translate(_ error: YamlError, path: String, text: String = "") -> DocumentLoadError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.joined(separator: " ")
            let message = explain(problem: problem, context: context?.text ?? "", line: mark.line, column: mark.column, text: text)
                .map { LocalizedText(en: "YAML syntax error: " + $0.en, hi: "YAML वाक्य-रचना त्रुटि: " + $0.hi) }
                ?? LocalizedText(en: "YAML syntax error: \(detail)", hi: "YAML वाक्य-रचना त्रुटि (YAML का संदेश: \(detail))")
            return DocumentLoadError(
                kind: .syntax, location: SourceLocation(file: path, line: mark.line, column: mark.column), message: message)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.joined(separator: ", ")
            return DocumentLoadError(
                kind: .duplicateKey,
                location: SourceLocation(file: path, line: context.mark.line, column: context.mark.column),
                message: LocalizedText(
                    en: "key '\(keys)' appears more than once in the same mapping",
                    hi: "कुंजी '\(keys)' एक ही मैपिंग में एक से अधिक बार आई है"))
        case let .reader(problem, _, _, _):
            return DocumentLoadError(
                kind: .encoding, location: .wholeFile(path),
                message: LocalizedText(en: "could not read the file as text: \(problem)", hi: "फ़ाइल को पाठ के रूप में पढ़ा नहीं जा सका: \(problem)"))
        default:
            return DocumentLoadError(
                kind: .syntax, location: .wholeFile(path),
                message: LocalizedText(en: "could not read YAML: \(error)", hi: "YAML पढ़ा नहीं जा सका: \(error)"))
        }
    }

    /// libyaml's messages, said the way an author can act on them.
    static func explain(problem: String, context: String, line: Int, column: Int, text: String) -> LocalizedText? {
        // "\r\n" is one Character in Swift: split on both line endings.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        let source = line >= 1 && line <= lines.count ? lines[line - 1] : ""
        let character = source.unicodeScalars.dropFirst(max(column - 1, 0)).first
        let lineHasTab = source.prefix { $0 == " " || $0 == "\t" }.contains("\t")
        if problem.contains("tab character") || (problem.contains("cannot start any token") && (character == "\t" || lineHasTab)) {
            return LocalizedText(
                en: "YAML does not allow tab characters for indentation; use spaces (this line is indented with a tab)",
                hi: "YAML में इंडेंटेशन के लिए टैब की अनुमति नहीं है; स्पेस का उपयोग करें (यह पंक्ति टैब से इंडेंट की गई है)")
        }
        if problem.contains("cannot start any token"), let character {
            return LocalizedText(
                en: "a value cannot start with '\(character)'; put the text in quotes",
                hi: "कोई मान '\(character)' से शुरू नहीं हो सकता; पाठ को उद्धरण चिह्नों (\"…\") में रखें")
        }
        if problem.contains("mapping values are not allowed") {
            return LocalizedText(
                en: "this text contains ': ', which YAML reads as the start of a new key; put the text in quotes (\"…\")",
                hi: "इस पाठ में ': ' है, जिसे YAML नई कुंजी की शुरुआत समझता है; पाठ को उद्धरण चिह्नों (\"…\") में रखें")
        }
        if problem.contains("did not find expected ',' or '}'") || problem.contains("did not find expected ',' or ']'") {
            let closing = problem.contains("}") ? "}" : "]"
            return LocalizedText(
                en: "the list or mapping in { } or [ ] is not closed where YAML expects '\(closing)': text inside it that contains ',', ':', '{', '}', '[' or ']' must be put in quotes (\"…\")",
                hi: "{ } या [ ] वाली सूची/मैपिंग वहाँ बंद नहीं होती जहाँ YAML '\(closing)' की अपेक्षा करता है: इसके भीतर ',', ':', '{', '}', '[' या ']' वाले पाठ को उद्धरण चिह्नों (\"…\") में रखें")
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-' indicator") {
            return LocalizedText(
                en: "the indentation of this line does not fit the lines above it: keys of one mapping, and items of one list, start in the same column",
                hi: "इस पंक्ति का इंडेंटेशन ऊपर की पंक्तियों से मेल नहीं खाता: एक मैपिंग की कुंजियाँ और एक सूची के आइटम एक ही कॉलम से शुरू होते हैं")
        }
        if problem.contains("could not find expected ':'") {
            return LocalizedText(
                en: "YAML expected 'key: value' here: a text that goes on to the next line must be indented under its key, or put in quotes",
                hi: "YAML को यहाँ 'कुंजी: मान' अपेक्षित था: अगली पंक्ति तक जाने वाला पाठ अपनी कुंजी के नीचे इंडेंट करें, या उद्धरण चिह्नों में रखें")
        }
        if problem.contains("unexpected end of stream") && context.contains("quoted scalar") {
            return LocalizedText(
                en: "a quotation mark opened here is never closed; add the closing quote",
                hi: "यहाँ खुला उद्धरण चिह्न कहीं बंद नहीं होता; बंद करने वाला उद्धरण चिह्न जोड़ें")
        }
        if problem.contains("found undefined alias") || problem.contains("found unknown escape") {
            return LocalizedText(
                en: "YAML reads '*', '&' or '\\' here as a special character; put the text in quotes (\"…\"), or single quotes for a backslash",
                hi: "YAML यहाँ '*', '&' या '\\' को विशेष चिह्न मानता है; पाठ को उद्धरण चिह्नों (\"…\") में रखें, बैकस्लैश के लिए एकल उद्धरण ('…')")
        }
        return nil
    }
}
