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
    ],
    targets: [
        .systemLibrary(
            name: "CGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .target(name: "CRMSyntax"),
        .target(name: "CRMWorkspace", dependencies: ["CRMSyntax"]),
        .target(name: "CRMQuery", dependencies: ["CRMSyntax", "CRMWorkspace"]),
        .target(name: "CRMGit", dependencies: ["CGit2", "CRMSyntax", "CRMWorkspace"]),
        .target(name: "CRMMerge", dependencies: ["CRMSyntax", "CRMWorkspace"]),
        .target(name: "CRMInterchange", dependencies: ["CRMSyntax", "CRMWorkspace"]),
        .target(name: "CRMWorkflow", dependencies: ["CRMSyntax", "CRMWorkspace", "CRMQuery"]),
        .target(name: "CRMCommands", dependencies: ["CRMSyntax", "CRMWorkspace", "CRMQuery", "CRMGit", "CRMWorkflow", "CRMMerge", "CRMInterchange"]),
        .executableTarget(name: "crm", dependencies: ["CRMCommands"]),
        .executableTarget(name: "crm-dev", dependencies: ["CRMSyntax", "CRMWorkspace", "CRMQuery"], path: "Sources/crm-dev"),
        .testTarget(name: "CRMSyntaxTests", dependencies: ["CRMSyntax"]),
        .testTarget(name: "CRMMergeTests", dependencies: ["CRMMerge", "CRMSyntax", "CRMWorkspace"]),
        .testTarget(name: "CRMInterchangeTests", dependencies: ["CRMInterchange"]),
        .testTarget(name: "CRMWorkspaceTests", dependencies: ["CRMWorkspace", "CRMQuery", "CRMWorkflow"]),
        .testTarget(name: "CRMCommandsTests", dependencies: ["CRMCommands", "CRMWorkspace", "CRMInterchange"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
