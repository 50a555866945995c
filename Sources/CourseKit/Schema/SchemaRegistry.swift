/// The schema documents a `JSONSchema` may refer to with `$ref`, `$dynamicRef` or `$schema`,
/// each registered under the URI it is retrieved by. Registering indexes the document once:
/// every embedded schema resource (`$id`), `$anchor` and `$dynamicAnchor` it declares becomes
/// resolvable. Nothing is fetched from the network; a reference to an unregistered URI is a
/// `SchemaLoadError` when the schema is compiled.
public struct SchemaRegistry: Sendable {
    /// Registered documents by retrieval URI (without fragment).
    var documents: [String: LocatedValue] = [:]
    /// Schema resources (document roots and `$id`s) by absolute URI without fragment.
    var resources: [String: SchemaAddress] = [:]
    /// `$anchor` and `$dynamicAnchor` names, keyed `resourceURI#name`.
    var anchors: [String: SchemaAddress] = [:]
    /// `$dynamicAnchor` names of each resource: resource URI → name → schema.
    var dynamicAnchors: [String: [String: SchemaAddress]] = [:]
    /// Base URI and `$schema` dialect of every schema position found while indexing.
    var positions: [SchemaAddress: SchemaPosition] = [:]
    /// The index keys each document added, so that a document can be registered again.
    private var ownedKeys: [String: OwnedKeys] = [:]

    private struct OwnedKeys: Sendable {
        var resources: [String] = []
        var anchors: [String] = []
        var dynamicResources: [String] = []
    }

    public init() {}

    /// Registers `document` under `uri` (an absolute URI such as
    /// `https://coursekit.example/schemas/common.schema.json`; a relative one is taken relative
    /// to `coursekit:///`). Throws when the URI is already registered, when the document
    /// declares the same `$id` or anchor twice, or when an `$id` is not a plain URI.
    public mutating func register(_ document: LocatedValue, uri: String) throws(SchemaLoadError) {
        try register(document, uri: uri, replacing: false)
    }

    /// Whether a document is registered under `uri`.
    public func contains(uri: String) -> Bool {
        documents[Self.normalizedDocumentURI(uri)] != nil
    }

    static let anonymousBase = SchemaURI(parsing: "coursekit:///")

    static func normalizedDocumentURI(_ uri: String) -> String {
        anonymousBase.resolving(uri).withoutFragment.description
    }

    mutating func register(_ document: LocatedValue, uri: String, replacing: Bool) throws(SchemaLoadError) {
        let parsed = Self.anonymousBase.resolving(uri)
        if let fragment = parsed.fragment, !fragment.isEmpty {
            throw SchemaLoadError(
                location: document.location,
                message: SchemaMessages.documentURIHasFragment(uri))
        }
        let key = parsed.withoutFragment.description
        if documents[key] != nil {
            guard replacing else {
                throw SchemaLoadError(location: document.location, message: SchemaMessages.duplicateDocument(key))
            }
            unregister(key)
        }
        // Index into a scratch copy first, so a failed registration leaves the registry as it was.
        var scratch = self
        scratch.documents[key] = document
        var owned = OwnedKeys()
        let root = SchemaAddress(document: key, pointer: "")
        try scratch.addResource(key, at: root, location: document.location, owned: &owned)
        try scratch.index(document, at: root, base: parsed.withoutFragment, dialect: nil, owned: &owned)
        scratch.ownedKeys[key] = owned
        self = scratch
    }

    private mutating func unregister(_ key: String) {
        documents[key] = nil
        if let owned = ownedKeys.removeValue(forKey: key) {
            for resource in owned.resources { resources[resource] = nil }
            for anchor in owned.anchors { anchors[anchor] = nil }
            for resource in owned.dynamicResources { dynamicAnchors[resource] = nil }
        }
    }

    private mutating func addResource(_ uri: String, at address: SchemaAddress, location: SourceLocation, owned: inout OwnedKeys) throws(SchemaLoadError) {
        if let existing = resources[uri] {
            if existing == address { return }
            throw SchemaLoadError(location: location, message: SchemaMessages.duplicateIdentifier(uri))
        }
        resources[uri] = address
        owned.resources.append(uri)
    }

    /// Walks the schema positions of a document (only keywords whose values are schemas, so an
    /// `$id` inside `enum` or `const` is data, not an identifier).
    private mutating func index(
        _ value: LocatedValue, at address: SchemaAddress, base: SchemaURI, dialect: String?, owned: inout OwnedKeys
    ) throws(SchemaLoadError) {
        guard case .object(let object) = value.content else {
            positions[address] = SchemaPosition(base: base, dialect: dialect)
            return
        }
        var base = base
        var dialect = dialect
        if let idEntry = object.entry("$id"), let id = idEntry.value.string {
            let resolved = base.resolving(id)
            if let fragment = resolved.fragment, !fragment.isEmpty {
                throw SchemaLoadError(location: idEntry.value.location, message: SchemaMessages.identifierHasFragment(id))
            }
            base = resolved.withoutFragment
            try addResource(base.description, at: address, location: idEntry.value.location, owned: &owned)
        }
        if let schema = object["$schema"]?.string { dialect = schema }
        positions[address] = SchemaPosition(base: base, dialect: dialect)
        let baseKey = base.description
        for keyword in ["$anchor", "$dynamicAnchor"] {
            guard let entry = object.entry(keyword), let name = entry.value.string else { continue }
            let anchorKey = baseKey + "#" + name
            if let existing = anchors[anchorKey], existing != address {
                // `$anchor` and `$dynamicAnchor` of the same name on one schema are fine.
                throw SchemaLoadError(location: entry.value.location, message: SchemaMessages.duplicateAnchor(name, baseKey))
            }
            if anchors[anchorKey] == nil {
                anchors[anchorKey] = address
                owned.anchors.append(anchorKey)
            }
            if keyword == "$dynamicAnchor" {
                if dynamicAnchors[baseKey] == nil { owned.dynamicResources.append(baseKey) }
                dynamicAnchors[baseKey, default: [:]][name] = address
            }
        }
        for entry in object.entries {
            let pointer = address.pointer + "/" + JSONPointer.escape(entry.key)
            switch SchemaVocabulary.subschemaShape(of: entry.key) {
            case .single:
                try index(entry.value, at: SchemaAddress(document: address.document, pointer: pointer), base: base, dialect: dialect, owned: &owned)
            case .map:
                guard case .object(let members) = entry.value.content else { continue }
                for member in members.entries {
                    let memberPointer = pointer + "/" + JSONPointer.escape(member.key)
                    try index(member.value, at: SchemaAddress(document: address.document, pointer: memberPointer), base: base, dialect: dialect, owned: &owned)
                }
            case .list:
                guard case .array(let items) = entry.value.content else { continue }
                for (offset, item) in items.enumerated() {
                    try index(item, at: SchemaAddress(document: address.document, pointer: pointer + "/\(offset)"), base: base, dialect: dialect, owned: &owned)
                }
            case nil:
                continue
            }
        }
    }

    // MARK: Resolution (used by the compiler)

    /// The base URI and dialect that apply at `address`, found by the nearest indexed position
    /// at or above it (a reference may point into a place the index did not visit).
    func position(of address: SchemaAddress) -> SchemaPosition {
        var pointer = address.pointer
        while true {
            if let found = positions[SchemaAddress(document: address.document, pointer: pointer)] { return found }
            guard let slash = pointer.lastIndex(of: "/") else { break }
            pointer = String(pointer[..<slash])
        }
        return SchemaPosition(base: SchemaURI(parsing: address.document), dialect: nil)
    }

    /// Resolves a `$ref`/`$dynamicRef` value against `base` to the schema it names, or `nil`.
    func resolve(_ reference: String, against base: SchemaURI) -> SchemaAddress? {
        let target = base.resolving(reference)
        let resourceKey = target.withoutFragment.description
        let fragment = SchemaURI.percentDecode(target.fragment ?? "")
        if fragment.isEmpty { return resources[resourceKey] }
        if fragment.hasPrefix("/") {
            guard let resource = resources[resourceKey],
                let document = documents[resource.document]
            else { return nil }
            let address = SchemaAddress(document: resource.document, pointer: resource.pointer + fragment)
            guard JSONPointer.resolve(address.pointer, in: document) != nil else { return nil }
            return address
        }
        return anchors[resourceKey + "#" + fragment]
    }

    func value(at address: SchemaAddress) -> LocatedValue? {
        guard let document = documents[address.document] else { return nil }
        return JSONPointer.resolve(address.pointer, in: document)
    }
}

/// A place in a registered document: its retrieval URI and a JSON Pointer (escaped form).
struct SchemaAddress: Hashable, Sendable {
    var document: String
    var pointer: String

    var description: String { document + "#" + pointer }
}

/// What applies at a schema position: the base URI for resolving references and the `$schema`
/// dialect in force (nil: the default, draft 2020-12).
struct SchemaPosition: Sendable {
    var base: SchemaURI
    var dialect: String?
}
