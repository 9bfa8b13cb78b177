/// A document's text as it would look and be checked if saved (`POST /api/preview`): nothing
/// is written.
public struct Preview: Sendable, Codable, Hashable {
    /// The page body as `stdkit build` renders it.
    public var html: String
    public var findings: [Finding]

    public init(html: String, findings: [Finding]) {
        self.html = html
        self.findings = findings
    }
}
