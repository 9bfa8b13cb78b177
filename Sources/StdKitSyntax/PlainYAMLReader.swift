/// Reads the plainest front matter by hand, before libyaml is asked: one `key: value` line per
/// field at the left edge, each value on its line — a plain scalar, a scalar in double or single
/// quotes without escapes, or a flow list or mapping of plain scalars (`[COURSE-01, COURSE-02]`,
/// `{theory: 16, practice: 32}`). Most front matter is only that, and libyaml's parser, made
/// and fed for each document, was 7 % of a check of the generated 10,000.
///
/// It answers only where every rule of YAML that could apply is one it follows: on anything else
/// — a key that is not a plain ASCII name, a key repeated, an indented or continued line, a
/// comment after a value, an empty value, a tab, a carriage return, a character YAML does not
/// print or takes for a line break, a quote inside quotes, an indicator where a plain scalar
/// starts, a colon or a flow indicator inside a plain scalar of a flow collection, more nodes
/// than the limit — it returns nil, and `YAMLEventReader` reads the text. `YAMLEventReaderTests`
/// holds its answers to Yams's, node for node and position for position, on every front matter
/// of the corpora, this repository's and generated texts.
package enum PlainYAMLReader {
    /// The root mapping of `yaml` (whose first line is line `firstLine` of the file), or nil
    /// when libyaml must read it.
    package static func read(_ yaml: String, firstLine: Int, nodeLimit: Int) -> YAMLNode? {
        var text = yaml
        return text.withUTF8 { bytes in
            guard isPrintable(bytes, text: yaml) else { return nil }
            var reader = Reader(bytes: bytes, firstLine: firstLine, budget: nodeLimit)
            return reader.mapping()
        }
    }

    /// Whether every character is one YAML prints and none is a line break but LF: C0 controls
    /// (the tab and the carriage return too), DEL, C1 controls (NEL among them), the line and
    /// paragraph separators, the byte order mark and the two non-characters are declined.
    static func isPrintable(_ bytes: UnsafeBufferPointer<UInt8>, text: String) -> Bool {
        var ascii = true
        for byte in bytes {
            if byte >= 0x80 { ascii = false; continue }
            if byte < 0x20 && byte != 0x0A || byte == 0x7F { return false }
        }
        if ascii { return true }
        return !text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x80...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: true
            default: false
            }
        }
    }

    /// The characters a plain scalar may not start with (YAML's indicators).
    static func isIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
             UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
             UInt8(ascii: "`"), UInt8(ascii: " "):
            true
        default:
            false
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let firstLine: Int
        var budget: Int

        /// Counts a node against the limit; false past it.
        mutating func counted() -> Bool {
            budget -= 1
            return budget >= 0
        }

        /// The text of `range` of the bytes.
        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        /// The character column (from 1) of byte `offset` of the line starting at `start`.
        func column(_ offset: Int, lineStart start: Int) -> Int {
            var column = 1
            for index in start..<offset where bytes[index] & 0xC0 != 0x80 { column += 1 }
            return column
        }

        mutating func mapping() -> YAMLNode? {
            guard counted() else { return nil }
            var pairs: [YAMLNode.Pair] = []
            var keys: Set<String>?
            var location: SourceLocation?
            var line = firstLine - 1
            var start = 0
            while start < bytes.count {
                line += 1
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                defer { start = end + 1 }
                if start == end || bytes[start] == UInt8(ascii: "#") { continue }  // a blank line or a comment
                guard let pair = pair(line: line, from: start, to: end),
                      YAMLNode.Pair.isNew(pair.key.scalar ?? "", among: pairs, seen: &keys) else { return nil }
                if location == nil { location = pair.key.location }
                pairs.append(pair)
            }
            guard let location else { return nil }  // no field: libyaml says what it is
            return YAMLNode(.mapping(pairs), at: location)
        }

        /// `key: value` on the line of bytes `start..<end`.
        mutating func pair(line: Int, from start: Int, to end: Int) -> YAMLNode.Pair? {
            // Words of key bytes, one space between two (`Module Name`).
            var index = start
            while index < end {
                if Self.isKeyByte(bytes[index], first: index == start) {
                    index += 1
                } else if bytes[index] == UInt8(ascii: " "), index > start, index + 1 < end, Self.isKeyByte(bytes[index + 1], first: true) {
                    index += 1
                } else {
                    break
                }
            }
            // The key, a colon, at least one space, a value. (libyaml takes a key of up to 1,024
            // characters on its line.)
            guard index > start, index - start <= Self.longestKey, index + 1 < end, bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: " "),
                  counted() else { return nil }
            let key = YAMLNode(.scalar(string(start..<index), .plain), at: SourceLocation(line: line, column: 1))
            var valueStart = index + 1
            while valueStart < end, bytes[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
            var valueEnd = end
            while valueEnd > valueStart, bytes[valueEnd - 1] == UInt8(ascii: " ") { valueEnd -= 1 }
            guard valueStart < valueEnd, let value = value(valueStart..<valueEnd, line: line, lineStart: start) else { return nil }
            return YAMLNode.Pair(key: key, value: value)
        }

        /// The value written at `range` (trimmed, not empty) of a line.
        mutating func value(_ range: Range<Int>, line: Int, lineStart: Int) -> YAMLNode? {
            let first = bytes[range.lowerBound], last = bytes[range.upperBound - 1]
            let location = SourceLocation(line: line, column: column(range.lowerBound, lineStart: lineStart))
            switch first {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                // Quoted without escapes: nothing after the closing quote, no quote or backslash
                // inside.
                guard range.count >= 2, last == first else { return nil }
                let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
                guard !bytes[inner].contains(first), !bytes[inner].contains(UInt8(ascii: "\\")), counted() else { return nil }
                return YAMLNode(.scalar(string(inner), first == UInt8(ascii: "\"") ? .doubleQuoted : .singleQuoted), at: location)
            case UInt8(ascii: "["):
                guard last == UInt8(ascii: "]"), counted() else { return nil }
                var elements: [YAMLNode] = []
                for entry in entries((range.lowerBound + 1)..<(range.upperBound - 1)) {
                    guard let element = flowScalar(entry, line: line, lineStart: lineStart) else { return nil }
                    elements.append(element)
                }
                return YAMLNode(.sequence(elements), at: location)
            case UInt8(ascii: "{"):
                guard last == UInt8(ascii: "}"), counted() else { return nil }
                var pairs: [YAMLNode.Pair] = []
                var keys: Set<String>?
                for entry in entries((range.lowerBound + 1)..<(range.upperBound - 1)) {
                    // `key: value`, the colon right after the key.
                    guard let colon = bytes[entry].firstIndex(of: UInt8(ascii: ":")), colon > entry.lowerBound, colon + 1 < entry.upperBound,
                          bytes[colon - 1] != UInt8(ascii: " "), bytes[colon + 1] == UInt8(ascii: " "),
                          colon - entry.lowerBound <= Self.longestKey,
                          let key = flowScalar(entry.lowerBound..<colon, line: line, lineStart: lineStart),
                          YAMLNode.Pair.isNew(key.scalar ?? "", among: pairs, seen: &keys),
                          let value = flowScalar(trimmed((colon + 1)..<entry.upperBound), line: line, lineStart: lineStart)
                    else { return nil }
                    pairs.append(YAMLNode.Pair(key: key, value: value))
                }
                return YAMLNode(.mapping(pairs), at: location)
            default:
                // A plain scalar: no indicator first; no `: ` or `:` at its end (a mapping), no ` #`
                // (a comment).
                guard !PlainYAMLReader.isIndicator(first), last != UInt8(ascii: ":"), counted() else { return nil }
                for index in range.dropLast() {
                    let next = bytes[index + 1]
                    if bytes[index] == UInt8(ascii: ":") && next == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: " ") && next == UInt8(ascii: "#") {
                        return nil
                    }
                }
                return YAMLNode(.scalar(string(range), .plain), at: location)
            }
        }

        /// The entries between a flow collection's brackets, cut at its commas and trimmed; none
        /// for brackets holding only spaces. An empty entry (two commas, or one at an end) is
        /// kept, to be declined.
        func entries(_ range: Range<Int>) -> [Range<Int>] {
            let inner = trimmed(range)
            guard !inner.isEmpty else { return [] }
            var result: [Range<Int>] = []
            var start = inner.lowerBound
            for index in inner where bytes[index] == UInt8(ascii: ",") {
                result.append(trimmed(start..<index))
                start = index + 1
            }
            result.append(trimmed(start..<inner.upperBound))
            return result
        }

        func trimmed(_ range: Range<Int>) -> Range<Int> {
            var (lower, upper) = (range.lowerBound, range.upperBound)
            while lower < upper, bytes[lower] == UInt8(ascii: " ") { lower += 1 }
            while upper > lower, bytes[upper - 1] == UInt8(ascii: " ") { upper -= 1 }
            return lower..<upper
        }

        /// A plain scalar inside a flow collection: not empty, no indicator first, and none of
        /// the flow indicators, quotes, colon or `#` anywhere in it.
        mutating func flowScalar(_ range: Range<Int>, line: Int, lineStart: Int) -> YAMLNode? {
            guard !range.isEmpty, !PlainYAMLReader.isIndicator(bytes[range.lowerBound]) else { return nil }
            for byte in bytes[range] {
                switch byte {
                case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"),
                     UInt8(ascii: ":"), UInt8(ascii: "'"), UInt8(ascii: "\""):
                    return nil
                default:
                    continue
                }
            }
            guard counted() else { return nil }
            return YAMLNode(.scalar(string(range), .plain), at: SourceLocation(line: line, column: column(range.lowerBound, lineStart: lineStart)))
        }

        /// The longest key read by hand, in bytes (a longer one is left to libyaml, which
        /// refuses keys of more than 1,024 characters).
        static let longestKey = 1_000

        /// A byte of a key: an ASCII letter or `_` first, then letters, digits, `_`, `-` and `.`.
        static func isKeyByte(_ byte: UInt8, first: Bool) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"): true
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."): !first
            default: false
            }
        }
    }
}
