import Foundation
import Testing
@testable import CourseKit

/// Effort is measured for the report only when the report prints it (`--format json`): the
/// findings are the same either way.
@Suite("Measuring effort only for reports that show it")
struct EffortMeasurementTests {
    @Test func skippingEffortChangesNoFindingAndLeavesTheFiguresOut() throws {
        let options = try ValidationOptions.load(workingDirectory: CatalogueCopy.packageRoot)
        let measured = try Validator(options: options).validate(paths: ["courses"])
        var validator = try Validator(options: options)
        validator.measuresEffort = false
        let skipped = try validator.validate(paths: ["courses"])
        #expect(measured.effort.map { !$0.courses.isEmpty } == true, "the shipped courses have effort figures")
        #expect(skipped.effort?.isEmpty ?? true)
        #expect(skipped.findings == measured.findings)
        #expect(skipped.checkedFiles == measured.checkedFiles)
    }
}
