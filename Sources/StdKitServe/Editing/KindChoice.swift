/// A kind of document 新建 offers (`GET /api/kinds`): its name and its label in the project's
/// language.
public struct KindChoice: Sendable, Codable, Hashable {
    public var kind: String
    public var label: String

    public init(kind: String, label: String) {
        self.kind = kind
        self.label = label
    }
}
