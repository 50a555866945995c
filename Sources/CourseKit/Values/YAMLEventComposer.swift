import CYaml

/// Builds a `LocatedValue` straight from libyaml's event stream: the fast path of
/// `YAMLDocumentLoader` for the documents course repositories are made of.
///
/// Composing through Yams first builds its own node tree (a tag object and a resolver pass per
/// scalar, a dictionary per mapping to find duplicate keys), then converts it: about half of
/// loading a catalogue. This composer makes the same values in one pass, without recursion
/// (an explicit stack). It gives up — `nil` — on anything it does not decide exactly as the
/// Yams path does: syntax errors, several documents, duplicate or non-text keys, merge keys
/// (`<<`), undefined or self-referencing aliases, more than `maximumKeysPerMapping` keys, or a
/// document that expands to more than half of `maximumNodeCount` values. The caller then
/// composes with Yams, which reports the problem with the usual message.
struct YAMLEventComposer {
    var path: String
    var maximumNodeCount: Int
    var maximumKeysPerMapping: Int

    /// A collection being composed.
    private struct Frame {
        var location: SourceLocation
        var anchor: String?
        /// Values in the collection once aliases are expanded, itself included.
        var size = 1
        var isMapping: Bool
        var items: [LocatedValue] = []
        var entries: [LocatedObject.Entry] = []
        /// The keys so far, once there are many (a few are compared one by one).
        var keys: Set<String>?
        /// In a mapping: the key read, waiting for its value.
        var key: (text: String, location: SourceLocation)?
    }

    /// A finished node: its value, expanded size, and (for a scalar) whether it may be a key.
    private struct Node {
        var value: LocatedValue
        var size: Int
        /// The scalar's text when the node is a scalar that is not a merge key (`<<`).
        var keyText: String?
    }

    func compose(_ text: String) -> LocatedValue? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            return run(&parser)
        }
    }

    private func run(_ parser: inout yaml_parser_t) -> LocatedValue? {
        var stack: [Frame] = []
        var anchors: [String: (value: LocatedValue, size: Int)] = [:]
        var documents = 0
        var total = 0
        var root: LocatedValue?
        let budget = maximumNodeCount / 2
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            let mark = event.start_mark
            let location = SourceLocation(file: path, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
            var finished: Node?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return documents == 0 ? LocatedValue(.null, at: .wholeFile(path)) : root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                guard documents == 1 else { return nil }
                continue
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
                let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE || scalar.style == YAML_ANY_SCALAR_STYLE
                let value = LocatedValue(YAMLDocumentLoader.resolve(text, plain: plain), at: location)
                finished = Node(value: value, size: 1, keyText: text == "<<" && plain ? nil : text)
                if let anchor = Self.anchorName(scalar.anchor) { anchors[anchor] = (value, 1) }
                total += 1
            case YAML_ALIAS_EVENT:
                guard let name = Self.anchorName(event.data.alias.anchor), let target = anchors[name] else { return nil }
                finished = Node(value: target.value, size: target.size, keyText: nil)
                total += target.size
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                // A collection cannot be a key.
                if let top = stack.last, top.isMapping, top.key == nil { return nil }
                let anchor = Self.anchorName(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                stack.append(Frame(location: location, anchor: anchor, isMapping: isMapping))
                total += 1
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast(), frame.key == nil else { return nil }
                let value = frame.isMapping
                    ? LocatedValue(.object(LocatedObject(entries: frame.entries)), at: frame.location)
                    : LocatedValue(.array(frame.items), at: frame.location)
                if let anchor = frame.anchor { anchors[anchor] = (value, frame.size) }
                finished = Node(value: value, size: frame.size, keyText: nil)
            default:
                continue
            }
            guard total <= budget else { return nil }
            guard let node = finished else { continue }
            guard let top = stack.indices.last else {
                root = node.value
                continue
            }
            if !stack[top].isMapping {
                stack[top].items.append(node.value)
                stack[top].size += node.size
            } else if let key = stack[top].key {
                stack[top].entries.append(LocatedObject.Entry(key: key.text, keyLocation: key.location, value: node.value))
                stack[top].size += node.size
                stack[top].key = nil
                guard stack[top].entries.count <= maximumKeysPerMapping else { return nil }
            } else {
                // A key: plain text only (an alias or `<<` goes to Yams), and only once.
                guard let text = node.keyText, Self.isNew(text, in: &stack[top]) else { return nil }
                stack[top].key = (text, node.value.location)
            }
        }
    }

    /// Whether `key` is not yet a key of the mapping `frame` (and records it).
    private static func isNew(_ key: String, in frame: inout Frame) -> Bool {
        if frame.keys == nil {
            guard frame.entries.count >= 16 else { return !frame.entries.contains { $0.key == key } }
            frame.keys = Set(frame.entries.map(\.key))
        }
        return frame.keys!.insert(key).inserted
    }

    /// An anchor's or alias's name from a libyaml event (also read by `YAMLAliasScan`).
    static func anchorName(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}
