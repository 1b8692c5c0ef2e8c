// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "crm",
    products: [
        .executable(name: "crm", targets: ["crm"]),
        // For the libFuzzer targets in Fuzz/, a package of its own that depends on this one.
        .library(name: "CRMSyntax", targets: ["CRMSyntax"]),
        .library(name: "CRMWorkspace", targets: ["CRMWorkspace"]),
        .library(name: "CRMQuery", targets: ["CRMQuery"]),
        .library(name: "CRMInterchange", targets: ["CRMInterchange"]),
        .library(name: "CRMMail", targets: ["CRMMail"]),
        .library(name: "CRMAccounting", targets: ["CRMAccounting"]),
        .library(name: "CRMPrivacy", targets: ["CRMPrivacy"]),
    ],
    targets: [
        .systemLibrary(
            name: "CGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .target(name: "CSystem"),
        .target(name: "CRMSyntax"),
        .target(name: "CRMWorkspace", dependencies: ["CSystem", "CRMSyntax"]),
        .target(name: "CRMQuery", dependencies: ["CRMSyntax", "CRMWorkspace"]),
        .target(name: "CRMGit", dependencies: ["CGit2", "CRMSyntax", "CRMWorkspace"]),
        .target(name: "CRMMerge", dependencies: ["CRMSyntax", "CRMWorkspace"]),
        .target(name: "CRMInterchange", dependencies: ["CRMSyntax", "CRMWorkspace", "CRMMerge", "CRMCheck"]),
        .target(name: "CRMMail", dependencies: ["CRMSyntax", "CRMWorkspace", "CRMInterchange"]),
        .target(name: "CRMAccounting", dependencies: ["CRMSyntax", "CRMWorkspace", "CRMInterchange"]),
        .target(name: "CRMPrivacy", dependencies: ["CRMSyntax", "CRMWorkspace", "CRMGit", "CRMChange"]),
        .target(name: "CRMWorkflow", dependencies: ["CRMSyntax", "CRMWorkspace", "CRMQuery", "CRMInterchange"]),
        .target(name: "CRMCheck", dependencies: ["CRMSyntax", "CRMWorkspace", "CRMQuery", "CRMGit"]),
        .target(name: "CRMChange", dependencies: ["CRMSyntax", "CRMWorkspace", "CRMGit", "CRMMerge", "CRMCheck"]),
        .target(name: "CRMCommands", dependencies: ["CRMSyntax", "CRMWorkspace", "CRMQuery", "CRMGit", "CRMWorkflow", "CRMMerge", "CRMInterchange",
                                                    "CRMCheck", "CRMChange", "CRMMail", "CRMAccounting", "CRMPrivacy"]),
        .executableTarget(name: "crm", dependencies: ["CRMCommands"]),
        .executableTarget(name: "crm-dev", dependencies: ["CRMSyntax", "CRMWorkspace", "CRMQuery"], path: "Sources/crm-dev"),
        .target(name: "CRMTestSupport", dependencies: ["CRMWorkspace", "CRMInterchange"], path: "Tests/CRMTestSupport"),
        .testTarget(name: "CRMSyntaxTests", dependencies: ["CRMSyntax", "CRMTestSupport"]),
        .testTarget(name: "CRMWorkspaceTests", dependencies: ["CRMWorkspace", "CRMSyntax", "CRMTestSupport"]),
        .testTarget(name: "CRMQueryTests", dependencies: ["CRMQuery", "CRMSyntax", "CRMWorkspace", "CRMTestSupport"]),
        .testTarget(name: "CRMGitTests", dependencies: ["CRMGit", "CRMWorkspace", "CRMTestSupport"]),
        .testTarget(name: "CRMMergeTests", dependencies: ["CRMMerge", "CRMSyntax", "CRMWorkspace"]),
        .testTarget(name: "CRMCheckTests", dependencies: ["CRMCheck", "CRMSyntax", "CRMWorkspace", "CRMTestSupport"]),
        .testTarget(name: "CRMChangeTests", dependencies: ["CRMChange", "CRMGit", "CRMWorkspace", "CRMTestSupport"]),
        .testTarget(name: "CRMInterchangeTests", dependencies: ["CRMInterchange", "CRMTestSupport"]),
        .testTarget(name: "CRMAccountingTests", dependencies: ["CRMAccounting", "CRMWorkspace", "CRMInterchange", "CRMTestSupport"]),
        .testTarget(name: "CRMPrivacyTests", dependencies: ["CRMPrivacy", "CRMWorkspace", "CRMSyntax"]),
        .testTarget(name: "CRMMailTests", dependencies: ["CRMMail", "CRMWorkspace", "CRMTestSupport"]),
        .testTarget(name: "CRMWorkflowTests", dependencies: ["CRMWorkflow", "CRMWorkspace", "CRMTestSupport"]),
        .testTarget(name: "CRMCommandsTests", dependencies: ["CRMCommands", "CRMWorkspace", "CRMInterchange", "CRMTestSupport"],
                    exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
