import Foundation

/// A JSON value as the API writes and reads it: keys in the order given (so answers are the
/// same bytes each time and read in the order `docs/serve.md` shows), `null` written where the
/// contract says a field may be null rather than left out, as Swift's synthesised `Codable`
/// would do.
enum ServeJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([ServeJSON])
    case object([(String, ServeJSON)])

    static func == (lhs: ServeJSON, rhs: ServeJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    static func int(_ value: Int) -> ServeJSON { .number(Double(value)) }

    static func optional(_ value: String?) -> ServeJSON { value.map(ServeJSON.string) ?? .null }

    static func strings(_ values: [String]) -> ServeJSON { .array(values.map(ServeJSON.string)) }

    /// The value of `key` in an object.
    subscript(key: String) -> ServeJSON? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first(where: { $0.0 == key })?.1
    }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var isNull: Bool { self == .null }

    /// The object with `key` set (replaced where it is, else added at the end).
    func setting(_ key: String, _ value: ServeJSON) -> ServeJSON {
        guard case .object(var pairs) = self else { return self }
        if let index = pairs.firstIndex(where: { $0.0 == key }) { pairs[index].1 = value } else { pairs.append((key, value)) }
        return .object(pairs)
    }

    /// The object with `key` added as null when it is missing: the contract's nullable fields,
    /// which a synthesised `Encodable` leaves out when nil.
    func withNull(_ keys: String...) -> ServeJSON {
        keys.reduce(self) { object, key in object[key] == nil ? object.setting(key, .null) : object }
    }

    // MARK: Writing

    /// The value as compact JSON text.
    var text: String {
        var output = ""
        write(to: &output)
        return output
    }

    var data: Data { Data(text.utf8) }

    private func write(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let value):
            if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
                output += String(Int64(value))
            } else if value.isFinite {
                output += String(value)
            } else {
                output += "null"
            }
        case .string(let text): Self.writeString(text, to: &output)
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                element.write(to: &output)
            }
            output += "]"
        case .object(let pairs):
            output += "{"
            for (index, (key, value)) in pairs.enumerated() {
                if index > 0 { output += "," }
                Self.writeString(key, to: &output)
                output += ":"
                value.write(to: &output)
            }
            output += "}"
        }
    }

    /// A JSON string; `<`, `>` and `&` escaped too, so that JSON placed in a page cannot close
    /// a script or open a tag.
    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                output += String(format: "\\u%04x", scalar.value)
            default:
                if scalar.value < 0x20 {
                    output += String(format: "\\u%04x", scalar.value)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    // MARK: Reading

    /// Reads JSON text; nil when it is not JSON.
    static func parse(_ data: Data) -> ServeJSON? {
        try? JSONDecoder().decode(ServeJSON.self, from: data)
    }

    /// An `Encodable` value (the editing core's answers) as JSON, its keys in the order
    /// `JSONEncoder` writes them with sorted keys; nil when it cannot be encoded.
    static func encoding<Value: Encodable>(_ value: Value) -> ServeJSON? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(value) else { return nil }
        return parse(data)
    }
}

/// Read through `JSONDecoder`, which tells `true` from `1` on every platform (an object's keys
/// sorted: their order is not kept there).
extension ServeJSON: Decodable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: Key.self) {
            self = .object(try object.allKeys.map(\.stringValue).sorted().map { key in
                (key, try object.decode(ServeJSON.self, forKey: Key(stringValue: key)))
            })
            return
        }
        if var array = try? decoder.unkeyedContainer() {
            var elements: [ServeJSON] = []
            while !array.isAtEnd { elements.append(try array.decode(ServeJSON.self)) }
            self = .array(elements)
            return
        }
        let value = try decoder.singleValueContainer()
        if value.decodeNil() {
            self = .null
        } else if let bool = try? value.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? value.decode(Double.self) {
            self = .number(number)
        } else {
            self = .string(try value.decode(String.self))
        }
    }
}
