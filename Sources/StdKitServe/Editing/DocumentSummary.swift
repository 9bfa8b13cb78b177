/// One document of the project as a list shows it (`GET /api/documents`).
public struct DocumentSummary: Sendable, Codable, Hashable {
    public var id: String
    public var kind: String
    public var title: String
    public var path: String
    public var version: String?
    public var status: String?
    /// How many findings its file has.
    public var findings: Int

    public init(id: String, kind: String, title: String, path: String, version: String?, status: String?, findings: Int) {
        self.id = id
        self.kind = kind
        self.title = title
        self.path = path
        self.version = version
        self.status = status
        self.findings = findings
    }

    // `version` and `status` are written as null when absent: one shape for the browser.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(title, forKey: .title)
        try container.encode(path, forKey: .path)
        try container.encode(version, forKey: .version)
        try container.encode(status, forKey: .status)
        try container.encode(findings, forKey: .findings)
    }
}
