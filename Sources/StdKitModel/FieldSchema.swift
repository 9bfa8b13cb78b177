import StdKitSyntax

/// The schema of one front-matter field: its type, whether it is required, what it means.
public struct FieldSchema: Sendable, Hashable {
    /// A field's type. Scalars are read as the text written and typed here, never by YAML 1.1's
    /// rules.
    public indirect enum FieldType: Sendable, Hashable {
        case string
        case integer
        case number
        case boolean
        /// `YYYY-MM-DD`.
        case date
        /// A document or item id.
        case id
        /// A semantic version `MAJOR.MINOR.PATCH`.
        case version
        /// A party id declared in `stdkit.yml`.
        case party
        /// A reference (§2.4) to a document of one of `targets` kinds (any kind when empty).
        case reference(targets: [String])
        case enumeration([String])
        /// An integer semester or a list of them (a course running over two semesters).
        case semesters
        case list(FieldSchema)
        case mapping([NamedField])
        /// A mapping whose keys are party ids declared in `stdkit.yml` and whose values are of
        /// one schema: `assessment: {yhzy: 50, hnauto: 50}` (`{type: party-map, of: number}`).
        /// A `mapping` names its keys in advance; here the keys are the project's parties.
        case partyMap(FieldSchema)
        /// Anything: not checked.
        case any

        /// The name used in messages and in schema files.
        public var name: String {
            switch self {
            case .string: "string"
            case .integer: "integer"
            case .number: "number"
            case .boolean: "boolean"
            case .date: "date"
            case .id: "id"
            case .version: "version"
            case .party: "party"
            case .reference: "reference"
            case .enumeration: "enum"
            case .semesters: "semesters"
            case .list(let element): "list of \(element.type.name)"
            case .mapping: "mapping"
            case .partyMap(let value): "mapping of party to \(value.type.name)"
            case .any: "any"
            }
        }
    }

    public var type: FieldType
    public var required: Bool
    public var description: String?

    public init(type: FieldType, required: Bool = false, description: String? = nil) {
        self.type = type
        self.required = required
        self.description = description
    }
}

/// A field name with its schema, in the order the schema lists them.
public struct NamedField: Sendable, Hashable {
    public var name: String
    public var schema: FieldSchema

    public init(name: String, schema: FieldSchema) {
        self.name = name
        self.schema = schema
    }
}

extension FieldSchema.FieldType {
    /// Whether `text` is a calendar date written `YYYY-MM-DD` (the `date` type).
    public static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return false }
        let daysInMonth = [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= daysInMonth[month - 1]
    }
}
