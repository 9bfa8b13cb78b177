import StdKitSyntax

/// A front-matter value as JSON, typed by the kind's schema: `stdkit model --json`'s `fields`.
/// YAML mappings become objects, sequences arrays; a scalar is a number where the schema says
/// `integer` or `number` (or a semester) and the text is one, a boolean where it says `boolean`,
/// else the text as written — so `code: 0012` stays "0012", as the check reads it.
public indirect enum FieldValue: Encodable, Sendable, Hashable {
    case text(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case null
    case list([FieldValue])
    /// Keys in the order written; the encoder sorts them.
    case object([(String, FieldValue)])

    /// The value of `node` under `schema` (nil: a field the schema does not know, kept as text).
    public init(_ node: YAMLNode, schema: FieldSchema?) {
        if let pairs = node.mapping {
            let fields: [NamedField]
            switch schema?.type ?? .any {
            case .mapping(let named): fields = named
            default: fields = []
            }
            self = .object(pairs.compactMap { pair in
                guard let key = pair.key.scalar else { return nil }
                let valueSchema: FieldSchema?
                if case .partyMap(let value) = schema?.type ?? .any { valueSchema = value } else { valueSchema = fields.first { $0.name == key }?.schema }
                return (key, FieldValue(pair.value, schema: valueSchema))
            })
            return
        }
        if let elements = node.sequence {
            let element: FieldSchema?
            switch schema?.type ?? .any {
            case .list(let of): element = of
            case .semesters: element = FieldSchema(type: .integer)
            default: element = nil
            }
            self = .list(elements.map { FieldValue($0, schema: element) })
            return
        }
        guard !node.isNull, let text = node.scalar else {
            self = .null
            return
        }
        switch schema?.type ?? .any {
        case .integer, .semesters:
            self = Int(text).map(FieldValue.integer) ?? .text(text)
        case .number:
            if let whole = Int(text) {
                self = .integer(whole)
            } else if let number = Double(text), number.isFinite {
                self = .number(number)
            } else {
                self = .text(text)
            }
        case .boolean:
            self = text == "true" ? .boolean(true) : text == "false" ? .boolean(false) : .text(text)
        default:
            self = .text(text)
        }
    }

    public static func == (lhs: FieldValue, rhs: FieldValue) -> Bool {
        switch (lhs, rhs) {
        case (.text(let a), .text(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.boolean(let a), .boolean(let b)): a == b
        case (.null, .null): true
        case (.list(let a), .list(let b)): a == b
        case (.object(let a), .object(let b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .text(let value): hasher.combine(value)
        case .integer(let value): hasher.combine(value)
        case .number(let value): hasher.combine(value)
        case .boolean(let value): hasher.combine(value)
        case .null: hasher.combine(0)
        case .list(let values): hasher.combine(values)
        case .object(let pairs): for (key, value) in pairs { hasher.combine(key); hasher.combine(value) }
        }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .text(let value): var container = encoder.singleValueContainer(); try container.encode(value)
        case .integer(let value): var container = encoder.singleValueContainer(); try container.encode(value)
        case .number(let value): var container = encoder.singleValueContainer(); try container.encode(value)
        case .boolean(let value): var container = encoder.singleValueContainer(); try container.encode(value)
        case .null: var container = encoder.singleValueContainer(); try container.encodeNil()
        case .list(let values):
            var container = encoder.unkeyedContainer()
            for value in values { try container.encode(value) }
        case .object(let pairs):
            var container = encoder.container(keyedBy: Key.self)
            for (key, value) in pairs { try container.encode(value, forKey: Key(key)) }
        }
    }
}
