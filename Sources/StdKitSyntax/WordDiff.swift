import StdKitSyntax

/// A word-level comparison of two texts: Latin words, numbers and punctuation are tokens, each
/// Chinese character is a token of its own, and white space only separates (re-wrapping a line
/// is not a change).
public struct WordDiff: Sendable, Hashable, Codable {
    /// A run of the comparison: text both share, or text only the old or the new one has.
    public struct Segment: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable {
            case same, removed, added
        }

        public var kind: Kind
        public var text: String
    }

    public var segments: [Segment]

    /// Whether the texts differ in any token.
    public var changed: Bool { segments.contains { $0.kind != .same } }

    /// The comparison in plain text: removed words as `[-…-]`, added ones as `{+…+}`.
    public var marked: String {
        segments.map { segment in
            switch segment.kind {
            case .same: segment.text
            case .removed: "[-\(segment.text)-]"
            case .added: "{+\(segment.text)+}"
            }
        }.joined()
    }

    public init(old: String, new: String) {
        let a = Self.tokens(old)
        let b = Self.tokens(new)
        let (removed, inserted) = a.map(\.text).editOffsets(to: b.map(\.text))
        // Walk both token lists, emitting removed runs before the added run that replaces them.
        var segments: [Segment] = []
        func append(_ kind: Segment.Kind, _ text: String) {
            if let last = segments.last, last.kind == kind {
                segments[segments.count - 1].text += text
            } else {
                segments.append(Segment(kind: kind, text: text))
            }
        }
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                append(.removed, a[i].leading + a[i].text)
                i += 1
            } else if j < b.count, inserted.contains(j) {
                append(.added, b[j].leading + b[j].text)
                j += 1
            } else if i < a.count, j < b.count {
                append(.same, b[j].leading + b[j].text)
                i += 1
                j += 1
            } else {
                break
            }
        }
        self.segments = segments
    }

    /// A token and the white space before it (kept for display, ignored when comparing).
    struct Token {
        var leading: String
        var text: String
    }

    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var leading = ""
        var word = ""
        func flush() {
            if !word.isEmpty {
                tokens.append(Token(leading: leading, text: word))
                leading = ""
                word = ""
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                flush()
                // A line break between two Chinese characters is not a space.
                if leading.isEmpty { leading = " " }
                continue
            }
            let partOfWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "_-#.@".unicodeScalars.contains(scalar)
            if scalar.isCJK || !partOfWord {
                flush()
                if scalar.isCJK, let previous = tokens.last?.text.unicodeScalars.last, previous.isCJK { leading = "" }
                tokens.append(Token(leading: leading, text: String(scalar)))
                leading = ""
            } else {
                word.unicodeScalars.append(scalar)
            }
        }
        flush()
        return tokens
    }
}
