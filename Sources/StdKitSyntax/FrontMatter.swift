/// A document split into its YAML front matter and its Markdown body.
///
/// The body keeps the file's line numbering: the front-matter lines are replaced by empty lines,
/// so a position cmark reports in the body is a position in the file.
public struct FrontMatterSplit: Sendable, Equatable {
    /// How the file starts.
    public enum State: Sendable, Equatable {
        /// No front matter: the file is a plain page.
        case absent
        /// Front matter between an opening `---` and a closing `---` or `...`.
        case closed
        /// An opening `---` with no closing line: the whole file is read as the body.
        case unclosed
    }

    public var state: State
    /// The YAML text between the delimiters, lines joined by `\n`; empty when absent.
    public var yaml: String
    /// The file line on which the YAML text begins (the line after the opening `---`).
    public var yamlFirstLine: Int
    /// The file line of the closing delimiter, when closed.
    public var closingLine: Int?
    /// The Markdown body, with front-matter lines blanked.
    public var body: String

    /// Splits `text` (already without a byte-order mark).
    ///
    /// The opening line must be exactly `---` (trailing spaces allowed) on the first line; the
    /// closing line is the next line that is `---` or `...`. Later `---` lines are body.
    public init(_ text: String) {
        // Only the lines up to the closing delimiter are looked at; the body after it is taken
        // as it is (splitting and joining every line of long pages was a tenth of a build).
        var lines = LineReader(text)
        yamlFirstLine = 2
        closingLine = nil
        guard let first = lines.next(), Self.isDelimiter(first.content, allowDots: false) else {
            state = .absent
            yaml = ""
            body = text
            return
        }
        var read = [first]
        while let line = lines.next() {
            read.append(line)
            if Self.isDelimiter(line.content, allowDots: true) { break }
        }
        guard read.count > 1, Self.isDelimiter(read[read.count - 1].content, allowDots: true) else {
            state = .unclosed
            yaml = ""
            body = text
            return
        }
        state = .closed
        closingLine = read.count
        yaml = read[1..<(read.count - 1)].map(\.content).joined(separator: "\n")
        // Keep every line ending so that line numbers in the body stay those of the file.
        body = read.map(\.ending).joined() + text[lines.position...]
    }

    static func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed == "---" || (allowDots && trimmed == "...")
    }
}

/// The lines of a text one at a time, with their endings (`\n`, `\r\n`, `\r`, or none for the
/// last), found on the UTF-8 bytes: `"\r\n"` is one `Character`, which would hide the ending.
struct LineReader {
    let text: String
    /// Where the next line starts.
    private(set) var position: String.Index
    private var done = false

    init(_ text: String) {
        self.text = text
        position = text.startIndex
    }

    mutating func next() -> (content: Substring, ending: Substring)? {
        guard !done else { return nil }
        let bytes = text.utf8
        var index = position
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                var next = bytes.index(after: index)
                if byte == 0x0D, next < bytes.endIndex, bytes[next] == 0x0A { next = bytes.index(after: next) }
                defer { position = next }
                return (text[position..<index], text[index..<next])
            }
            index = bytes.index(after: index)
        }
        // The last line, without an ending; an empty text is one empty line, and a text that
        // ends with a line break has no empty line after it.
        done = true
        guard position < text.endIndex || position == text.startIndex else { return nil }
        defer { position = text.endIndex }
        return (text[position...], text[text.endIndex...])
    }
}
