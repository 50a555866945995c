/// Web addresses and domain names in lessons and quizzes are either reserved example domains
/// (RFC 2606 and RFC 6761: example.com, example.net, example.org and names under .example,
/// .test, .invalid, .localhost) or official domains on the allow-list. A made-up address that
/// looks real (a quiz distractor such as a lookalike of a government portal) could be
/// registered by anyone and send learners to a live fraud site.
public struct ExampleDomainReserved: Rule {
    public static let descriptor = RuleDescriptor(
        id: "example-domain-reserved", defaultSeverity: .error,
        parameters: [allowedDomainsParameter],
        summary: LocalizedText(
            en: "domains in lessons and quizzes are official or reserved example domains",
            hi: "पाठों और क्विज़ में डोमेन आधिकारिक हों या आरक्षित उदाहरण-डोमेन"),
        triggering: [
            RuleExample(Examples.replacing("c/m/lessons/a.hi.md", with: "# स्वागत\n\nशिकायत यहाँ करें: 1️⃣cyberpolice.com\n", in: Examples.replacing("c/m/lessons/a.md", with: "# Welcome\n\nReport fraud on 1️⃣cyberpolice.com today.\n", in: Examples.courseFiles))),
        ],
        nonTriggering: [
            RuleExample(Examples.replacing("c/m/lessons/a.md", with: "# Welcome\n\nReport fraud on cybercrime.gov.in today.\n", in: Examples.courseFiles)),
        ])
    public static let defaultAllowed = ["gov.in", "nic.in", "mygov.in", "cert-in.org.in", "rbi.org.in", "npci.org.in"]
    static let allowedDomainsParameter = RuleParameter(
        "allowedDomains", default: .texts(defaultAllowed),
        summary: LocalizedText(en: "official domains; a domain matches when it is one of these or under one", hi: "आधिकारिक डोमेन; कोई डोमेन इनमें से एक हो या इनके अंतर्गत हो तो मान्य"))
    /// Top-level domains treated as web addresses in prose (file extensions such as .md or .pdf
    /// are not among them).
    static let topLevelDomains: Set<String> = [
        "com", "net", "org", "in", "info", "io", "co", "biz", "xyz", "online", "site", "top", "app", "dev", "me", "us",
        "uk", "ai", "tech", "store", "shop", "live", "club", "news", "link", "click", "gov", "edu", "int", "mil", "cc",
        "tk", "ml", "ga", "cf", "gq", "pw", "ru", "cn", "de", "fr", "jp", "au", "ca", "eu", "asia", "mobi", "pro",
        "name", "tv", "ws", "support", "help", "services", "bank", "money", "loan", "win", "vip", "icu", "buzz",
        "example", "test", "invalid", "localhost",
    ]
    static let reservedTopLevel: Set<String> = ["example", "test", "invalid", "localhost"]
    static let reservedSecondLevel = ["example.com", "example.net", "example.org"]
    let allowed: [String]

    public init(options: RuleOptions) throws(ToolError) {
        allowed = try options.strings(Self.allowedDomainsParameter).map { $0.lowercased() }
        try options.finish()
    }

    public func check(_ catalogue: Catalogue) -> [Finding] {
        var texts = SourceTexts(repository: catalogue.repository)
        var findings: [Finding] = []
        func report(_ spans: [SourceTexts.Span]) {
            for span in spans {
                for (domain, offset) in Self.domains(in: span.text) where !isAcceptable(domain) {
                    findings.append(finding(at: texts.location(of: domain, at: offset, in: span), domain))
                }
            }
        }
        for path in catalogue.quizzes.keys.sorted() {
            // Only the texts that name a domain are looked at again below.
            if let quiz = catalogue.quizzes[path] { report(texts.spans(of: quiz.file) { !Self.domains(in: $0).isEmpty }) }
        }
        for edition in SourceTexts.lessonEditions(catalogue) {
            report(texts.spans(of: edition, body: false))
            // One scan of the whole body; most lessons name no domain, and the few matches of
            // the others are placed without cutting the body into spans.
            guard let document = edition.markdown else { continue }
            let found = Self.domains(in: document.body)
            guard !found.isEmpty else { continue }
            let locations = SourceTexts.bodyLocations(of: document, offsets: found.map(\.1))
            for ((domain, _), location) in zip(found, locations) where !isAcceptable(domain) {
                if let location { findings.append(finding(at: location, domain)) }
            }
        }
        return findings
    }

    private func finding(at location: SourceLocation, _ domain: String) -> Finding {
        finding(at: location, LocalizedText(
            en: "'\(domain)' is neither an official domain nor a reserved example domain; a made-up address like this may be a real site",
            hi: "'\(domain)' न तो आधिकारिक डोमेन है और न आरक्षित उदाहरण-डोमेन; ऐसा गढ़ा हुआ पता कोई असली साइट हो सकता है"),
            hint: LocalizedText(
                en: "for an invented address use a reserved name such as '\(Self.suggestion(for: domain))'; for a real official site add its domain to allowedDomains",
                hi: "गढ़े हुए पते के लिए '\(Self.suggestion(for: domain))' जैसा आरक्षित नाम लें; असली आधिकारिक साइट हो तो उसका डोमेन allowedDomains में जोड़ें"))
    }

    func isAcceptable(_ domain: String) -> Bool {
        let lower = domain.lowercased()
        if let tld = lower.split(separator: ".").last, Self.reservedTopLevel.contains(String(tld)) { return true }
        for suffix in Self.reservedSecondLevel + allowed where lower == suffix || lower.hasSuffix("." + suffix) { return true }
        return false
    }

    /// `upjansunwai.com` → `upjansunwai.example`.
    static func suggestion(for domain: String) -> String {
        var labels = domain.lowercased().split(separator: ".").map(String.init)
        if labels.first == "www" { labels.removeFirst() }
        if labels.count > 1 { labels.removeLast() }
        return labels.joined(separator: "-") + ".example"
    }

    /// Domain names in a text with their scalar offsets: runs of ASCII letters, digits, dots and
    /// hyphens with at least two labels, ending in a known top-level domain. The text is read as
    /// UTF-8 bytes (every domain byte is ASCII; no other scalar has an ASCII byte). This rule reads
    /// every lesson line, and most have no dot: `memchr` finds the dots, each widened to its run
    /// of domain bytes (a run is read once, whatever its dots); scalars are counted only up to
    /// the runs that name a domain.
    static func domains(in text: String) -> [(String, Int)] {
        var found: [(String, Int)] = []
        var text = text
        text.withUTF8 { bytes in
            var searched = 0  // the dots before this byte are in runs already read
            var counted = 0, scalars = 0  // `scalars`: scalars before byte `counted`
            while let dot = ByteSearch.firstIndex(of: UInt8(ascii: "."), in: bytes, from: searched) {
                var start = dot, end = dot + 1
                while start > 0, isDomainByte(bytes[start - 1]) { start -= 1 }
                while end < bytes.count, isDomainByte(bytes[end]) { end += 1 }
                searched = end
                guard let (name, offset) = domain(in: UnsafeBufferPointer(rebasing: bytes[start..<end])) else { continue }
                while counted < start + offset {
                    // A scalar starts at every byte that is not a UTF-8 continuation byte.
                    if bytes[counted] & 0xC0 != 0x80 { scalars += 1 }
                    counted += 1
                }
                found.append((name, scalars))
            }
        }
        return found
    }

    private static func isDomainByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x61...0x7A, 0x41...0x5A, 0x30...0x39, 0x2E, 0x2D: true
        default: false
        }
    }

    /// The domain a run of domain bytes names once stripped of leading and trailing dots and
    /// hyphens, with its offset in the run; nil when it names none.
    private static func domain(in run: UnsafeBufferPointer<UInt8>) -> (String, Int)? {
        let dot = UInt8(ascii: "."), dash = UInt8(ascii: "-")
        var start = 0, stop = run.count
        while start < stop, run[start] == dot || run[start] == dash { start += 1 }
        while stop > start, run[stop - 1] == dot || run[stop - 1] == dash { stop -= 1 }
        guard stop > start, run[start..<stop].contains(dot) else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: run[start..<stop]), as: UTF8.self)
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 }),
              let tld = labels.last?.lowercased(), topLevelDomains.contains(tld) else { return nil }
        return (name, start)
    }
}
