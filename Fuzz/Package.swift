// swift-tools-version: 5.4
// libFuzzer targets for crm's readers and parsers. Built and run by `make fuzz` (see Fuzz/run):
//
//     swift build -c release --package-path Fuzz --scratch-path .build-fuzz \
//         -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//
// Each target is one file defining `LLVMFuzzerTestOneInput`; libFuzzer supplies `main`.
import PackageDescription

let package = Package(
    name: "crm-fuzz",
    dependencies: [
        .package(name: "crm", path: ".."),
    ],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "fuzz-record", dependencies: ["FuzzSupport", .product(name: "CRMSyntax", package: "crm")]),
        .executableTarget(name: "fuzz-roundtrip", dependencies: ["FuzzSupport", .product(name: "CRMSyntax", package: "crm")]),
        .executableTarget(name: "fuzz-query", dependencies: [
            "FuzzSupport", .product(name: "CRMQuery", package: "crm"), .product(name: "CRMWorkspace", package: "crm"),
        ]),
        .executableTarget(name: "fuzz-csv", dependencies: ["FuzzSupport", .product(name: "CRMInterchange", package: "crm")]),
        .executableTarget(name: "fuzz-vcard", dependencies: ["FuzzSupport", .product(name: "CRMInterchange", package: "crm")]),
        .executableTarget(name: "fuzz-icalendar", dependencies: ["FuzzSupport", .product(name: "CRMInterchange", package: "crm")]),
        .executableTarget(name: "fuzz-json", dependencies: ["FuzzSupport", .product(name: "CRMInterchange", package: "crm")]),
        .executableTarget(name: "fuzz-accounting", dependencies: ["FuzzSupport", .product(name: "CRMAccounting", package: "crm")]),
        .executableTarget(name: "fuzz-mail", dependencies: ["FuzzSupport", .product(name: "CRMMail", package: "crm")]),
        .executableTarget(name: "fuzz-lsp", dependencies: [
            "FuzzSupport", .product(name: "CRMEditor", package: "crm"), .product(name: "CRMInterchange", package: "crm"),
            .product(name: "CRMWorkspace", package: "crm"),
        ]),
    ]
)
