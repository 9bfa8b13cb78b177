/// A language stdkit speaks to its users in (DESIGN §18).
public enum Language: String, Sendable, CaseIterable {
    case en
    case zhCN = "zh-CN"

    /// The language a tag names: `zh`, `zh-CN`, `zh_CN.UTF-8` and any other `zh…` are Chinese,
    /// `en…` English; nil for any other (`fr`, `C`, "").
    public init?(tag: String) {
        let lowered = tag.lowercased()
        if lowered.hasPrefix("zh") {
            self = .zhCN
        } else if lowered.hasPrefix("en") {
            self = .en
        } else {
            return nil
        }
    }

    /// The language chosen as DESIGN §18 says: `option` (`--lang`), else `STDKIT_LANG`, else
    /// the project's `lang` as written in stdkit.yml, else the locale (`LC_ALL`, `LC_MESSAGES`,
    /// `LANG`, the first one set: `zh…` is Chinese, anything else English).
    ///
    /// A value that names no language is passed over, so a stray `STDKIT_LANG=fr` falls back
    /// to the project's choice instead of failing the check.
    public static func chosen(option: Language?, environment: [String: String], projectLang: String?) -> Language {
        if let option { return option }
        if let tag = environment["STDKIT_LANG"], let language = Language(tag: tag) { return language }
        if let tag = projectLang, let language = Language(tag: tag) { return language }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let tag = environment[name], !tag.isEmpty else { continue }
            return Language(tag: tag) == .zhCN ? .zhCN : .en
        }
        return .en
    }
}
