// swift-tools-version:6.0
import PackageDescription

// docsearch: one library that holds all the logic, a thin CLI, a table
// generator, a benchmark executable and the tests. No package dependencies:
// the Swift toolchain alone (stdlib, Foundation, Dispatch, Glibc).
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
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        .executableTarget(name: "docsearch", dependencies: ["DocsearchKit"], path: "Sources/docsearch"),
        // Writes the generated Unicode lookup tables; run by hand when they change.
        .executableTarget(name: "GenerateTables", path: "Sources/GenerateTables"),
        // Release-build benchmark: speed, memory, accuracy and ranking figures beside the peers'.
        .executableTarget(name: "docsearch-bench", dependencies: ["DocsearchKit"], path: "Benchmarks/DocsearchBench"),
        // Fixtures are read by path, not bundled.
        .testTarget(name: "DocsearchKitTests", dependencies: ["DocsearchKit"], path: "Tests/DocsearchKitTests",
                    exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v5]
)
