/// coursekit's version: the one place it is written. `coursekit --version`, the JSON report's
/// `tool.version` and SARIF's `driver.version` all read it.
public enum CourseKitVersion {
    public static let current = "0.2.0"
}
