import ArgumentParser
import CourseKit
import Foundation

/// `coursekit preview`: writes a static HTML site of the lessons and quizzes, to read them as
/// learners will; with `--serve`, serves a live one on 127.0.0.1 that rebuilds on every change,
/// reloads the open page and shows each file's findings beside its content.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: HelpLanguage.text(
            "Preview the courses as HTML: a static site (every lesson and quiz in every language), or a live one with --serve.",
            "पाठ्यक्रमों का HTML पूर्वावलोकन: स्थिर साइट (हर भाषा में हर पाठ और प्रश्नोत्तरी), या --serve से लाइव।"),
        discussion: HelpLanguage.text("""
            Without --serve, the site is written to --out (a folder preview owns: absent, empty, or an earlier preview); preview refuses to run while structural errors exist.
            With --serve, nothing is written: the site is served from memory on http://127.0.0.1:PORT/ only (the first line printed gives the address), rebuilt whenever a file of the repository changes, and the open page reloads itself. Each page shows the findings of 'coursekit validate' for its files, even when files are broken. Ctrl-C (SIGINT) or SIGTERM stops the server: it closes its socket, prints one line and exits with status 130 (143 for SIGTERM), like every coursekit command that is interrupted.
            """, """
            --serve के बिना साइट --out में लिखी जाती है (ऐसा फ़ोल्डर जो preview का है: अनुपस्थित, खाली, या पिछला पूर्वावलोकन); संरचनात्मक त्रुटियाँ रहते preview नहीं चलता।
            --serve के साथ कुछ भी लिखा नहीं जाता: साइट मेमोरी से केवल http://127.0.0.1:PORT/ पर परोसी जाती है (पहली छपी पंक्ति में पता होता है), रिपॉज़िटरी की कोई भी फ़ाइल बदलते ही फिर से बनती है, और खुला पृष्ठ अपने-आप दोबारा लोड होता है। हर पृष्ठ पर उसकी फ़ाइलों के लिए 'coursekit validate' की समस्याएँ दिखती हैं, फ़ाइलें टूटी हों तब भी। Ctrl-C (SIGINT) या SIGTERM सर्वर रोकता है: सॉकेट बंद करता है, एक पंक्ति छापता है और स्थिति 130 (SIGTERM पर 143) से निकलता है, जैसे बीच में रोका गया हर coursekit आदेश।
            """)
    )

    @Argument(help: .init(HelpLanguage.text("Course folders or a repository (default: the current folder).", "पाठ्यक्रम फ़ोल्डर या रिपॉज़िटरी (डिफ़ॉल्ट: वर्तमान फ़ोल्डर)।")))
    var paths: [String] = []

    @Option(help: .init(HelpLanguage.text("Folder to write the static preview into.", "स्थिर पूर्वावलोकन लिखने का फ़ोल्डर।")))
    var out: String = "preview"

    @Flag(help: .init(HelpLanguage.text(
        "Serve a live preview on 127.0.0.1 that rebuilds and reloads on every change, with findings beside the content.",
        "127.0.0.1 पर लाइव पूर्वावलोकन चलाएँ जो हर बदलाव पर फिर से बनता और लोड होता है, सामग्री के साथ समस्याएँ दिखाते हुए।")))
    var serve = false

    @Option(help: .init(HelpLanguage.text("Port for --serve (0 picks a free one).", "--serve के लिए पोर्ट (0 से कोई खाली पोर्ट)।")))
    var port: UInt16 = 8000

    @Option(help: .init(HelpLanguage.text("Language of messages: en or hi.", "संदेशों की भाषा: en या hi।")))
    var lang: MessageLanguage?

    func run() throws {
        let language = lang ?? .fromEnvironment()
        do {
            if serve {
                try serveLive(language: language)
            }
            let catalogue = try Validator(workingDirectory: CurrentDirectory.url).loadCatalogue(paths: paths)
            let output = out.hasPrefix("/") ? URL(fileURLWithPath: out) : CurrentDirectory.url.appendingPathComponent(out)
            let pages = try PreviewSite(catalogue: catalogue).write(to: output)
            Terminal.writeError(language == .hi
                ? "\(pages) पाठ-पृष्ठ \(out)/index.html में लिखे गए"
                : "wrote \(pages) lesson pages; open \(out)/index.html")
        } catch {
            Terminal.writeError("coursekit: " + error.text(in: language))
            throw ExitCode(2)
        }
    }

    /// Serves until a signal ends the process (see the discussion); never returns normally.
    private func serveLive(language: MessageLanguage) throws(ToolError) -> Never {
        let live = LivePreview(workingDirectory: CurrentDirectory.url, paths: paths, messages: language)
        let server = try HTTPServer(port: port) { request in live.respond(to: request) }
        let address = "http://127.0.0.1:\(server.port)/"
        TemporaryFiles.onTermination {
            server.stop()
            live.stop()
            Terminal.write(language == .hi ? "पूर्वावलोकन रोका गया (\(address))\n" : "Stopped serving \(address)\n")
        }
        live.start()
        server.start()
        Terminal.write(language == .hi
            ? "Serving \(address) — रोकने के लिए Ctrl-C दबाएँ\n"
            : "Serving \(address) — press Ctrl-C to stop\n")
        while true { sleep(3600) }
    }
}
