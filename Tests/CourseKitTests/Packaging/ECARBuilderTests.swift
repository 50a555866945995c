import Foundation
import Testing
@testable import CourseKit

/// The project's root, where `courses/` and `schemas/` live.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// Loads a shipped course (and what it references) from `root`.
func loadCourse(_ folder: String, root: URL = packageRoot) throws -> (Catalogue, Course) {
    let catalogue = try Validator(workingDirectory: root).loadCatalogue(paths: [folder])
    let course = try #require(catalogue.courses.first { $0.file.path.string == folder + "/course.yaml" })
    return (catalogue, course)
}

/// The JSON of one entry of an archive, parsed.
func jsonEntry(_ name: String, in url: URL) throws -> LocatedValue {
    let reader = try ArchiveReader(contentsOf: url)
    while let entry = try reader.nextEntry() {
        if entry.name == name { break }
    }
    return try JSONDocumentLoader().load(data: reader.readData(maximumSize: 64 << 20), path: name)
}

/// Every entry of an archive with its bytes.
func entries(of url: URL) throws -> [String: Data] {
    Dictionary(uniqueKeysWithValues: try readAll(ArchiveReader(contentsOf: url)).map { ($0.0.name, $0.1) })
}

@Suite("Packing courses as ECARs")
struct ECARBuilderTests {
    static let course = "courses/anm-asha-maternal-newborn-care"

    @Test(arguments: ["hi", "en"])
    func packsAShippedCourseThatVerifiesClean(language: String) throws {
        let (catalogue, course) = try loadCourse(Self.course)
        let plan = try ECARBuilder(catalogue: catalogue, unplayableQuestions: .convert).plan(course: course, language: language)
        #expect(plan.findings.isEmpty, "\(plan.findings.map { "\($0.location) \($0.ruleID) \($0.message.en)" })")
        #expect(plan.archiveName == "anm-asha-maternal-newborn-care_1.0.0_\(language).ecar")
        let scratch = try ScratchFolder("ecar")
        let url = try plan.write(into: scratch.url)
        let findings = ArchiveVerifier().verify(url, displayPath: plan.archiveName)
        #expect(findings.isEmpty, "\(findings.map { "\($0.location) \($0.ruleID) \($0.message.en)" })")

        let manifest = try jsonEntry("manifest.json", in: url)
        #expect(manifest["id"]?.string == "sunbird.content.archive")
        #expect(manifest["ver"]?.string == "1.2")
        let items = try #require(manifest["archive"]?["items"]?.array)
        #expect(manifest["archive"]?["count"]?.int == items.count)
        #expect(manifest["archive"]?["ttl"]?.int == 24)
        let root = try #require(items.first)
        #expect(root["primaryCategory"]?.string == "Course")
        #expect(root["contentType"]?.string == "Course")
        #expect(root["mimeType"]?.string == "application/vnd.ekstep.content-collection")
        #expect(root["visibility"]?.string == "Default")
        #expect(root["language"]?.array?.compactMap(\.string) == [language == "hi" ? "Hindi" : "English"])
        #expect(root["license"]?.string == "CC BY 4.0")
        let declared = try #require(course.value["duration"]?.string.flatMap(ISODuration.seconds))
        #expect(root["duration"]?.string == String(declared))
        #expect(root["audience"]?.array?.compactMap(\.string) == ["anm", "asha"])
        #expect(root["appIcon"]?.string?.hasSuffix("/thumbnail.svg") == true)
        let competency = try #require(root["competencies_v5"]?.array?.first)
        #expect(competency["competencyAreaName"]?.string == "Domain")
        #expect(competency["competencySubThemeName"]?.string == "Maternal Health")
        #expect(competency["competencyAreaId"]?.string?.count == 12)
        #expect(root["children"]?.array?.count == 4)
        // The tree follows the sources: modules in the order course.yaml lists them, lessons in module order.
        let moduleTitles = course.modules.compactMap { catalogue.module(for: $0)?.title?.best(language) }
        #expect(root["children"]?.array?.compactMap { $0["name"]?.string } == moduleTitles)
        let firstModule = try #require(course.modules.first.flatMap { catalogue.module(for: $0) })
        let firstUnit = try #require(items.first { $0["identifier"]?.string == root["children"]?.array?.first?["identifier"]?.string })
        let lessonTitles = firstModule.lessons.compactMap { lesson in lesson.entry["title"].map { TranslatedText($0).best(language) } }
        #expect(Array((firstUnit["children"]?.array ?? []).compactMap { $0["name"]?.string }.prefix(lessonTitles.count)) == lessonTitles)
        #expect(items.allSatisfy { $0["identifier"]?.string?.range(of: "^do_[0-9a-f]{24}$", options: .regularExpression) != nil })

        let units = items.filter { $0["primaryCategory"]?.string == "Course Unit" }
        #expect(units.count == 4)
        #expect(units.allSatisfy { $0["contentType"]?.string == "CourseUnit" && $0["visibility"]?.string == "Parent" })
        let resources = items.filter { $0["primaryCategory"]?.string == "Learning Resource" }
        let audio = resources.filter { $0["mimeType"]?.string == "audio/mpeg" }
        #expect(audio.count == 1 && audio.allSatisfy { $0["contentDisposition"]?.string == "inline" && $0["contentEncoding"]?.string == "identity" })
        let lessons = resources.filter { $0["mimeType"]?.string != "audio/mpeg" }
        #expect(!lessons.isEmpty)
        #expect(lessons.allSatisfy {
            $0["mimeType"]?.string == "application/vnd.ekstep.html-archive" && $0["contentEncoding"]?.string == "gzip"
                && $0["contentDisposition"]?.string == "inline" && $0["artifactUrl"]?.string?.hasSuffix(".zip") == true
        })
        let quizzes = items.filter { $0["primaryCategory"]?.string == "Course Assessment" }
        #expect(quizzes.count == 4)
        #expect(quizzes.allSatisfy { $0["mimeType"]?.string == "application/vnd.sunbird.questionset" && $0["qumlVersion"]?.number == 1.1 })

        let hierarchy = try jsonEntry("hierarchy.json", in: url)
        #expect(hierarchy["id"]?.string == "sunbird.content.hierarchy")
        #expect(hierarchy["content"]?["identifier"]?.string == root["identifier"]?.string)
        #expect(hierarchy["content"]?["children"]?.array?.first?["children"]?.array?.isEmpty == false)
        #expect(hierarchy["params"]?["resmsgid"]?.string == manifest["params"]?["resmsgid"]?.string)
    }

    @Test func lessonPagesAreAccessibleSelfContainedAndCarryTheirImages() throws {
        let (catalogue, course) = try loadCourse(Self.course)
        let plan = try ECARBuilder(catalogue: catalogue, unplayableQuestions: .convert).plan(course: course, language: "hi")
        let scratch = try ScratchFolder("ecar")
        let url = try plan.write(into: scratch.url)
        let manifest = try jsonEntry("manifest.json", in: url)
        let lesson = try #require(manifest["archive"]?["items"]?.array?.first { $0["name"]?.string == "चार प्रसव-पूर्व जाँचें — कब और क्या" })
        let artifact = try #require(lesson["artifactUrl"]?.string)
        let inner = try #require(try entries(of: url)[artifact])
        let files = Dictionary(uniqueKeysWithValues: try readAll(ArchiveReader(data: inner, displayName: artifact)).map { ($0.0.name, $0.1) })
        #expect(Set(files.keys) == ["index.html", "images/anc-timeline.hi.svg"])
        let html = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains("<html lang=\"hi\" dir=\"ltr\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("name=\"viewport\""))
        #expect(html.contains("<title>चार प्रसव-पूर्व जाँचें — कब और क्या</title>"))
        #expect(html.contains("Noto Sans Devanagari") && html.contains("Mangal"))
        #expect(html.contains("src=\"images/anc-timeline.hi.svg\""))
        #expect(!html.contains("<script"))
        // Nothing is loaded from the network (links to sources are followed only by the learner).
        #expect(html.range(of: #"src="(https?:)?//"#, options: .regularExpression) == nil)
        #expect(!html.contains("<link") && !html.contains("@import"))
        #expect(html.contains("<table>"))
    }

    @Test func quizzesBecomeQuMLQuestions() throws {
        let (catalogue, course) = try loadCourse(Self.course)
        let plan = try ECARBuilder(catalogue: catalogue, unplayableQuestions: .convert).plan(course: course, language: "en")
        let scratch = try ScratchFolder("ecar")
        let url = try plan.write(into: scratch.url)
        let items = try #require(try jsonEntry("manifest.json", in: url)["archive"]?["items"]?.array)
        let quiz = try #require(items.first { $0["code"]?.string == "antenatal-care-danger-signs-quiz" })
        #expect(quiz["objectType"]?.string == "QuestionSet")
        #expect(quiz["minimumPassPercentage"]?.int == 70)
        // draw: 6, plus the 3 questions the four-pair match question adds when converted.
        #expect(quiz["maxQuestions"]?.int == 9)
        #expect(quiz["shuffle"]?.bool == true)
        let children = quiz["children"]?.array?.compactMap { $0["identifier"]?.string } ?? []
        let questions = children.compactMap { id in items.first { $0["identifier"]?.string == id } }
        #expect(quiz["compatibilityLevel"]?.int == 5 && quiz["status"]?.string == "Live")
        #expect(questions.count == children.count)
        let q1 = try #require(questions.first { $0["code"]?.string == "q1" })
        #expect(q1["objectType"]?.string == "Question")
        #expect(q1["mimeType"]?.string == "application/vnd.sunbird.question")
        #expect(q1["qType"]?.string == "MCQ")
        #expect(q1["templateId"]?.string == "mcq-vertical")
        #expect(q1["body"]?.string?.contains("data-choice-interaction='response1'") == true)
        #expect(q1["editorState"]?["options"]?.array?.count == 4)
        #expect(q1["parent"]?.string == quiz["identifier"]?.string)
        let solutions = try #require(q1["solutions"]?.object)
        #expect(solutions.entries.count == 1 && solutions.entries.first?.value.string?.hasPrefix("<p>") == true)
        #expect(q1["responseDeclaration"]?["response1"]?["correctResponse"]?["value"]?.int == 2)
        #expect(q1["interactions"]?["response1"]?["options"]?.array?.count == 4)
        #expect(q1["body"]?.string?.contains("antenatal check-ups") == true)
        let q2 = try #require(questions.first { $0["code"]?.string == "q2" })
        #expect(q2["responseDeclaration"]?["response1"]?["cardinality"]?.string == "multiple")
        #expect(q2["responseDeclaration"]?["response1"]?["correctResponse"]?["value"]?.array?.compactMap(\.int) == [0, 1, 2, 4])
        let q3 = try #require(questions.first { $0["code"]?.string == "q3" })
        #expect(q3["responseDeclaration"]?["response1"]?["correctResponse"]?["value"]?.int == 1)
        // A fill-in question with distractors becomes one single-choice question with the answer among them.
        let q4 = try #require(questions.first { $0["code"]?.string == "q4" })
        #expect(q4["qType"]?.string == "MCQ")
        let q4Options = q4["interactions"]?["response1"]?["options"]?.array ?? []
        #expect(q4Options.count == 4)
        let q4Correct = try #require(q4["responseDeclaration"]?["response1"]?["correctResponse"]?["value"]?.int)
        #expect(q4Options[q4Correct]["label"]?.string == "<p>9</p>")
        #expect(q4["body"]?.string?.contains("(Write the number)") == false)
        // A match question becomes one single-choice question per pair, sharing its points.
        let parts = questions.filter { $0["code"]?.string?.hasPrefix("q5-") == true }
        #expect(parts.count == 4)
        #expect(parts.allSatisfy { $0["interactions"]?["response1"]?["options"]?.array?.count == 4 })
        #expect(parts.enumerated().allSatisfy { $1["responseDeclaration"]?["response1"]?["correctResponse"]?["value"]?.int == $0 })
        #expect(!questions.contains { ["FTB", "MTF"].contains($0["qType"]?.string ?? "") })
    }

    @Test func unplayableQuestionsAreAnErrorByDefaultAndCanBeLeftOut() throws {
        let (catalogue, course) = try loadCourse(Self.course)
        let refused = try ECARBuilder(catalogue: catalogue).plan(course: course, language: "hi")
        #expect(refused.hasErrors)
        let errors = refused.findings.filter { $0.ruleID == "pack-unplayable-question" }
        #expect(errors.allSatisfy { $0.severity == .error && $0.hint != nil })
        let matchError = try #require(errors.first { $0.location.file.hasSuffix("antenatal-care-danger-signs/quiz.yaml") && $0.message.en.contains("'q5'") })
        #expect(matchError.location.line == 67 && matchError.location.column == 11)
        #expect(matchError.message.hi.contains("मिलान"))
        let omitted = try ECARBuilder(catalogue: catalogue, unplayableQuestions: .omit).plan(course: course, language: "hi")
        #expect(!omitted.hasErrors)
        #expect(omitted.findings.filter { $0.ruleID == "pack-unplayable-question" }.allSatisfy { $0.severity == .warning })
        let scratch = try ScratchFolder("ecar")
        let items = try #require(try jsonEntry("manifest.json", in: try omitted.write(into: scratch.url))["archive"]?["items"]?.array)
        let quiz = try #require(items.first { $0["code"]?.string == "antenatal-care-danger-signs-quiz" })
        let codes = (quiz["children"]?.array ?? []).compactMap { child in items.first { $0["identifier"]?.string == child["identifier"]?.string }?["code"]?.string }
        #expect(!codes.contains("q4") && !codes.contains("q5") && codes.contains("q1"))
    }

    @Test func aQuestionSetArchiveStoresEveryQuestionForOfflinePlay() throws {
        let (catalogue, course) = try loadCourse(Self.course)
        let module = try #require(course.modules.compactMap { catalogue.module(for: $0) }.first { $0.quiz != nil })
        let quiz = try #require(catalogue.quiz(for: module))
        let plan = try ECARBuilder(catalogue: catalogue, unplayableQuestions: .convert).plan(quiz: quiz, of: module, language: "hi")
        #expect(!plan.hasErrors)
        let scratch = try ScratchFolder("ecar")
        let url = try plan.write(into: scratch.url)
        #expect(ArchiveVerifier().verify(url).isEmpty)
        let items = try #require(try jsonEntry("manifest.json", in: url)["archive"]?["items"]?.array)
        let root = try #require(items.first)
        #expect(root["mimeType"]?.string == "application/vnd.sunbird.questionset" && root["visibility"]?.string == "Default")
        let files = try entries(of: url)
        let questions = items.dropFirst()
        #expect(!questions.isEmpty)
        for question in questions {
            let id = try #require(question["identifier"]?.string)
            #expect(question["parent"]?.string == root["identifier"]?.string)
            #expect(question["artifactUrl"]?.string == "\(id)/\(id).zip")
            let inner = try #require(files["\(id)/\(id).zip"])
            let innerFile = scratch.url.appendingPathComponent("\(id).zip")
            try inner.write(to: innerFile)
            let index = try jsonEntry("index.json", in: innerFile)
            #expect(index["archive"]?["items"]?.array?.first?["body"]?.string?.contains("mcq-vertical") == true)
        }
    }

    @Test func lessonSourcesAreShownAtTheFootOfThePageAndCarriedAsAttributions() throws {
        let (catalogue, course) = try loadCourse(Self.course)
        let plan = try ECARBuilder(catalogue: catalogue, unplayableQuestions: .convert).plan(course: course, language: "hi")
        let scratch = try ScratchFolder("ecar")
        let url = try plan.write(into: scratch.url)
        let items = try #require(try jsonEntry("manifest.json", in: url)["archive"]?["items"]?.array)
        let cited = items.filter { !($0["attributions"]?.array ?? []).isEmpty }
        #expect(!cited.isEmpty)
        let lesson = try #require(cited.first)
        let citation = try #require(lesson["attributions"]?.array?.first?.string)
        let files = try entries(of: url)
        let inner = scratch.url.appendingPathComponent("lesson.zip")
        let artifact = try #require(lesson["artifactUrl"]?.string)
        try #require(files[artifact]).write(to: inner)
        let page = try entries(of: inner)["index.html"]
        let html = String(decoding: try #require(page), as: UTF8.self)
        #expect(html.contains("<footer class=\"sources\">\n<h2>स्रोत</h2>"))
        let title = try #require(citation.components(separatedBy: " — ").first)
        #expect(html.contains("<cite>\(HTMLEscaping.escape(title))</cite>"))
    }

    @Test func aCourseCarriesTheCaseStudiesItUses() throws {
        let (catalogue, course) = try loadCourse("courses/police-citizen-centric-policing")
        #expect(course.caseStudies.count == 1 && course.caseStudies.first?.resolved != nil)
        let plan = try ECARBuilder(catalogue: catalogue, unplayableQuestions: .convert).plan(course: course, language: "en")
        #expect(!plan.hasErrors, "\(plan.findings.map(\.message.en))")
        let scratch = try ScratchFolder("ecar")
        let url = try plan.write(into: scratch.url)
        #expect(ArchiveVerifier().verify(url).isEmpty)
        let items = try #require(try jsonEntry("manifest.json", in: url)["archive"]?["items"]?.array)
        let unit = try #require(items.last { $0["name"]?.string == "Amrit Gyan Kosh: case studies" })
        #expect(items.first?["children"]?.array?.last?["identifier"]?.string == unit["identifier"]?.string)
        let study = try #require(items.first { $0["code"]?.string == "up-112-emergency-response" })
        #expect(study["parent"]?.string == unit["identifier"]?.string)
        let inner = scratch.url.appendingPathComponent("study.zip")
        let artifact = try #require(study["artifactUrl"]?.string)
        try #require(try entries(of: url)[artifact]).write(to: inner)
        let page = try entries(of: inner)["index.html"]
        let html = String(decoding: try #require(page), as: UTF8.self)
        #expect(html.contains("<h2>Questions for discussion</h2>"))
        #expect(html.contains("<h2>Outcomes</h2>"))
        #expect(html.contains("<footer class=\"sources\">"))
    }

    @Test func aMissingCaseStudyFolderIsReportedWhereItIsWritten() throws {
        let scratch = try ScratchFolder("case-study")
        let root = scratch.url
        try FileManager.default.createDirectory(at: root.appendingPathComponent("courses"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("courses/police-citizen-centric-policing"),
                                         to: root.appendingPathComponent("courses/police-citizen-centric-policing"))
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("courses/library"), to: root.appendingPathComponent("courses/library"))
        try Data("extends: none\n".utf8).write(to: root.appendingPathComponent("coursekit.yaml"))
        let catalogue = try Validator(workingDirectory: root).loadCatalogue(paths: ["courses/police-citizen-centric-policing"])
        let finding = try #require(catalogue.findings.first { $0.location.file.hasSuffix("police-citizen-centric-policing/course.yaml") && $0.message.en.contains("case-studies") })
        #expect(finding.severity == .error)
        #expect(finding.location.line > 1 && finding.location.column > 1)
    }

    @Test func identifiersAreStableAndDifferPerEdition() throws {
        let (catalogue, course) = try loadCourse(Self.course)
        let builder = ECARBuilder(catalogue: catalogue, unplayableQuestions: .convert)
        let first = try builder.plan(course: course, language: "hi")
        let second = try builder.plan(course: course, language: "hi")
        let english = try builder.plan(course: course, language: "en")
        #expect(first.rootIdentifier == second.rootIdentifier)
        #expect(first.rootIdentifier != english.rootIdentifier)
        #expect(first.itemCount == english.itemCount)
    }

    @Test func packsAProgramme() throws {
        let catalogue = try Validator(workingDirectory: packageRoot).loadCatalogue(paths: ["courses/programmes/upam-7-day-induction"])
        let programme = try #require(catalogue.programmes.first)
        let plan = try ECARBuilder(catalogue: catalogue, unplayableQuestions: .convert).plan(programme: programme, language: "hi")
        #expect(plan.findings.isEmpty, "\(plan.findings.map { "\($0.location) \($0.ruleID) \($0.message.en)" })")
        let scratch = try ScratchFolder("ecar")
        let url = try plan.write(into: scratch.url)
        #expect(ArchiveVerifier().verify(url).isEmpty)
        let items = try #require(try jsonEntry("manifest.json", in: url)["archive"]?["items"]?.array)
        #expect(items.first?["primaryCategory"]?.string == "Program")
        let days = items.filter { $0["name"]?.string?.hasPrefix("दिन ") == true }
        #expect(days.count == 7)
        // Every day holds its sessions: classroom sessions as session pages, modules and courses as themselves.
        #expect(days.allSatisfy { !($0["children"]?.array ?? []).isEmpty })
        let root = try #require(items.first)
        #expect(root["trackable"]?["enabled"]?.string == "Yes" && root["trackable"]?["autoBatch"]?.string == "Yes")
        #expect(root["leafNodesCount"]?.int == root["leafNodes"]?.array?.count)
        #expect(root["childNodes"]?.array?.count ?? 0 > days.count)
        #expect(root["pkgVersion"]?.int == 1_000_000 && root["compatibilityLevel"]?.int == 1)
        let lessons = items.filter { $0["mimeType"]?.string == "application/vnd.ekstep.html-archive" }
        #expect(!lessons.isEmpty && lessons.allSatisfy {
            $0["contentDisposition"]?.string == "inline" && $0["contentEncoding"]?.string == "gzip"
                && $0["downloadUrl"]?.string == $0["artifactUrl"]?.string && $0["parent"]?.string != nil && $0["depth"]?.int ?? 0 >= 2
        })
        for item in items {
            for (offset, child) in (item["children"]?.array ?? []).enumerated() {
                #expect(child["identifier"]?.string != nil && child["name"]?.string != nil && child["objectType"]?.string != nil)
                #expect(child["index"]?.int == offset + 1 && child["depth"]?.int == (item["depth"]?.int ?? -9) + 1)
            }
        }
        #expect(items.contains { $0["primaryCategory"]?.string == "Course Unit" && $0["parent"]?.string != root["identifier"]?.string })
    }

    @Test func checksumsPassSha256sumAfterUnzip() throws {
        guard let unzip = RequiredTool.path("unzip", package: "unzip", for: "the sha256sum -c check"),
              let sha256sum = RequiredTool.path("sha256sum", package: "coreutils", for: "the sha256sum -c check") else { return }
        let (catalogue, course) = try loadCourse(Self.course)
        let scratch = try ScratchFolder("ecar")
        let url = try ECARBuilder(catalogue: catalogue, unplayableQuestions: .convert).plan(course: course, language: "hi").write(into: scratch.url)
        let tested = try run(unzip, ["-t", "-q", url.path])
        #expect(tested.status == 0, "\(tested.output)")
        let folder = scratch.file("extracted")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(try run(unzip, ["-q", url.path, "-d", folder.path]).status == 0)
        let checked = try run(sha256sum, ["-c", "--strict", "checksums.sha256"], in: folder)
        #expect(checked.status == 0, "\(checked.output)")
        #expect(!checked.output.contains("FAILED"))
    }
}
