// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "stdkit",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "stdkit", targets: ["stdkit"]),
        .library(name: "StdKitModel", targets: ["StdKitModel"]),
        .library(name: "StdKitCheck", targets: ["StdKitCheck"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
    ],
    targets: [
        // Debian's libcmark-gfm-dev ships one pkg-config file that links both libraries.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The executable's allocator (Sources/stdkit/Allocator.swift); the libraries and the
        // test bundles do not link it.
        .systemLibrary(
            name: "CJemalloc",
            providers: [.apt(["libjemalloc-dev"])]
        ),
        .target(
            name: "StdKitSyntax",
            dependencies: ["CCmarkGFM", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/messages")]
        ),
        .target(
            name: "StdKitModel",
            dependencies: ["StdKitSyntax", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Resources/schemas"), .copy("Resources/profiles"), .copy("Resources/config")]
        ),
        // StdKitDiff only for the version rules: the semantic diff against the base revision
        // (VersionNotBumped, VersionBumpTooSmall) and against the approved revision
        // (Approval.changesSince, which approval-stale shows); approvals, links and the word diff
        // of a suspect link are StdKitModel's and StdKitSyntax's (docs/architecture.md).
        .target(
            name: "StdKitCheck",
            dependencies: ["StdKitDiff", "StdKitModel", "StdKitSyntax"]
        ),
        .target(
            name: "StdKitDiff",
            dependencies: ["StdKitModel", "StdKitSyntax"]
        ),
        .target(
            name: "StdKitPublish",
            dependencies: ["StdKitModel", "StdKitSyntax", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Resources/theme")]
        ),
        .target(
            name: "StdKitInterop",
            dependencies: ["StdKitModel", "StdKitSyntax"]
        ),
        // Word and PDF (DESIGN §15): WordprocessingML of our own in ZIPFoundation's archives; the
        // review import merges with StdKitDiff's three-way merge; PDF prints StdKitPublish's pages; the
        // import of a file stdkit did not make writes documents with StdKitInterop's templates.
        .target(
            name: "StdKitOffice",
            dependencies: ["StdKitDiff", "StdKitInterop", "StdKitModel", "StdKitPublish", "StdKitSyntax",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The project held in memory, edited in place and checked again as it changes (DESIGN §7):
        // what `stdkit lsp` and `stdkit serve` stand on. No protocol type (LSP, HTTP) in it.
        .target(
            name: "StdKitWorkspace",
            dependencies: ["StdKitCheck", "StdKitModel", "StdKitSyntax"]
        ),
        // The Language Server Protocol 3.17 over standard input and output (DESIGN §17): JSON-RPC
        // framing and the messages we use, of our own; the answers are the workspace's.
        .target(
            name: "StdKitLSP",
            dependencies: ["StdKitCheck", "StdKitModel", "StdKitSyntax", "StdKitWorkspace"]
        ),
        // `stdkit serve` (DESIGN §16): the site from memory, live reload and the browser editor on
        // Hummingbird 2; the editing itself (save against a base, merge, new, commit) is
        // `EditSession`, which knows no HTTP.
        .target(
            name: "StdKitServe",
            dependencies: ["StdKitCheck", "StdKitDiff", "StdKitInterop", "StdKitModel", "StdKitPublish", "StdKitSyntax", "StdKitWorkspace",
                           .product(name: "Hummingbird", package: "hummingbird")],
            resources: [.copy("Resources/serve")]
        ),
        .target(
            name: "StdKitCLI",
            dependencies: [
                "StdKitCheck", "StdKitDiff", "StdKitInterop", "StdKitLSP", "StdKitModel", "StdKitOffice", "StdKitPublish", "StdKitServe", "StdKitSyntax", "StdKitWorkspace",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "stdkit", dependencies: ["StdKitCLI", "CJemalloc"]),
        .testTarget(name: "StdKitSyntaxTests", dependencies: ["StdKitSyntax"]),
        .testTarget(name: "StdKitModelTests", dependencies: ["StdKitModel"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "StdKitCheckTests", dependencies: ["StdKitCheck", .product(name: "PropertyBased", package: "swift-property-based")],
                    exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "StdKitDiffTests", dependencies: ["StdKitDiff", .product(name: "PropertyBased", package: "swift-property-based")],
                    exclude: ["Fixtures"]),
        .testTarget(name: "StdKitPublishTests", dependencies: ["StdKitPublish"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "StdKitInteropTests", dependencies: ["StdKitInterop", "StdKitCheck"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "StdKitOfficeTests", dependencies: ["StdKitOffice", "StdKitCheck"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "StdKitWorkspaceTests", dependencies: ["StdKitWorkspace", "StdKitCheck"]),
        .testTarget(name: "StdKitLSPTests", dependencies: ["StdKitLSP", "StdKitWorkspace"]),
        .testTarget(name: "StdKitServeTests", dependencies: ["StdKitServe", "StdKitWorkspace",
                                                            .product(name: "HummingbirdTesting", package: "hummingbird")]),
        .testTarget(name: "StdKitCLITests", dependencies: ["StdKitCLI"]),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer target, only for `make fuzz` (it needs -sanitize=fuzzer to link).
if Context.environment["STDKIT_FUZZ"] == "1" {
    package.targets.append(.executableTarget(
        name: "stdkit-fuzz", dependencies: ["StdKitDiff", "StdKitInterop", "StdKitModel", "StdKitSyntax"], path: "Tests/Fuzz/StdKitFuzz",
        linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"])]))
}
