/// Parses the inside of an item's `{…}` attribute block: `key=value key2="quoted value"`.
enum AttributeParser {
    enum Outcome {
        case attributes([AttributeSyntax])
        /// Braces that are plain text, e.g. `{x}`.
        case notAttributes
        /// Text that tries to be attributes (it has `=`) but is not well-formed.
        case malformed(String, SourceLocation?)
    }

    /// Parses `content`, whose scalars sit at `locations` (nil when positions are not known).
    static func parse(_ content: String, locations: [SourceLocation]?) -> Outcome {
        let scalars = Array(content.unicodeScalars)
        guard scalars.contains("=") else { return .notAttributes }
        var attributes: [AttributeSyntax] = []
        var index = 0
        func at(_ i: Int) -> SourceLocation? { locations.flatMap { i < $0.count ? $0[i] : $0.last } }
        while true {
            while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
            guard index < scalars.count else { break }
            let keyStart = index
            while index < scalars.count, isKeyScalar(scalars[index], first: index == keyStart) { index += 1 }
            let key = String(scalars: scalars[keyStart..<index])
            guard !key.isEmpty else {
                return .malformed("'\(scalars[index])' cannot start an attribute name", at(index))
            }
            guard index < scalars.count, scalars[index] == "=" else {
                return .malformed("'\(key)' has no '=value'", at(keyStart))
            }
            index += 1
            var value = String.UnicodeScalarView()
            if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" {
                let quote = scalars[index]
                index += 1
                guard let close = scalars[index...].firstIndex(of: quote) else {
                    return .malformed("the quoted value of '\(key)' is not closed", at(keyStart))
                }
                value.append(contentsOf: scalars[index..<close])
                index = close + 1
            } else {
                while index < scalars.count, !scalars[index].properties.isWhitespace {
                    guard scalars[index] != "\"" && scalars[index] != "'" && scalars[index] != "=" else {
                        return .malformed("the value of '\(key)' holds '\(scalars[index])'; quote a value that has it", at(keyStart))
                    }
                    value.append(scalars[index])
                    index += 1
                }
                guard !value.isEmpty else {
                    return .malformed("'\(key)' has an empty value", at(keyStart))
                }
            }
            if index < scalars.count, !scalars[index].properties.isWhitespace {
                return .malformed("separate attributes with spaces", at(index))
            }
            attributes.append(AttributeSyntax(key: key, value: String(value), location: at(keyStart) ?? .start))
        }
        return .attributes(attributes)
    }

    private static func isKeyScalar(_ scalar: Unicode.Scalar, first: Bool) -> Bool {
        if scalar.isASCIILetter || scalar == "_" { return true }
        return !first && (scalar.isASCIIDigit || scalar == "-")
    }
}
