// The package declares this test target; this file only lets it build until the command-line
// tests exist on this branch.
import Testing

@Test func commandTestTargetBuilds() {}
