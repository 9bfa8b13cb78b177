/// The sections a document is expected to have: one answer for the check and for new
/// documents, so that `stdkit new programme` writes the headings the check asks for.
extension Project {
    /// The sections of `kind` in their order: a profile's programme framework
    /// (`programme_sections`, 教职成〔2019〕13号 for `cn-vocational-higher`) where the profile
    /// states one, else the kind schema's.
    public func expectedSections(ofKind kind: String) -> [KindSchema.SectionSpec] {
        if kind == "programme", let sections = profile?.programmeSections { return sections }
        return schemas.schema(for: kind)?.sections ?? []
    }
}
