import StdKitSyntax

extension Message {
    /// A message that shows `text` as it is in every language, for tests of what reporters and
    /// caches do with any text (line breaks, tabs, percent signs). It borrows a catalogue entry
    /// that is a bare placeholder in both catalogues (`{party}`), since only the code that
    /// reports a finding may add a key.
    static func test(_ text: String) -> Message {
        Message("approval-missing.party", ["party": .verbatim(text)])
    }
}
