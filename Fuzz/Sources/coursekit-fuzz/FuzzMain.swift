import CourseKit
import Foundation

/// libFuzzer entry point, built only with `COURSEKIT_FUZZ=1` and `-sanitize=fuzzer,address`
/// (see `Fuzz/run.sh`). The target is chosen by `COURSEKIT_FUZZ_TARGET`.
nonisolated(unsafe) let fuzzTarget = ProcessInfo.processInfo.environment["COURSEKIT_FUZZ_TARGET"] ?? "yaml"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let bytes else { FuzzEntryPoints.run(fuzzTarget, Data()); return 0 }
    FuzzEntryPoints.run(fuzzTarget, Data(bytes: bytes, count: size))
    return 0
}

/// libFuzzer's driver, called from the executable's entry point: SwiftPM links an executable
/// target's `main` to `<module>_main`, so the fuzzer is started from here.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("coursekit_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { bytes, size in fuzzOneInput(bytes, size) }
}
