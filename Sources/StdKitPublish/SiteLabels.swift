/// The site's names of kinds and front-matter fields in a project's language, for the front
/// ends that show them outside a page (`stdkit serve`'s form and 新建), so that they and the
/// built pages say the same.
public enum SiteLabels {
    /// The name of document kind `kind` in `lang` (a project's `lang`), else the kind as written.
    public static func kind(_ kind: String, lang: String) -> String {
        SiteStrings(lang: lang).kind(kind)
    }

    /// The label of front-matter field `name` in `lang`, else the name as written. The fields
    /// every kind has (`id`, `kind`, `title`, …) are not rows of a page's details, so they have
    /// no `field.` string: they take the words the page uses for them (编号, 类型, 标题, …).
    public static func field(_ name: String, lang: String) -> String {
        let strings = SiteStrings(lang: lang)
        let label = strings.field(name)
        return label == name && commonFields.contains(name) ? strings[name] : label
    }

    /// The front-matter fields of every kind (DESIGN §2).
    static let commonFields: Set<String> = ["id", "kind", "title", "version", "status", "owner", "parties", "approvals"]
}
