import Testing
@testable import CourseKit

/// The pack run's memo of shared values stays within its budget and keeps what is reused.
@Suite("Shared-use memo")
struct SharedUseMemoTests {
    @Test func aFullMemoKeepsTheValuesUsedMoreThanOnce() {
        var memo = SharedUseMemo<String>(limit: 4)
        for key in ["library-quiz", "own-1", "own-2", "own-3"] { memo.store(key, key.uppercased()) }
        #expect(memo.value("library-quiz") == "LIBRARY-QUIZ")
        memo.store("own-4", "OWN-4")  // over the budget: the values used once go
        #expect(memo.count == 2)
        #expect(memo.value("library-quiz") == "LIBRARY-QUIZ")
        #expect(memo.value("own-1") == nil && memo.value("own-3") == nil)
        #expect(memo.value("own-4") == "OWN-4")
    }

    @Test func aByteBudgetBoundsWhatIsKept() {
        var memo = SharedUseMemo<[UInt8]>(limit: 1_000)
        var kept = 0
        for index in 0..<1_000 {
            memo.store("image-\(index)", [UInt8](repeating: 0, count: 100), size: 100)
            kept = max(kept, memo.count)
        }
        #expect(kept <= 10, "at most 1,000 bytes of 100-byte values: \(kept)")
    }

    @Test func sharedValuesFillingHalfTheBudgetStartItAgain() {
        var memo = SharedUseMemo<Int>(limit: 4)
        for index in 0..<4 {
            memo.store("\(index)", index)
            _ = memo.value("\(index)")
        }
        memo.store("new", 9)  // every value is shared, more than half the budget: start again
        #expect(memo.count == 1)
        #expect(memo.value("new") == 9)
    }
}
