/// A school, enterprise or authority that co-authors and approves documents, or a body made
/// of such parties: a co-established institution (`joint`: 产业学院, 共建实训中心) or a group
/// (`group`: 职教集团, 市域产教联合体, 行业产教融合共同体), which lists its `members`.
public struct Party: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case school, enterprise, authority, joint, group

        /// Whether a party of this kind is made of other parties and lists them in `members`.
        public var hasMembers: Bool { self == .joint || self == .group }
    }

    /// Lower-case ASCII letters, digits and `-`.
    public var id: String
    public var name: String
    public var kind: Kind
    /// The party ids a `joint` or `group` party is made of (empty for the others).
    public var members: [String]
    /// The 行政区划代码 of where the party is, six digits ("440100"), for a pilot's aggregation.
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

    /// Whether `code` has a 行政区划代码's form: six ASCII digits.
    public static func isValidRegion(_ code: String) -> Bool {
        code.unicodeScalars.count == 6 && code.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }
}
