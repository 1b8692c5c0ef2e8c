/// The translation files built into crm (`Resources/*.yaml`, embedded when it is built, so no
/// bundle is looked for at run time).
public enum Catalogs {
    /// The catalog of `language`; one that does not read (a test catches that) is empty.
    public static func catalog(_ language: Language) -> Catalog {
        (try? Catalog(parsing: bytes(language), path: path(language), language: language))
            ?? Catalog(language: language, entries: [:], keys: [])
    }

    /// The file's bytes as built in.
    public static func bytes(_ language: Language) -> [UInt8] {
        switch language {
        case .english: return PackageResources.en_yaml
        case .czech: return PackageResources.cs_yaml
        case .slovak: return PackageResources.sk_yaml
        }
    }

    /// Where the file is in the source tree, for its diagnostics.
    public static func path(_ language: Language) -> String {
        "Sources/CRMLocale/Resources/\(language.rawValue).yaml"
    }
}
