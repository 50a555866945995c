import Foundation

/// The files `coursekit init` and `coursekit new` write: bilingual (Hindi first, then English)
/// templates that validate clean as written, so an author starts from something that passes and
/// changes it step by step. Paths are relative to the folder they are written into.
public enum Scaffold {
    public typealias Files = [(path: String, text: String)]

    public enum Piece: String, CaseIterable, Sendable {
        case course, module, lesson, quiz, programme
        case caseStudy = "case-study"
    }

    // MARK: - Repository

    /// A department repository: configuration, CI, editor settings, a README and a first course
    /// that includes the state's standard AI and cyber-security modules by `library:` reference.
    /// (`coursekit init` then vendors the library and writes `coursekit.lock`.)
    public static func repository(version: String) -> Files {
        var files: Files = [
            ("coursekit.yaml", configuration),
            (".gitignore", gitignore),
            (".github/workflows/coursekit.yml", workflow(version: version)),
            (".vscode/settings.json", vscodeSettings),
            (".vscode/extensions.json", "{\n  \"recommendations\": [\"redhat.vscode-yaml\"]\n}\n"),
            ("README.md", readme),
        ]
        files += course(id: "first-course", withStandardModules: true).map { ("courses/first-course/" + $0.path, $0.text) }
        return files
    }

    static let configuration = """
        # coursekit configuration of this repository; see docs/configuration.md of coursekit.
        extends: up-karmayogi-2026          # the state's Mission Karmayogi policy pack
        failSeverity: error
        libraries:
          up-karmayogi: builtin             # the state's standard AI and cyber-security modules, from the installed coursekit
        pack:
          unplayableQuestions: convert      # fill-in and match questions become choice questions in iGOT archives

        """

    static let gitignore = """
        # coursekit outputs
        /dist/
        /preview/
        # pack and validation cache (rebuilt when missing)
        /.coursekit-cache/
        # editor and OS files
        .DS_Store
        *.swp

        """

    /// `yaml.schemas` of the VS Code YAML extension: every file kind mapped to its schema in
    /// `.coursekit/schemas/` (copied there by `coursekit init`), so no modeline is needed.
    static let vscodeSettings = """
        {
          "yaml.schemas": {
            ".coursekit/schemas/course.schema.json": ["**/course.yaml"],
            ".coursekit/schemas/module.schema.json": ["**/module.yaml"],
            ".coursekit/schemas/quiz.schema.json": ["**/quiz.yaml", "**/*-quiz.yaml"],
            ".coursekit/schemas/programme.schema.json": ["**/programme.yaml"],
            ".coursekit/schemas/case-study.schema.json": ["**/case-study.yaml"],
            ".coursekit/schemas/config.schema.json": ["coursekit.yaml"]
          },
          "files.eol": "\\n",
          "files.encoding": "utf8",
          "editor.insertSpaces": true,
          "[yaml]": { "editor.tabSize": 2 }
        }

        """

    static func workflow(version: String) -> String {
        """
        # Validates the courses on every push and pull request with a pinned coursekit release.
        name: coursekit

        on:
          pull_request:
          push:
            branches: [main]

        permissions:
          contents: read

        jobs:
          validate:
            runs-on: ubuntu-24.04
            env:
              COURSEKIT_VERSION: "\(version)"     # pinned; change it on purpose, with the checksum below
              COURSEKIT_SHA256: ""               # sha256 of the tarball (from its .sha256 file); empty = not checked
            steps:
              - uses: actions/checkout@v4
              - name: Install coursekit
                run: |
                  sudo apt-get update -qq
                  sudo apt-get install -y -qq libarchive13t64 libcmark-gfm0.29.0.gfm.6 libcmark-gfm-extensions0.29.0.gfm.6 libjemalloc2 libdeflate0
                  name="coursekit-${COURSEKIT_VERSION}-linux-x86_64"
                  curl -fsSLO "https://github.com/upam/coursekit/releases/download/v${COURSEKIT_VERSION}/${name}.tar.gz"
                  if [ -n "$COURSEKIT_SHA256" ]; then echo "$COURSEKIT_SHA256  ${name}.tar.gz" | sha256sum -c -; fi
                  tar -xzf "${name}.tar.gz" -C "$RUNNER_TEMP"
                  echo "$RUNNER_TEMP/${name}/bin" >> "$GITHUB_PATH"
              - name: Validate
                run: coursekit validate --format github

        """
    }

    static let readme = """
        # Courses

        Courses of this department for iGOT Karmayogi, written as YAML + Markdown and checked with
        [coursekit](https://github.com/upam/coursekit).

        ```sh
        coursekit validate                 # check everything (also run by CI)
        coursekit preview                  # write an HTML preview into preview/
        coursekit pack --out dist          # iGOT archives, one per language edition
        coursekit new course NAME          # add a course (also: module, lesson, quiz, programme, case-study)
        coursekit library update           # update the state's standard modules (shows what changed)
        ```

        The state's standard AI and cyber-security modules are in `libraries/up-karmayogi/`, pinned in
        `coursekit.lock`. Do not edit them there (coursekit reports edited copies); a course uses one
        with `- library: up-karmayogi/ai-for-public-servants`.

        """

    // MARK: - Pieces

    /// A course folder: `course.yaml`, a thumbnail and one module of its own; with the standard
    /// modules when `withStandardModules`.
    public static func course(id: String, withStandardModules: Bool) -> Files {
        let standard = withStandardModules ? """
              - library: up-karmayogi/ai-for-public-servants        # the state's standard AI module
              - library: up-karmayogi/cyber-security-essentials     # the state's standard cyber-security module

            """ : ""
        let course = """
            id: \(id)
            version: 1.0.0
            languages: [hi, en]              # editions; the first is the language of unsuffixed lesson files
            title:
              hi: "नया पाठ्यक्रम: इसका शीर्षक यहाँ लिखें"
              en: "A new course: write its title here"
            description:
              hi: >-
                यह पाठ्यक्रम किसके लिए है और पूरा करने के बाद सीखने वाला क्या कर सकेगा — यहाँ दो-तीन वाक्यों
                में लिखें। इसमें राज्य के मानक मॉड्यूल "लोक सेवकों के लिए एआई" और "साइबर सुरक्षा" शामिल हैं।
              en: >-
                Who this course is for and what a learner can do after it, in two or three sentences. It
                includes the state's standard modules "AI for public servants" and "Cyber security essentials".
            keywords:
              hi: [प्रशिक्षण, कार्यालय]
              en: [training, office]
            audience: [employee]
            provider:
              name:
                hi: विभाग का नाम, उत्तर प्रदेश
                en: Name of the department, Uttar Pradesh
              department: department
            licence: CC-BY-4.0
            thumbnail: assets/thumbnail.svg
            duration: \(withStandardModules ? "PT2H14M" : "PT6M")                   # the sum of the modules
            competencies:
              - area: Functional
                theme: Office Management
                subTheme: e-Office and File Management
            modules:
              - path: modules/introduction
            \(standard)
            """
        return [("course.yaml", course.trimmingCharacters(in: .newlines) + "\n"), ("assets/thumbnail.svg", thumbnail)]
            + module(id: "\(id)-introduction").map { ("modules/introduction/" + $0.path, $0.text) }
    }

    static let thumbnail = """
        <svg xmlns="http://www.w3.org/2000/svg" width="320" height="180" viewBox="0 0 320 180"><rect width="320" height="180" fill="#1f4e79"/><text x="160" y="100" font-size="28" fill="#ffffff" text-anchor="middle" font-family="sans-serif">coursekit</text></svg>

        """

    /// A module folder: `module.yaml`, one lesson in Hindi and English, and a quiz.
    public static func module(id: String) -> Files {
        let module = """
            id: \(id)
            languages: [hi, en]
            title: {hi: "परिचय", en: "Introduction"}
            description:
              hi: इस मॉड्यूल में क्या है और यह क्यों ज़रूरी है — एक-दो वाक्य।
              en: What this module covers and why it matters, in a sentence or two.
            tags: [practical]
            duration: PT6M                   # the lessons plus the quiz (5 questions, a minute each)
            objectives:
              - {hi: "पाठ्यक्रम का उद्देश्य समझाना", en: "Explain what the course is for"}
            lessons:
              - file: lessons/welcome.md     # + lessons/welcome.en.md for English
                title: {hi: "स्वागत", en: "Welcome"}
                duration: PT1M
                kind: reading
            assessment:
              quiz: quiz.yaml

            """
        return [("module.yaml", module)] + lesson(name: "welcome").map { ("lessons/" + $0.path, $0.text) }
            + [("quiz.yaml", quiz(id: "\(id)-quiz"))]
    }

    /// A lesson in Hindi (`NAME.md`) and English (`NAME.en.md`).
    public static func lesson(name: String) -> Files {
        let hindi = """
            ---
            duration: PT1M
            summary: इस पाठ में सीखने वाला क्या जानेगा, एक वाक्य में।
            ---
            # स्वागत

            यह पाठ का पहला अनुच्छेद है। छोटे वाक्य लिखें और वही बताएँ जो सीखने वाले को अपने काम में
            चाहिए।

            ## आप क्या सीखेंगे

            - पहली बात
            - दूसरी बात

            """
        let english = """
            ---
            duration: PT1M
            summary: What the learner will know after this lesson, in one sentence.
            ---
            # Welcome

            This is the first paragraph of the lesson. Write short sentences and say what the learner
            needs in their work.

            ## What you will learn

            - The first point
            - The second point

            """
        return [("\(name).md", hindi), ("\(name).en.md", english)]
    }

    /// A quiz with five questions (the policy's smallest bank that can be shuffled).
    public static func quiz(id: String) -> String {
        var text = """
            id: \(id)
            languages: [hi, en]
            title: {hi: "मूल्यांकन", en: "Assessment"}
            passMark: 70                     # percent needed to pass
            shuffle: true
            questions:

            """
        let prompts = [
            ("यह पाठ्यक्रम किसके लिए है?", "Who is this course for?"),
            ("पाठ पूरा करने के बाद सबसे पहले क्या करें?", "What do you do first after the lesson?"),
            ("काम में कोई संदेह हो तो किससे पूछें?", "Whom do you ask when in doubt at work?"),
            ("नियम कहाँ लिखे हैं?", "Where are the rules written?"),
        ]
        for (index, prompt) in prompts.enumerated() {
            text += """
                  - id: q\(index + 1)
                    type: single-choice
                    prompt: {hi: "\(prompt.0)", en: "\(prompt.1)"}
                    options:
                      - {text: {hi: "सही उत्तर", en: "The right answer"}, correct: true}
                      - {text: {hi: "ग़लत उत्तर", en: "A wrong answer"}}
                    explanation: {hi: "सही उत्तर क्यों सही है, एक वाक्य में।", en: "Why the right answer is right, in one sentence."}

                """
        }
        text += """
              - id: q5
                type: true-false
                prompt: {hi: "मूल्यांकन पाठ के बाद होता है।", en: "The assessment comes after the lesson."}
                answer: true
                explanation: {hi: "पहले पाठ, फिर मूल्यांकन।", en: "First the lesson, then the assessment."}

            """
        return text
    }

    /// A 7-day programme that schedules the standard modules on its first days.
    public static func programme(id: String, course: String?) -> Files {
        var days = ""
        for day in 1...7 {
            var sessions = """
                      - title: {hi: "दिन \(day): कक्षा सत्र", en: "Day \(day): classroom session"}
                        duration: PT5H30M
                        mode: classroom
                      - title: {hi: "दिन \(day): मूल्यांकन", en: "Day \(day): assessment"}
                        duration: PT30M
                        mode: assessment

                """
            if day == 1 {
                sessions = """
                          - title: {hi: "लोक सेवकों के लिए एआई", en: "AI for public servants"}
                            duration: PT2H
                            library: up-karmayogi/ai-for-public-servants
                          - title: {hi: "साइबर सुरक्षा की अनिवार्य बातें", en: "Cyber security essentials"}
                            duration: PT2H
                            library: up-karmayogi/cyber-security-essentials
                          - title: {hi: "परिचय और अभ्यास", en: "Introduction and practice"}
                            duration: PT1H30M
                            mode: classroom
                          - title: {hi: "आरंभिक मूल्यांकन", en: "Baseline assessment"}
                            duration: PT30M
                            mode: assessment

                    """
            } else if day == 2, let course {
                sessions = """
                          - title: {hi: "विभाग का पाठ्यक्रम", en: "The department's course"}
                            duration: PT5H30M
                            course: \(course)
                          - title: {hi: "दिन 2: मूल्यांकन", en: "Day 2: assessment"}
                            duration: PT30M
                            mode: assessment

                    """
            }
            days += "  - day: \(day)\n    title: {hi: \"दिन \(day)\", en: \"Day \(day)\"}\n    sessions:\n" + sessions
        }
        let text = """
            id: \(id)
            version: 1.0.0
            languages: [hi, en]
            title: {hi: "सात-दिवसीय क्षमता-निर्माण कार्यक्रम", en: "Seven-day capacity-building programme"}
            description:
              hi: सभी अधिकारियों और कर्मचारियों के लिए अनिवार्य सात-दिवसीय कार्यक्रम, जो पदोन्नति और वार्षिक गोपनीय प्रविष्टि से जुड़ा है।
              en: The mandatory seven-day programme for all officers and employees, linked to promotion and the ACR.
            keywords:
              hi: [क्षमता-निर्माण, मिशन कर्मयोगी]
              en: [capacity building, Mission Karmayogi]
            audience: [employee]
            competencies:
              - area: Functional
                theme: Office Management
                subTheme: e-Office and File Management
            provider:
              name: {hi: "विभाग का नाम, उत्तर प्रदेश", en: "Name of the department, Uttar Pradesh"}
              department: department
            licence: CC-BY-4.0
            thumbnail: assets/thumbnail.svg
            countsToward: [promotion, acr]
            days:

            """ + days
        return [("programme.yaml", text), ("assets/thumbnail.svg", thumbnail)]
    }

    /// An Amrit Gyan Kosh case study with every required section, in Hindi and English.
    public static func caseStudy(id: String) -> Files {
        func section(_ hi: String, _ en: String) -> String { "{hi: \"\(hi)\", en: \"\(en)\"}" }
        let text = """
            id: \(id)
            languages: [hi, en]
            title: \(section("केस स्टडी का शीर्षक", "Title of the case study"))
            summary: \(section("पहल क्या थी और उससे क्या बदला, दो वाक्यों में।", "What the initiative was and what it changed, in two sentences."))
            context:
              state: Uttar Pradesh
              districts: [Lucknow]
              year: 2025
              department: \(section("विभाग का नाम", "Name of the department"))
              sdgs: [16]
            licence: CC-BY-4.0
            keywords: {hi: [सुशासन], en: [good governance]}
            sections:
              context: \(section("पृष्ठभूमि: स्थिति क्या थी।", "Context: what the situation was."))
              challenge: \(section("चुनौती: समस्या क्या थी, आँकड़ों सहित।", "Challenge: what the problem was, with figures."))
              intervention: \(section("पहल: क्या किया गया, किसने, कब।", "Intervention: what was done, by whom, when."))
              outcomes: \(section("परिणाम: क्या बदला, आँकड़ों सहित।", "Outcomes: what changed, with figures."))
              lessons: \(section("सीख: दूसरों के लिए क्या सीख है।", "Lessons: what others can learn."))
              replication: \(section("दोहराना: दूसरा ज़िला इसे कैसे अपना सकता है।", "Replication: how another district can do the same."))
            discussionQuestions:
              - \(section("इस पहल की सफलता का मुख्य कारण क्या था?", "What was the main reason this initiative worked?"))
            teachingNotes: \(section("प्रशिक्षक के लिए: 45 मिनट; पहले सारांश, फिर चर्चा।", "For the trainer: 45 minutes; the summary first, then the discussion."))
            sources:
              - {title: "Source document", issuer: "Government of Uttar Pradesh", year: 2025, reference: "write where the facts come from"}

            """
        return [("case-study.yaml", text)]
    }
}

extension Scaffold {
    /// Adds `item` (one or more lines, already indented for the list) at the end of the
    /// top-level list `key:` of a YAML text, keeping comments and layout; nil when the text has
    /// no such block list (a flow list `key: [...]` is not edited).
    public static func appendingListItem(to text: String, key: String, item: String) -> String? {
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.components(separatedBy: newline)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("\(key):") }) else { return nil }
        let rest = lines[start].dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
        guard rest.isEmpty || rest.hasPrefix("#") else { return nil }
        var end = start
        var index = start + 1
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { index += 1; continue }
            if let first = line.first, first != " ", first != "-" { break }
            end = index
            index += 1
        }
        lines.insert(contentsOf: item.components(separatedBy: "\n").filter { !$0.isEmpty }, at: end + 1)
        return lines.joined(separator: newline)
    }

    /// Adds `minutes` to the top-level `duration:` of a YAML text (ISO 8601 hours and minutes),
    /// keeping the rest of the line; nil when there is no such line or it is not `PT…H…M`.
    public static func addingMinutes(_ minutes: Int, toDurationIn text: String) -> String? {
        var lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.hasPrefix("duration:") }) else { return nil }
        let rest = lines[index].dropFirst("duration:".count)
        let value = rest.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
        guard value.hasPrefix("PT") else { return nil }
        var total = 0, number = 0
        for character in value.dropFirst(2) {
            if let digit = character.wholeNumberValue { number = number * 10 + digit; continue }
            switch character {
            case "H": total += number * 60
            case "M": total += number
            default: return nil
            }
            number = 0
        }
        total += minutes
        let written = "PT" + (total >= 60 ? "\(total / 60)H" : "") + (total % 60 > 0 || total == 0 ? "\(total % 60)M" : "")
        lines[index] = "duration:" + rest.replacingOccurrences(of: value, with: written)
        return lines.joined(separator: "\n")
    }

    /// A name usable as an id: lowercase letters, digits and hyphens, starting with a letter.
    public static func isValidName(_ name: String) -> Bool {
        guard name.count >= 3, name.count <= 64, let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
