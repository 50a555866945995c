import CYaml

/// A pre-scan of a YAML document on libyaml's event stream, before Yams composes it.
///
/// Yams hashes every mapping key while composing (to find duplicates); a key that is an alias
/// of a "billion laughs" structure is hashed in its fully expanded form, which never ends. The
/// scan refuses, before composing: any alias or collection used as a mapping key
/// (`yaml-complex-key`, coursekit accepts only plain-text keys anyway), and documents whose
/// aliases would expand to more than `maximumNodeCount` values (`yaml-alias-bomb`). It is
/// linear in the events and keeps one count per anchor.
struct YAMLAliasScan {
    var maximumNodeCount: Int

    private struct Frame {
        var isMapping: Bool
        /// In a mapping: whether the next node is a key.
        var expectKey: Bool
        /// Expanded size of the collection so far.
        var size: Int
        var anchor: String?
    }

    func scan(_ text: String, path: String) throws(DocumentLoadError) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        var utf8 = Array(text.utf8)
        try utf8.withUnsafeMutableBufferPointer { (buffer) throws(DocumentLoadError) in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            try run(&parser, path: path)
        }
    }

    private func run(_ parser: inout yaml_parser_t, path: String) throws(DocumentLoadError) {
        var sizes: [String: Int] = [:]
        var stack: [Frame] = []
        var total = 0
        while true {
            var event = yaml_event_t()
            // Syntax errors are left to the real parse, which reports them with context.
            guard yaml_parser_parse(&parser, &event) == 1 else { return }
            defer { yaml_event_delete(&event) }
            let type = event.type
            if type == YAML_STREAM_END_EVENT { return }
            let mark = event.start_mark
            let location = SourceLocation(file: path, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
            var nodeSize: Int?
            var opensCollection = false
            var collectionAnchor: String?
            var isMapping = false
            switch type {
            case YAML_SCALAR_EVENT:
                nodeSize = 1
                if let anchor = YAMLEventComposer.anchorName(event.data.scalar.anchor) { sizes[anchor] = 1 }
            case YAML_ALIAS_EVENT:
                let name = YAMLEventComposer.anchorName(event.data.alias.anchor) ?? ""
                nodeSize = sizes[name] ?? 1
            case YAML_SEQUENCE_START_EVENT:
                opensCollection = true
                collectionAnchor = YAMLEventComposer.anchorName(event.data.sequence_start.anchor)
            case YAML_MAPPING_START_EVENT:
                opensCollection = true
                isMapping = true
                collectionAnchor = YAMLEventComposer.anchorName(event.data.mapping_start.anchor)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { continue }
                if let anchor = frame.anchor { sizes[anchor] = frame.size }
                nodeSize = frame.size
                // The closed collection counts as one node of its parent, below.
                try add(frame.size, to: &stack, total: &total, location: location, countTotal: false)
                continue
            default:
                continue
            }
            // Is this node a key of the enclosing mapping?
            if let last = stack.indices.last, stack[last].isMapping {
                if stack[last].expectKey && (type == YAML_ALIAS_EVENT || opensCollection) {
                    throw DocumentLoadError(
                        kind: .unsupportedKey, location: location,
                        message: LocalizedText(
                            en: "a mapping key must be plain text, not an alias, list or mapping",
                            hi: "मैपिंग की कुंजी सादा पाठ होनी चाहिए, alias, सूची या मैपिंग नहीं"))
                }
                stack[last].expectKey.toggle()
            }
            if opensCollection {
                stack.append(Frame(isMapping: isMapping, expectKey: true, size: 1, anchor: collectionAnchor))
                total += 1
            } else if let nodeSize {
                try add(nodeSize, to: &stack, total: &total, location: location, countTotal: true)
            }
        }
    }

    private func add(
        _ size: Int, to stack: inout [Frame], total: inout Int, location: SourceLocation, countTotal: Bool
    ) throws(DocumentLoadError) {
        if let last = stack.indices.last {
            stack[last].size = min(stack[last].size + size, Int.max / 4)
        }
        if countTotal { total = min(total + size, Int.max / 4) }
        guard total <= maximumNodeCount, (stack.last?.size ?? 0) <= maximumNodeCount else {
            throw DocumentLoadError(
                kind: .aliasExpansion, location: location,
                message: LocalizedText(
                    en: "document expands to more than \(maximumNodeCount) values (YAML anchors and aliases used to multiply content); refusing to load it",
                    hi: "दस्तावेज़ \(maximumNodeCount) से अधिक मानों में फैलता है (YAML anchor/alias से सामग्री कई गुना की गई है); इसे लोड करने से मना किया गया"))
        }
    }
}
