/// A school, enterprise or authority that co-authors and approves documents, or a body that
/// several of them form (DESIGN §13.1).
public struct Party: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case school, enterprise, authority
        /// A co-established body (产业学院, 共建实训中心).
        case joint
        /// A vocational education group (职教集团, 市域产教联合体).
        case group
    }

    /// Lower-case ASCII letters, digits and `-`.
    public var id: String
    public var name: String
    public var kind: Kind
    /// The party ids a `joint` body or a `group` is made of; empty for the others.
    public var members: [String]
    /// The administrative division code (行政区划代码, e.g. "440100"), when stated.
    public var region: String?

    public init(id: String, name: String, kind: Kind, members: [String] = [], region: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.members = members
        self.region = region
    }

    /// Whether `id` has a party id's form.
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
