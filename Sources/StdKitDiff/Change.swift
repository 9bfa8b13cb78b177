import StdKitModel
import StdKitSyntax

/// How far a document's version must rise for a change (DESIGN §2.5).
public enum Bump: Int, Sendable, Comparable, Codable, CaseIterable {
    case none = 0, patch, minor, major

    public static func < (lhs: Bump, rhs: Bump) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Written by name in JSON: "none", "patch", "minor", "major".
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let bump = Self.allCases.first(where: { $0.name == name }) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown bump \(name)"))
        }
        self = bump
    }

    public var name: String {
        switch self {
        case .none: "none"
        case .patch: "patch"
        case .minor: "minor"
        case .major: "major"
        }
    }

    /// The bump from version `old` to version `new` (`1.2.3` → `1.3.0` is minor); nil when either
    /// is not MAJOR.MINOR.PATCH.
    public static func between(_ old: String?, _ new: String?) -> Bump? {
        guard let a = parse(old), let b = parse(new) else { return nil }
        if b.0 != a.0 { return b.0 > a.0 ? .major : Bump.none }
        if b.1 != a.1 { return b.1 > a.1 ? .minor : Bump.none }
        if b.2 != a.2 { return b.2 > a.2 ? .patch : Bump.none }
        return Bump.none
    }

    /// `version` raised by this bump.
    public func apply(to version: String) -> String? {
        guard let (major, minor, patch) = Self.parse(version) else { return nil }
        switch self {
        case .none: return version
        case .patch: return "\(major).\(minor).\(patch + 1)"
        case .minor: return "\(major).\(minor + 1).0"
        case .major: return "\(major + 1).0.0"
        }
    }

    static func parse(_ version: String?) -> (Int, Int, Int)? {
        guard let parts = version?.split(separator: "."), parts.count == 3,
              let major = Int(parts[0]), let minor = Int(parts[1]), let patch = Int(parts[2]) else { return nil }
        return (major, minor, patch)
    }
}

/// A change of a front-matter field, addressed by path: `courses[id=CRS-PLC].hours.practice`.
public struct FieldChange: Sendable, Hashable, Codable {
    public var path: String
    public var old: String?
    public var new: String?
}

/// A change of a section (a heading and what it opens).
public struct SectionChange: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case added, removed, moved, renamed, edited
    }

    public var kind: Kind
    public var title: String
    /// The old title, for a renamed section.
    public var oldTitle: String?
    /// For an edited section: the word-level change of its text outside items.
    public var text: WordDiff?
    /// For an edited section: table rows added, removed or changed, by their first cell.
    public var rows: [FieldChange]?
}

/// A change of an item.
public struct ItemChange: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case added, removed, reworded, renumbered, moved, attributes
    }

    public var kind: Kind
    /// The item's id (the new one for a renumbered item).
    public var id: String
    /// The old id, for a renumbered item.
    public var oldID: String?
    public var oldText: String?
    public var newText: String?
    /// For a reworded item, word by word (Chinese by character).
    public var wording: WordDiff?
    /// For changed attributes: `level: 3 → 4`.
    public var attributes: [FieldChange]?
    /// For a moved item: the section it now stands in.
    public var section: String?

    enum CodingKeys: String, CodingKey {
        case kind, id, oldID = "oldId", oldText, newText, wording, attributes, section
    }
}

/// A reference gained or lost by an item (or a front-matter field).
public struct ReferenceChange: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case gained, lost
    }

    public var kind: Kind
    /// The item holding the reference (its local id), or the field path.
    public var source: String
    /// The target as a full id: `DOC` or `DOC#ITEM`.
    public var target: String
    /// Whether it is a coverage link (an outcome covering a requirement).
    public var coverage: Bool
}

/// What a change to one document is.
public struct DocumentChange: Sendable, Hashable, Encodable {
    public enum Status: String, Sendable, Hashable, Codable {
        case added, removed, modified, renamed, unchanged
    }

    /// The document's id (its path when it has none).
    public var id: String
    public var kind: String
    public var title: String
    public var oldPath: String?
    public var newPath: String?
    public var status: Status
    public var fields: [FieldChange] = []
    public var sections: [SectionChange] = []
    public var items: [ItemChange] = []
    public var references: [ReferenceChange] = []
    public var oldVersion: String?
    public var newVersion: String?
    /// The bump the change requires, and why.
    public var requiredBump: Bump = .none
    /// Why the change requires `requiredBump`, one reason each, as typed messages (shown in the
    /// reader's language by the check, in English by the diff's reports: `englishReasons`).
    public var reasons: [Message] = []
    /// What depends on the changed parts (full ids), transitively.
    public var impact: [String] = []

    /// Whether anything in the document changed (a pure move is a change of path only).
    public var hasChanges: Bool {
        status == .added || status == .removed || !fields.isEmpty || !sections.isEmpty || !items.isEmpty || !references.isEmpty
    }

    /// The bump the declared versions make, when both are well-formed.
    public var declaredBump: Bump?

    /// The reasons in English, for the diff's own reports (text, Markdown, HTML, `log`).
    public var englishReasons: [String] { reasons.map(\.english) }

    /// What changed, in one line of English: the first `limit` reasons, and "…" when there are more.
    public func reasonSummary(limit: Int = 3) -> String {
        englishReasons.prefix(limit).joined(separator: "; ") + (reasons.count > limit ? "; …" : "")
    }
}

/// The semantic difference between two states of a project.
public struct ProjectChange: Sendable, Encodable {
    /// Changed documents (unchanged ones are left out), sorted by id.
    public var documents: [DocumentChange]
}

/// The diff's JSON (`stdkit diff --format json`, docs/diff.md) states the reasons in English,
/// as its other reports do; the typed messages are for the check, which words them in the
/// reader's language. Every other field is encoded as it is stored.
extension DocumentChange {
    enum CodingKeys: String, CodingKey {
        case id, kind, title, oldPath, newPath, status, fields, sections, items, references, oldVersion, newVersion,
             requiredBump, reasons, impact, declaredBump
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(oldPath, forKey: .oldPath)
        try container.encodeIfPresent(newPath, forKey: .newPath)
        try container.encode(status, forKey: .status)
        try container.encode(fields, forKey: .fields)
        try container.encode(sections, forKey: .sections)
        try container.encode(items, forKey: .items)
        try container.encode(references, forKey: .references)
        try container.encodeIfPresent(oldVersion, forKey: .oldVersion)
        try container.encodeIfPresent(newVersion, forKey: .newVersion)
        try container.encode(requiredBump, forKey: .requiredBump)
        try container.encode(englishReasons, forKey: .reasons)
        try container.encode(impact, forKey: .impact)
        try container.encodeIfPresent(declaredBump, forKey: .declaredBump)
    }
}
