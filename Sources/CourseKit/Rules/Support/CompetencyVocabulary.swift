import Foundation

/// The iGOT competency vocabulary shipped in `schemas/competencies.json`: areas, their themes
/// and sub-themes. Loaded once per run.
struct CompetencyVocabulary: Sendable {
    /// area → theme → sub-themes
    let areas: [String: [String: Set<String>]]

    static func shipped() throws(ToolError) -> CompetencyVocabulary {
        let url: URL
        do {
            url = try SchemaSet.shippedDirectory().appendingPathComponent("competencies.json")
        } catch {
            throw ToolError(error.message)
        }
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8),
              let document = try? JSONDocumentLoader().load(text: text, path: url.path)
        else {
            throw ToolError(LocalizedText(
                en: "cannot read the competency vocabulary \(url.path)", hi: "दक्षता शब्दावली \(url.path) पढ़ी नहीं जा सकी"))
        }
        var areas: [String: [String: Set<String>]] = [:]
        for area in document["areas"]?.array ?? [] {
            guard let name = area["name"]?.string else { continue }
            for theme in area["themes"]?.array ?? [] {
                guard let themeName = theme["name"]?.string else { continue }
                areas[name, default: [:]][themeName] = Set(theme["subThemes"]?.array?.compactMap(\.string) ?? [])
            }
        }
        return CompetencyVocabulary(areas: areas)
    }

    /// This vocabulary with a repository's own entries added (`competencies:` in coursekit.yaml).
    func adding(_ extra: [String: [String: Set<String>]]) -> CompetencyVocabulary {
        var areas = self.areas
        for (area, themes) in extra {
            for (theme, subThemes) in themes { areas[area, default: [:]][theme, default: []].formUnion(subThemes) }
        }
        return CompetencyVocabulary(areas: areas)
    }
}
