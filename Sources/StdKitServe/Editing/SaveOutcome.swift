/// What a save did: wrote the text, or found the file changed since the text's base and wrote
/// nothing.
public enum SaveOutcome: Sendable {
    /// Written (or already so on disk): the file's new digest and findings.
    case saved(digest: String, findings: [Finding])
    /// The file changed since the base: nothing written; the merge to resolve.
    case stale(Stale)
}
