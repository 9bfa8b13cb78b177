/// Parses the inside of an item's `{…}` attribute block: `key=value key2="quoted value"`.
enum AttributeParser {
    enum Outcome {
        case attributes([AttributeSyntax])
        /// Braces that are plain text, e.g. `{x}`.
        case notAttributes
        /// Text that tries to be attributes (it has `=`) but is not well-formed.
        case malformed(Message, SourceLocation?)
    }

    /// Parses `content`, whose scalar at offset `i` sits at `location(i)`.
    static func parse(_ content: String, location at: (Int) -> SourceLocation) -> Outcome {
        let scalars = Array(content.unicodeScalars)
        guard scalars.contains("=") else { return .notAttributes }
        var attributes: [AttributeSyntax] = []
        var index = 0
        while true {
            while index < scalars.count, scalars[index].isWhitespaceFast { index += 1 }
            guard index < scalars.count else { break }
            let keyStart = index
            while index < scalars.count, isKeyScalar(scalars[index], first: index == keyStart) { index += 1 }
            let key = String(scalars: scalars[keyStart..<index])
            guard !key.isEmpty else {
                return .malformed(.attributeNameStart(String(scalars[index])), at(index))
            }
            guard index < scalars.count, scalars[index] == "=" else {
                return .malformed(.attributeWithoutValue(key: String(key)), at(keyStart))
            }
            index += 1
            var value = String.UnicodeScalarView()
            if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" {
                let quote = scalars[index]
                index += 1
                guard let close = scalars[index...].firstIndex(of: quote) else {
                    return .malformed(.attributeQuoteNotClosed(key: String(key)), at(keyStart))
                }
                value.append(contentsOf: scalars[index..<close])
                index = close + 1
            } else {
                while index < scalars.count, !scalars[index].isWhitespaceFast {
                    guard scalars[index] != "\"" && scalars[index] != "'" && scalars[index] != "=" else {
                        return .malformed(.attributeValueNeedsQuotes(key: String(key), character: String(scalars[index])), at(keyStart))
                    }
                    value.append(scalars[index])
                    index += 1
                }
                guard !value.isEmpty else {
                    return .malformed(.attributeEmptyValue(key: String(key)), at(keyStart))
                }
            }
            if index < scalars.count, !scalars[index].isWhitespaceFast {
                return .malformed(.attributesWithoutSpace, at(index))
            }
            attributes.append(AttributeSyntax(key: key, value: String(value), location: at(keyStart)))
        }
        return .attributes(attributes)
    }

    private static func isKeyScalar(_ scalar: Unicode.Scalar, first: Bool) -> Bool {
        if scalar.isASCIILetter || scalar == "_" { return true }
        return !first && (scalar.isASCIIDigit || scalar == "-")
    }
}

extension Message {
    fileprivate static func attributeNameStart(_ character: String) -> Message {
        Message("malformed-attribute.name-start", ["character": .verbatim(character)])
    }

    fileprivate static func attributeWithoutValue(key: String) -> Message {
        Message("malformed-attribute.no-value", ["key": .verbatim(key)])
    }

    fileprivate static func attributeQuoteNotClosed(key: String) -> Message {
        Message("malformed-attribute.quote-not-closed", ["key": .verbatim(key)])
    }

    fileprivate static func attributeValueNeedsQuotes(key: String, character: String) -> Message {
        Message("malformed-attribute.needs-quotes", ["key": .verbatim(key), "character": .verbatim(character)])
    }

    fileprivate static func attributeEmptyValue(key: String) -> Message {
        Message("malformed-attribute.empty-value", ["key": .verbatim(key)])
    }

    fileprivate static let attributesWithoutSpace = Message("malformed-attribute.no-space")
}
