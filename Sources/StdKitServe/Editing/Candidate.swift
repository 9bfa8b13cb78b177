/// A completion for a reference (`GET /api/complete`): a document, or an item of one
/// (`DOC#ITEM`, its statement as the title).
public struct Candidate: Sendable, Codable, Hashable {
    public var id: String
    public var title: String
    public var kind: String

    public init(id: String, title: String, kind: String) {
        self.id = id
        self.title = title
        self.kind = kind
    }
}
