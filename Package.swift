// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "crm",
    targets: [
        .target(name: "CRMSyntax"),
        .executableTarget(name: "crm-bench", dependencies: ["CRMSyntax"], path: "Sources/crm-bench"),
        .testTarget(name: "CRMSyntaxTests", dependencies: ["CRMSyntax"]),
    ],
    swiftLanguageModes: [.v6]
)
