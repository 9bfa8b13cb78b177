/// A document as the editor opens it: its text exactly as on disk (a byte-order mark as
/// U+FEFF, line endings as written), the digest of the file's bytes — the base a save names —
/// and its findings.
public struct StoredDocument: Sendable, Codable, Hashable {
    public var id: String
    public var kind: String
    public var title: String
    /// Relative to the project folder, with `/`.
    public var path: String
    public var text: String
    /// `sha256:` and the hexadecimal SHA-256 of the file's bytes.
    public var digest: String
    public var findings: [Finding]

    public init(id: String, kind: String, title: String, path: String, text: String, digest: String, findings: [Finding]) {
        self.id = id
        self.kind = kind
        self.title = title
        self.path = path
        self.text = text
        self.digest = digest
        self.findings = findings
    }
}
