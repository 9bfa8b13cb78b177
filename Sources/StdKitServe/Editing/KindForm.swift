/// The front matter of a kind as a form (`GET /api/form/KIND`), from the kind's schema.
public struct KindForm: Sendable, Codable, Hashable {
    /// One top-level field of the front matter.
    public struct Field: Sendable, Codable, Hashable {
        /// How the browser edits it.
        public enum FieldType: String, Sendable, Codable, Hashable {
            case string, integer, number, boolean, date, `enum`, reference, list, map, other
        }

        public var name: String
        /// The label in the project's language (the name when nothing better is known).
        public var label: String
        public var type: FieldType
        public var required: Bool
        /// The allowed values of an enum (or of a list's items), nil otherwise.
        public var choices: [String]?
        /// The kinds a reference (or a list of references) may point to, nil when not a
        /// reference; empty when any kind will do.
        public var references: [String]?
        public var description: String?

        public init(name: String, label: String, type: FieldType, required: Bool, choices: [String]?, references: [String]?, description: String?) {
            self.name = name
            self.label = label
            self.type = type
            self.required = required
            self.choices = choices
            self.references = references
            self.description = description
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(label, forKey: .label)
            try container.encode(type, forKey: .type)
            try container.encode(required, forKey: .required)
            try container.encode(choices, forKey: .choices)
            try container.encode(references, forKey: .references)
            try container.encode(description, forKey: .description)
        }
    }

    public var kind: String
    public var fields: [Field]

    public init(kind: String, fields: [Field]) {
        self.kind = kind
        self.fields = fields
    }
}
