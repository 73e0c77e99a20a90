// swift-tools-version:6.0
import PackageDescription

// docsearch: one library that holds all the logic, a thin CLI, a table
// generator, a benchmark executable and the tests. No package dependencies:
// the Swift toolchain alone (stdlib, Foundation, Dispatch, Glibc).
// Release builds on Linux carry the Swift runtime and Foundation inside the
// executables (-static-stdlib, at compile time, which picks the static
// modules, and at link time): one file to copy to a server, and a process that
// starts in a third of the time, most of a CLI search (the cold CLI took
// 9.5 ms against 14.6, `docsearch-bench speed`). Debug builds (the tests)
// use the shared libraries.
let staticRuntime: [String] = ["-static-stdlib"]
let inRelease = BuildSettingCondition.when(platforms: [.linux], configuration: .release)

let package = Package(
    name: "docsearch",
    products: [
        .executable(name: "docsearch", targets: ["docsearch"]),
        .library(name: "DocsearchKit", targets: ["DocsearchKit"]),
    ],
    targets: [
        // The query loops move struct cursors held by iterator objects; Swift's
        // run-time exclusivity checks on those accesses took about a fifth of
        // query time (perf, docsearch-bench latency). The compile-time checks stay.
        .target(name: "DocsearchKit", path: "Sources/DocsearchKit",
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
                                .unsafeFlags(staticRuntime, inRelease)]),
        .executableTarget(name: "docsearch", dependencies: ["DocsearchKit"], path: "Sources/docsearch",
                          swiftSettings: [.unsafeFlags(staticRuntime, inRelease)],
                          linkerSettings: [.unsafeFlags(staticRuntime, inRelease)]),
        // Writes the generated Unicode lookup tables; run by hand when they change.
        .executableTarget(name: "GenerateTables", path: "Sources/GenerateTables"),
        // Release-build benchmark: speed, memory, accuracy and ranking figures beside the peers'.
        .executableTarget(name: "docsearch-bench", dependencies: ["DocsearchKit"], path: "Benchmarks/DocsearchBench",
                          swiftSettings: [.unsafeFlags(staticRuntime, inRelease)],
                          linkerSettings: [.unsafeFlags(staticRuntime, inRelease)]),
        // Fixtures are read by path, not bundled.
        .testTarget(name: "DocsearchKitTests", dependencies: ["DocsearchKit"], path: "Tests/DocsearchKitTests",
                    exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v5]
)
