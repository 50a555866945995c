import Foundation
import Testing
@testable import CourseKit

/// Replays every input a fuzzing run found a problem with (`Fuzz/regressions/<target>/`),
/// and a few hand-written hostile inputs, through the same entry points the libFuzzer targets
/// drive. A regression crashes or hangs this test.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let regressions = HostileCorpus.packageRoot.appendingPathComponent("Fuzz/regressions")

    @Test func savedInputsStillRunCleanly() throws {
        var replayed = 0
        for target in FuzzEntryPoints.targets {
            let folder = Self.regressions.appendingPathComponent(target)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where !name.hasPrefix(".") {
                FuzzEntryPoints.run(target, try Data(contentsOf: folder.appendingPathComponent(name)))
                replayed += 1
            }
        }
        print("replayed \(replayed) saved fuzz inputs")
    }

    @Test(arguments: FuzzEntryPoints.targets)
    func everyTargetSurvivesOddInputs(_ target: String) {
        let inputs: [Data] = [
            Data(), Data([0]), Data([0xFF, 0xFE, 0x00]), Data("\u{1B}[2J\n\n".utf8),
            Data(("a: &a [" + String(repeating: "*a,", count: 10) + "]\n? *a\n: 1\n").utf8),
            Data((String(repeating: "[", count: 10_000) + "\n").utf8),
            Data((String(repeating: "**/", count: 100) + "\n" + String(repeating: "a/", count: 100)).utf8),
            Data(("<!-- coursekit-disable-next-line -- -->\n" + String(repeating: "# coursekit-disable-file x\n", count: 100)).utf8),
            Data([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0xFF, count: 64)),
        ]
        for input in inputs { FuzzEntryPoints.run(target, input) }
    }
}
