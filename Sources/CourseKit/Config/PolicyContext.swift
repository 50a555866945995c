import Foundation

/// Settings several policy rules share, read from `coursekit.yaml`: the effort model's
/// parameters (`effort:`) and the glossary (`glossary:`). The validator hands them to every
/// batch through `Catalogue.policy`.
public struct PolicyContext: Sendable {
    public var effort = EffortParameters.defaults
    /// The glossary named by `glossary:`, loaded and checked.
    public var glossary: Glossary?
    /// The glossary's file, whose bytes key the validation cache.
    var glossaryFile: URL?

    public init(effort: EffortParameters = .defaults, glossary: Glossary? = nil) {
        self.effort = effort
        self.glossary = glossary
    }
}

/// Reads the `effort:` and `glossary:` sections of `coursekit.yaml`. Problems are
/// configuration errors at their line.
struct PolicyContextReader {
    var schemas: SchemaSet

    func read(_ root: LocatedValue, directory: URL, file: String, problems: inout [ToolError]) -> PolicyContext {
        var context = PolicyContext()
        if let effort = root["effort"] { context.effort = readEffort(effort, problems: &problems) }
        if let glossary = root["glossary"], let path = glossary.string {
            do throws(ToolError) {
                context.glossaryFile = directory.appendingPathComponent(path)
                context.glossary = try loadGlossary(path, at: glossary.location, directory: directory, configFile: file)
            } catch {
                problems.append(error)
            }
        }
        return context
    }

    private func wrong(_ value: LocatedValue, _ key: String, _ en: String, _ hi: String) -> ToolError {
        ToolError(LocalizedText(
            en: "effort setting '\(key)' must be \(en), found \(value.typeName)",
            hi: "effort की सेटिंग '\(key)' \(hi) होनी चाहिए, पर \(value.typeName) मिला"), at: value.location)
    }

    private func duration(_ value: LocatedValue, _ key: String, problems: inout [ToolError]) -> Int? {
        guard let text = value.string, let seconds = ISODuration.seconds(text) else {
            problems.append(wrong(value, key, "an ISO 8601 duration such as PT20M", "PT20M जैसी ISO 8601 अवधि"))
            return nil
        }
        return seconds
    }

    private func positive(_ value: LocatedValue, _ key: String, problems: inout [ToolError]) -> Double? {
        guard let number = value.number, number > 0, number < 100_000 else {
            problems.append(wrong(value, key, "a positive number", "धनात्मक संख्या"))
            return nil
        }
        return number
    }

    func readEffort(_ value: LocatedValue, problems: inout [ToolError]) -> EffortParameters {
        var parameters = EffortParameters.defaults
        guard let object = value.object else { return parameters }
        for entry in object.entries {
            switch entry.key {
            case "wordsPerMinute":
                for rate in entry.value.object?.entries ?? [] {
                    if let number = positive(rate.value, "wordsPerMinute.\(rate.key)", problems: &problems) {
                        if rate.key == "other" { parameters.otherLanguagesWordsPerMinute = number } else { parameters.wordsPerMinute[rate.key] = number }
                    }
                }
            case "activities":
                for activity in entry.value.object?.entries ?? [] {
                    var range = parameters.activities[activity.key] ?? EffortParameters.ActivityRange(minimumSeconds: 0, maximumSeconds: 0)
                    if let minimum = activity.value["minimum"], let seconds = duration(minimum, "activities.\(activity.key).minimum", problems: &problems) {
                        range.minimumSeconds = seconds
                    }
                    if let maximum = activity.value["maximum"], let seconds = duration(maximum, "activities.\(activity.key).maximum", problems: &problems) {
                        range.maximumSeconds = seconds
                    }
                    if range.maximumSeconds < range.minimumSeconds {
                        problems.append(ToolError(LocalizedText(
                            en: "effort setting 'activities.\(activity.key)': maximum is shorter than minimum",
                            hi: "effort की सेटिंग 'activities.\(activity.key)': maximum, minimum से छोटा है"), at: activity.keyLocation))
                    }
                    parameters.activities[activity.key] = range
                }
            case "timePerQuestion":
                if let seconds = duration(entry.value, entry.key, problems: &problems) { parameters.secondsPerQuestion = seconds }
            case "tolerancePercent":
                if let number = entry.value.number, number >= 0, number <= 100 {
                    parameters.tolerance = number / 100
                } else {
                    problems.append(wrong(entry.value, entry.key, "a percentage from 0 to 100", "0 से 100 तक का प्रतिशत"))
                }
            case "slack":
                if let seconds = duration(entry.value, entry.key, problems: &problems) { parameters.slackSeconds = seconds }
            default:
                break  // the schema reports unknown keys
            }
        }
        return parameters
    }

    /// Reads the glossary file (relative to the folder of coursekit.yaml) and checks it against
    /// `schemas/glossary.schema.json`.
    func loadGlossary(_ written: String, at location: SourceLocation, directory: URL, configFile: String) throws(ToolError) -> Glossary {
        guard !written.hasPrefix("/"), !written.split(separator: "/").contains("..") else {
            throw ToolError(LocalizedText(
                en: "glossary path '\(written)' must be relative to the folder of coursekit.yaml and stay inside it",
                hi: "शब्दावली का पथ '\(written)' coursekit.yaml के फ़ोल्डर के सापेक्ष और उसी के भीतर होना चाहिए"), at: location)
        }
        let url = directory.appendingPathComponent(written)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ToolError(LocalizedText(
                en: "glossary '\(written)' not found", hi: "शब्दावली '\(written)' नहीं मिली"), at: location)
        }
        let configFolder = (configFile as NSString).deletingLastPathComponent
        let display = configFolder.isEmpty ? written : configFolder + "/" + written
        let value: LocatedValue
        do {
            value = try YAMLDocumentLoader(maximumFileSize: 4 * 1024 * 1024).load(data: data, path: display)
        } catch {
            throw ToolError(error.message, at: error.location)
        }
        if let schema = schemas.schema(named: Glossary.schemaFileName) {
            let violations = schema.validate(value)
            if !violations.isEmpty {
                throw ConfigurationLoader.combine(violations.map { ToolError($0.message, at: $0.location) })
            }
        }
        return Glossary(value, file: display)
    }
}
