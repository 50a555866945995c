import ArgumentParser
import CourseKit
import Foundation

/// `coursekit init [DIR]`: a department repository that validates clean at once.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: HelpLanguage.text("Create a department's course repository: configuration, CI, editor settings, the standard library and a first bilingual course.", "विभाग की पाठ्यक्रम रिपॉज़िटरी बनाएँ: कॉन्फ़िगरेशन, CI, एडिटर सेटिंग, मानक लाइब्रेरी और पहला द्विभाषी पाठ्यक्रम।"),
        discussion: HelpLanguage.text("Never overwrites: DIR must not exist or be empty (exit 2 otherwise). Everything it writes validates clean with 'coursekit validate'.", "कभी कुछ नहीं बदलता: DIR मौजूद न हो या खाली हो (अन्यथा निकास-स्थिति 2)। इसकी लिखी हर चीज़ 'coursekit validate' में बिना समस्या के पास होती है।")
    )

    @Argument(help: .init(HelpLanguage.text("Folder to create the repository in (default: the current folder, which must be empty).", "जिस फ़ोल्डर में रिपॉज़िटरी बने (डिफ़ॉल्ट: वर्तमान फ़ोल्डर, जो खाली होना चाहिए)।")))
    var directory: String = "."

    @OptionGroup var language: LanguageOption

    func run() throws {
        let language = self.language.messageLanguage
        let hi = language == .hi
        let target = directory.hasPrefix("/") ? URL(fileURLWithPath: directory) : CurrentDirectory.url.appendingPathComponent(directory)
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let existed = manager.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if existed {
            let entries = (try? manager.contentsOfDirectory(atPath: target.path)) ?? ["?"]
            guard isDirectory.boolValue, entries.isEmpty else {
                Terminal.writeError(hi
                    ? "coursekit: \(directory) पहले से मौजूद है और खाली नहीं है; init कुछ भी नहीं बदलता — नया या खाली फ़ोल्डर दें"
                    : "coursekit: \(directory) already exists and is not empty; init never overwrites — name a new or empty folder")
                throw ExitCode(2)
            }
        }
        do {
            try CourseKitScaffolder.writeRepository(at: target)
        } catch {
            // Nothing is left behind: remove what was written.
            if existed {
                for entry in (try? manager.contentsOfDirectory(atPath: target.path)) ?? [] {
                    try? manager.removeItem(at: target.appendingPathComponent(entry))
                }
            } else {
                try? manager.removeItem(at: target)
            }
            Terminal.writeErrorLines("coursekit: " + ((error as? ToolError)?.text(in: language) ?? "\(error)"))
            throw ExitCode(2)
        }
        Terminal.writeErrorLines(hi ? """
            \(directory) में विभाग की रिपॉज़िटरी बनाई गई:
              coursekit.yaml, coursekit.lock, libraries/up-karmayogi/ (राज्य के मानक मॉड्यूल), courses/first-course/,
              .github/workflows/coursekit.yml, .vscode/settings.json, .gitignore, README.md
            आगे:  cd \(directory) && coursekit validate
            """ : """
            created a department repository in \(directory):
              coursekit.yaml, coursekit.lock, libraries/up-karmayogi/ (the state's standard modules), courses/first-course/,
              .github/workflows/coursekit.yml, .vscode/settings.json, .gitignore, README.md
            next:  cd \(directory) && coursekit validate
            """)
    }
}

enum CourseKitScaffolder {
    static func write(_ files: Scaffold.Files, into folder: URL) throws {
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard !FileManager.default.fileExists(atPath: url.path) else {
                throw ToolError(LocalizedText(en: "\(url.path) already exists; not overwritten", hi: "\(url.path) पहले से मौजूद है; बदली नहीं गई"))
            }
            try Data(file.text.utf8).write(to: url)
        }
    }

    static func writeRepository(at target: URL) throws {
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try write(Scaffold.repository(version: CourseKitVersion.current), into: target)
        // The schemas the editor settings map, from this coursekit.
        let schemas: URL
        do { schemas = try SchemaSet.shippedDirectory() } catch { throw ToolError(error.message) }
        let copy = target.appendingPathComponent(".coursekit/schemas")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: schemas.path) where name.hasSuffix(".json") {
            try FileManager.default.copyItem(at: schemas.appendingPathComponent(name), to: copy.appendingPathComponent(name))
        }
        try Data("Schemas of coursekit \(CourseKitVersion.current), for editors (.vscode/settings.json maps them). Refreshed by 'coursekit library update'.\n".utf8)
            .write(to: copy.appendingPathComponent("README"))
        _ = try LibraryManager(root: target, declarations: [LibraryDeclaration(name: "up-karmayogi", source: .builtin)]).update()
    }
}

/// `coursekit new KIND NAME`: adds a piece from a bilingual template and references it.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: HelpLanguage.text("Add a course, module, lesson, quiz, programme or case study from a bilingual (Hindi + English) template, placed and referenced correctly.", "द्विभाषी (हिंदी + अंग्रेज़ी) साँचे से पाठ्यक्रम, मॉड्यूल, पाठ, प्रश्नोत्तरी, कार्यक्रम या केस स्टडी जोड़ें — सही जगह पर और सही संदर्भ के साथ।"),
        discussion: HelpLanguage.text("""
            course NAME      courses/NAME/ with a module of its own and the standard AI and cyber-security modules (by library: reference)
            module NAME      COURSE/modules/NAME/, added to the course's modules (--course, or run inside a course folder)
            lesson NAME      MODULE/lessons/NAME.md and NAME.en.md, added to the module's lessons (--module, or run inside a module folder)
            quiz NAME        MODULE/quiz.yaml with id NAME, set as the module's assessment (the module must have none)
            programme NAME   courses/programmes/NAME/: a 7-day programme scheduling the standard modules
            case-study NAME  courses/case-studies/NAME/: an Amrit Gyan Kosh case study
            NAME: lowercase letters, digits and hyphens, starting with a letter (e.g. land-records-basics). Nothing is overwritten.
            """, """
            course NAME      courses/NAME/: अपने एक मॉड्यूल और मानक एआई व साइबर-सुरक्षा मॉड्यूल (library: संदर्भ से) सहित
            module NAME      COURSE/modules/NAME/, पाठ्यक्रम के modules में जोड़ा गया (--course, या पाठ्यक्रम फ़ोल्डर के भीतर चलाएँ)
            lesson NAME      MODULE/lessons/NAME.md और NAME.en.md, मॉड्यूल के lessons में जोड़े गए (--module, या मॉड्यूल फ़ोल्डर के भीतर चलाएँ)
            quiz NAME        MODULE/quiz.yaml, id NAME, मॉड्यूल का मूल्यांकन बनाया गया (मॉड्यूल में पहले से कोई न हो)
            programme NAME   courses/programmes/NAME/: मानक मॉड्यूल वाला 7-दिवसीय कार्यक्रम
            case-study NAME  courses/case-studies/NAME/: अमृत ज्ञान कोश केस स्टडी
            NAME: छोटे अंग्रेज़ी अक्षर, अंक और हाइफ़न, अक्षर से शुरू (जैसे land-records-basics)। कुछ भी बदला नहीं जाता।
            """)
    )

    @Argument(help: .init(HelpLanguage.text("What to add: course, module, lesson, quiz, programme or case-study.", "क्या जोड़ना है: course, module, lesson, quiz, programme या case-study।")))
    var kind: PieceKind

    @Argument(help: .init(HelpLanguage.text("Its name (id): lowercase letters, digits and hyphens, e.g. land-records-basics.", "इसका नाम (id): छोटे अंग्रेज़ी अक्षर, अंक और हाइफ़न, जैसे land-records-basics।")))
    var name: String

    @Option(help: .init(HelpLanguage.text("The course folder a new module goes into (default: the course folder you are in).", "पाठ्यक्रम फ़ोल्डर जिसमें नया मॉड्यूल जाए (डिफ़ॉल्ट: वह पाठ्यक्रम फ़ोल्डर जिसमें आप हैं)।")))
    var course: String?

    @Option(help: .init(HelpLanguage.text("The module folder a new lesson or quiz goes into (default: the module folder you are in).", "मॉड्यूल फ़ोल्डर जिसमें नया पाठ या प्रश्नोत्तरी जाए (डिफ़ॉल्ट: वह मॉड्यूल फ़ोल्डर जिसमें आप हैं)।")))
    var module: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        let language = self.language.messageLanguage
        do {
            let written = try create()
            for path in written { Terminal.writeError((language == .hi ? "लिखा गया: " : "wrote ") + path) }
        } catch {
            Terminal.writeErrorLines("coursekit: " + error.text(in: language))
            throw ExitCode(2)
        }
    }

    func fail(_ en: String, _ hi: String) -> ToolError { ToolError(LocalizedText(en: en, hi: hi)) }

    /// Writes the piece; returns the paths written or changed, relative to the working directory.
    func create() throws(ToolError) -> [String] {
        guard Scaffold.isValidName(name) else {
            throw fail("'\(name)' cannot be a name: use 3 to 64 lowercase letters, digits and hyphens, starting with a letter (e.g. land-records-basics)",
                       "'\(name)' नाम नहीं हो सकता: 3 से 64 छोटे अंग्रेज़ी अक्षर, अंक और हाइफ़न लिखें, अक्षर से शुरू (जैसे land-records-basics)")
        }
        let cwd = CurrentDirectory.url
        let root = ConfigurationLoader.discover(from: cwd)?.deletingLastPathComponent() ?? cwd
        switch kind {
        case .course:
            let usesLibrary = FileManager.default.fileExists(atPath: root.appendingPathComponent("libraries/up-karmayogi/library.yaml").path)
            return try place(Scaffold.course(id: name, withStandardModules: usesLibrary), in: root.appendingPathComponent("courses/\(name)"))
        case .programme:
            return try place(Scaffold.programme(id: name, course: nil), in: root.appendingPathComponent("courses/programmes/\(name)"))
        case .caseStudy:
            let target = root.appendingPathComponent("courses/case-studies/\(name)")
            let courseFolder = course != nil || enclosingFolder("course.yaml") != nil ? try enclosing("course.yaml", given: course, option: "--course") : nil
            var written = try place(Scaffold.caseStudy(id: name), in: target)
            if let courseFolder {
                let manifest = courseFolder.appendingPathComponent("course.yaml")
                let relative = Self.relativePath(from: courseFolder, to: target)
                let text = (try? String(contentsOf: manifest, encoding: .utf8)) ?? ""
                let updated = Scaffold.appendingListItem(to: text, key: "caseStudies", item: "  - \(relative)")
                    ?? text + (text.hasSuffix("\n") ? "" : "\n") + "caseStudies:\n  - \(relative)\n"
                do { try Data(updated.utf8).write(to: manifest, options: .atomic) } catch {
                    throw fail("cannot write \(display(manifest))", "\(display(manifest)) लिखी नहीं जा सकी")
                }
                written.append(display(manifest))
            } else {
                Terminal.writeError(HelpLanguage.text(
                    "note: name it in a course's caseStudies (or a programme session's caseStudy); 'new case-study NAME --course COURSE' does it for you",
                    "ध्यान दें: इसे किसी पाठ्यक्रम की caseStudies (या कार्यक्रम सत्र के caseStudy) में लिखें; 'new case-study NAME --course COURSE' यह स्वयं कर देता है"))
            }
            return written
        case .module:
            let courseFolder = try enclosing("course.yaml", given: course, option: "--course")
            let target = courseFolder.appendingPathComponent("modules/\(name)")
            let written = try place(Scaffold.module(id: name), in: target)
            let reference = try addReference(in: courseFolder.appendingPathComponent("course.yaml"), key: "modules", item: "  - path: modules/\(name)")
            addMinutes(6, to: courseFolder.appendingPathComponent("course.yaml"))
            return written + [reference]
        case .lesson:
            let moduleFolder = try enclosing("module.yaml", given: module, option: "--module")
            let written = try place(Scaffold.lesson(name: name), in: moduleFolder.appendingPathComponent("lessons"), mustBeNew: false)
            let item = """
                  - file: lessons/\(name).md
                    title: {hi: "नया पाठ", en: "A new lesson"}
                    duration: PT1M
                    kind: reading
                """
            let reference = try addReference(in: moduleFolder.appendingPathComponent("module.yaml"), key: "lessons", item: item)
            addMinutes(1, to: moduleFolder.appendingPathComponent("module.yaml"))
            if let courseFolder = enclosingFolder("course.yaml", from: moduleFolder) { addMinutes(1, to: courseFolder.appendingPathComponent("course.yaml")) }
            return written + [reference]
        case .quiz:
            let moduleFolder = try enclosing("module.yaml", given: module, option: "--module")
            let manifest = moduleFolder.appendingPathComponent("module.yaml")
            let text = (try? String(contentsOf: manifest, encoding: .utf8)) ?? ""
            guard !text.split(separator: "\n").contains(where: { $0.hasPrefix("assessment:") }) else {
                throw fail("\(display(manifest)) already has an assessment; a module has one quiz (add questions to it)",
                           "\(display(manifest)) में पहले से मूल्यांकन है; एक मॉड्यूल में एक ही प्रश्नोत्तरी होती है (उसमें प्रश्न जोड़ें)")
            }
            let written = try place([("quiz.yaml", Scaffold.quiz(id: name))], in: moduleFolder, mustBeNew: false)
            let updated = text + (text.hasSuffix("\n") ? "" : "\n") + "assessment:\n  quiz: quiz.yaml\n"
            do { try Data(updated.utf8).write(to: manifest, options: .atomic) } catch {
                throw fail("cannot write \(display(manifest))", "\(display(manifest)) लिखी नहीं जा सकी")
            }
            addMinutes(5, to: manifest)
            if let courseFolder = enclosingFolder("course.yaml", from: moduleFolder) { addMinutes(5, to: courseFolder.appendingPathComponent("course.yaml")) }
            return written + [display(manifest)]
        }
    }

    /// The nearest folder at or above `start` (default: the working directory) holding `manifest`.
    func enclosingFolder(_ manifest: String, from start: URL = CurrentDirectory.url) -> URL? {
        var folder = start.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(manifest).path) { return folder }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// Keeps the declared duration honest: what was added takes `minutes` more
    /// (duration-adds-up). Left alone when the duration is not written as PT…H…M.
    func addMinutes(_ minutes: Int, to file: URL) {
        guard let text = try? String(contentsOf: file, encoding: .utf8),
              let updated = Scaffold.addingMinutes(minutes, toDurationIn: text) else { return }
        try? Data(updated.utf8).write(to: file, options: .atomic)
    }

    static func relativePath(from folder: URL, to target: URL) -> String {
        let from = folder.standardizedFileURL.pathComponents, to = target.standardizedFileURL.pathComponents
        var common = 0
        while common < min(from.count, to.count), from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }

    func display(_ url: URL) -> String {
        let base = CurrentDirectory.url.standardizedFileURL.path + "/"
        return url.standardizedFileURL.path.hasPrefix(base) ? String(url.standardizedFileURL.path.dropFirst(base.count)) : url.path
    }

    /// The folder named by the option, else the nearest folder at or above the working
    /// directory that holds `manifest`.
    func enclosing(_ manifest: String, given: String?, option: String) throws(ToolError) -> URL {
        if let given {
            let url = (given.hasPrefix("/") ? URL(fileURLWithPath: given) : CurrentDirectory.url.appendingPathComponent(given)).standardizedFileURL
            guard FileManager.default.fileExists(atPath: url.appendingPathComponent(manifest).path) else {
                throw fail("\(given) has no \(manifest)", "\(given) में \(manifest) नहीं है")
            }
            return url
        }
        var folder = CurrentDirectory.url.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(manifest).path) { return folder }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        throw fail("name the folder holding \(manifest) with \(option), or run this inside it",
                   "\(manifest) वाला फ़ोल्डर \(option) से बताएँ, या यह आदेश उसी फ़ोल्डर में चलाएँ")
    }

    /// Writes files into `folder`, refusing to overwrite anything (and, when `mustBeNew`, a folder that exists).
    func place(_ files: Scaffold.Files, in folder: URL, mustBeNew: Bool = true) throws(ToolError) -> [String] {
        if mustBeNew, FileManager.default.fileExists(atPath: folder.path) {
            throw fail("\(display(folder)) already exists; nothing written", "\(display(folder)) पहले से मौजूद है; कुछ नहीं लिखा गया")
        }
        for file in files where FileManager.default.fileExists(atPath: folder.appendingPathComponent(file.path).path) {
            throw fail("\(display(folder.appendingPathComponent(file.path))) already exists; nothing written",
                       "\(display(folder.appendingPathComponent(file.path))) पहले से मौजूद है; कुछ नहीं लिखा गया")
        }
        do {
            try CourseKitScaffolder.write(files, into: folder)
        } catch {
            throw (error as? ToolError) ?? fail("cannot write into \(display(folder)): \(error)", "\(display(folder)) में लिखा नहीं जा सका: \(error)")
        }
        return files.map { display(folder.appendingPathComponent($0.path)) }
    }

    func addReference(in file: URL, key: String, item: String) throws(ToolError) -> String {
        guard let text = try? String(contentsOf: file, encoding: .utf8),
              let updated = Scaffold.appendingListItem(to: text, key: key, item: item)
        else {
            throw fail("wrote the files, but could not add them to \(display(file)): add this under '\(key):' yourself:\n\(item)",
                       "फ़ाइलें लिखी गईं, पर \(display(file)) में जोड़ी नहीं जा सकीं: '\(key):' के नीचे स्वयं जोड़ें:\n\(item)")
        }
        do { try Data(updated.utf8).write(to: file, options: .atomic) } catch {
            throw fail("cannot write \(display(file))", "\(display(file)) लिखी नहीं जा सकी")
        }
        return display(file)
    }
}

enum PieceKind: String, ExpressibleByArgument, CaseIterable {
    case course, module, lesson, quiz, programme
    case caseStudy = "case-study"
}

/// `coursekit library update|status`.
struct LibraryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "library",
        abstract: HelpLanguage.text("Manage the module libraries declared under libraries: in coursekit.yaml (vendored in libraries/, pinned in coursekit.lock).", "coursekit.yaml के libraries: में घोषित मॉड्यूल-लाइब्रेरी सँभालें (libraries/ में रखी, coursekit.lock में दर्ज)।"),
        subcommands: [LibraryUpdateCommand.self, LibraryStatusCommand.self]
    )
}

struct LibraryUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: HelpLanguage.text("Fetch the declared libraries, show what changed, copy them into libraries/<name>/ and rewrite coursekit.lock.", "घोषित लाइब्रेरी लाएँ, बदलाव दिखाएँ, उन्हें libraries/<नाम>/ में कॉपी करें और coursekit.lock दोबारा लिखें।"),
        discussion: HelpLanguage.text("Also refreshes .coursekit/schemas/ (the editor's copy of the schemas) when the repository has one. Exit 2 when a library cannot be fetched.", "रिपॉज़िटरी में .coursekit/schemas/ (एडिटर के लिए स्कीमा की प्रति) हो तो उसे भी ताज़ा करता है। कोई लाइब्रेरी न लाई जा सके तो निकास-स्थिति 2।")
    )

    @Argument(help: .init(HelpLanguage.text("Libraries to update (default: all declared).", "अद्यतन करने की लाइब्रेरी (डिफ़ॉल्ट: सभी घोषित)।")))
    var names: [String] = []

    @Flag(help: .init(HelpLanguage.text("Only show what would change.", "केवल दिखाएँ कि क्या बदलेगा।")))
    var dryRun = false

    @OptionGroup var language: LanguageOption

    func run() throws {
        let language = self.language.messageLanguage
        do {
            let (root, configuration) = try LibraryCommandSupport.repository()
            guard !configuration.libraries.isEmpty else {
                throw ToolError(LocalizedText(
                    en: "coursekit.yaml declares no libraries; add e.g.\nlibraries:\n  up-karmayogi: builtin",
                    hi: "coursekit.yaml में कोई लाइब्रेरी घोषित नहीं है; उदाहरण के लिए जोड़ें:\nlibraries:\n  up-karmayogi: builtin"))
            }
            let changes = try LibraryManager(root: root, declarations: configuration.libraries, configDirectory: configuration.directory)
                .update(only: names, dryRun: dryRun)
            for change in changes { Terminal.write(change.render(in: language) + "\n") }
            if !dryRun { LibraryCommandSupport.refreshSchemas(root: root) }
        } catch let error as ToolError {
            Terminal.writeErrorLines("coursekit: " + error.text(in: language))
            throw ExitCode(2)
        }
    }
}

struct LibraryStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: HelpLanguage.text("List the locked libraries and any vendored file that differs from coursekit.lock (exit 1 when one does).", "लॉक की गई लाइब्रेरी और coursekit.lock से भिन्न हर फ़ाइल की सूची दिखाएँ (ऐसी फ़ाइल हो तो निकास-स्थिति 1)।")
    )

    @OptionGroup var language: LanguageOption

    func run() throws {
        let language = self.language.messageLanguage
        let hi = language == .hi
        do {
            let (root, configuration) = try LibraryCommandSupport.repository()
            let lock = try LockFile.read(root.appendingPathComponent(LibraryLayout.lockFileName)) ?? LockFile()
            for name in lock.entries.keys.sorted() {
                let entry = lock.entries[name]!
                Terminal.write("\(name) \(entry.version) (\(entry.source)), \(entry.files.count) \(hi ? "फ़ाइलें" : "files"), sha256:\(entry.treeHash)\n")
            }
            let repository = Repository(root: root, displayBase: CurrentDirectory.url)
            let findings = LibraryIntegrity.findings(repository: repository, declarations: configuration.libraries, configFile: configuration.file)
            for finding in findings {
                Terminal.write("\(finding.location): \(finding.message.text(in: language))\n")
            }
            if !findings.isEmpty { throw ExitCode(1) }
        } catch let error as ToolError {
            Terminal.writeErrorLines("coursekit: " + error.text(in: language))
            throw ExitCode(2)
        }
    }
}

enum LibraryCommandSupport {
    /// The repository of the working directory: the folder of the nearest coursekit.yaml.
    static func repository() throws(ToolError) -> (URL, Configuration) {
        guard let file = ConfigurationLoader.discover(from: CurrentDirectory.url) else {
            throw ToolError(LocalizedText(
                en: "no coursekit.yaml here or in a folder above; run this inside a course repository (coursekit init makes one)",
                hi: "यहाँ या ऊपर के किसी फ़ोल्डर में coursekit.yaml नहीं है; यह आदेश पाठ्यक्रम रिपॉज़िटरी के भीतर चलाएँ (coursekit init एक बनाता है)"))
        }
        let options = try ValidationOptions.load(workingDirectory: CurrentDirectory.url, configPath: file.path)
        return (file.deletingLastPathComponent(), options.configuration)
    }

    static func refreshSchemas(root: URL) {
        let copy = root.appendingPathComponent(".coursekit/schemas")
        guard FileManager.default.fileExists(atPath: copy.path), let shipped = try? SchemaSet.shippedDirectory() else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: shipped.path)) ?? [] where name.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: shipped.appendingPathComponent(name).path) else { continue }
            try? data.write(to: copy.appendingPathComponent(name), options: .atomic)
        }
    }
}
