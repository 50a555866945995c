// swift-tools-version:6.0
import Foundation
import PackageDescription

let package = Package(
    name: "coursekit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "CourseKit", targets: ["CourseKit"]),
        .executable(name: "coursekit", targets: ["coursekit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CArchive",
            pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"])]
        ),
        // libdeflate (Debian libdeflate-dev, at run time libdeflate0) deflates the entries of the
        // archives coursekit writes: about 2.4 times as fast as zlib at a smaller size on an
        // ECAR's JSON (README, "Performance"). libarchive still reads archives.
        .systemLibrary(
            name: "CDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        .target(
            name: "CourseKit",
            dependencies: [
                "Yams",
                "CCmarkGFM",
                "CArchive",
                "CDeflate",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "coursekit",
            dependencies: [
                "CourseKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)],
            // jemalloc (Debian libjemalloc-dev, at run time libjemalloc2) replaces glibc's malloc
            // for the whole process: validate and pack allocate millions of small values on
            // several threads, and spend about a sixth of their time in glibc's allocator
            // (README, "Performance"). The library and its tests keep the system allocator.
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        // Helpers both test targets share: temporary folders and required command-line tools.
        .target(
            name: "TestSupport",
            path: "Tests/TestSupport",
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .testTarget(
            name: "CourseKitTests",
            dependencies: ["CourseKit", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .testTarget(
            name: "coursekitTests",
            dependencies: ["coursekit", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)

// libFuzzer targets (Fuzz/README.md): declared only for `COURSEKIT_FUZZ=1 Fuzz/run.sh`, which
// builds with `-sanitize=fuzzer,address`; libFuzzer supplies `main`, so an ordinary build
// must not see this target.
if ProcessInfo.processInfo.environment["COURSEKIT_FUZZ"] != nil {
    package.targets.append(.executableTarget(
        name: "coursekit-fuzz",
        dependencies: ["CourseKit"],
        path: "Fuzz/Sources/coursekit-fuzz",
        swiftSettings: [.swiftLanguageMode(.v6), .unsafeFlags(["-parse-as-library"])]
    ))
}
