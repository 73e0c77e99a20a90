// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for docsearch, kept out of the root package so that
// `swift build` and `swift test` never build them. Build and run with
// Benchmarks/robustness/fuzz.sh, or by hand:
//
//     cd Tests/Fuzz
//     swift build -c debug -Xswiftc -sanitize=fuzzer,address
//     .build/debug/FuzzNormalizer -max_total_time=600 corpus/normalizer
//
// Each target's main.swift hands its test function to LLVMFuzzerRunDriver.
let package = Package(
    name: "docsearch-fuzz",
    dependencies: [.package(name: "docsearch", path: "../..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzNormalizer", dependencies: ["FuzzSupport", .product(name: "DocsearchKit", package: "docsearch")]),
        .executableTarget(name: "FuzzCitations", dependencies: ["FuzzSupport", .product(name: "DocsearchKit", package: "docsearch")]),
        .executableTarget(name: "FuzzQuery", dependencies: ["FuzzSupport", .product(name: "DocsearchKit", package: "docsearch")]),
        .executableTarget(name: "FuzzHTTPParser", dependencies: ["FuzzSupport", .product(name: "DocsearchKit", package: "docsearch")]),
        .executableTarget(name: "FuzzIndexReader", dependencies: ["FuzzSupport", .product(name: "DocsearchKit", package: "docsearch")]),
    ],
    swiftLanguageModes: [.v5]
)
