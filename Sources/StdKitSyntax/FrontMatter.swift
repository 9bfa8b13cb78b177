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
        let lines = Self.lines(of: text)
        yamlFirstLine = 2
        closingLine = nil
        guard let first = lines.first, Self.isDelimiter(first.content, allowDots: false) else {
            state = .absent
            yaml = ""
            body = text
            return
        }
        guard let closing = lines.indices.dropFirst().first(where: { Self.isDelimiter(lines[$0].content, allowDots: true) }) else {
            state = .unclosed
            yaml = ""
            body = text
            return
        }
        state = .closed
        closingLine = closing + 1
        yaml = lines[1..<closing].map(\.content).joined(separator: "\n")
        // Keep every line ending so that line numbers in the body stay those of the file.
        let blanked = lines[0...closing].map(\.ending).joined()
        body = blanked + lines[(closing + 1)...].map { $0.content + $0.ending }.joined()
    }

    static func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed == "---" || (allowDots && trimmed == "...")
    }

    /// The lines of `text` with their endings (`\n`, `\r\n`, `\r`, or none for the last).
    static func lines(of text: String) -> [(content: Substring, ending: String)] {
        var result: [(Substring, String)] = []
        var start = text.startIndex
        var index = text.startIndex
        // Work on unicode scalars: "\r\n" is one Character, which would hide the ending.
        let scalars = text.unicodeScalars
        while index < text.endIndex {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                let content = text[start..<index]
                var next = scalars.index(after: index)
                var ending = String(scalar)
                if scalar == "\r", next < text.endIndex, scalars[next] == "\n" {
                    next = scalars.index(after: next)
                    ending = "\r\n"
                }
                result.append((content, ending))
                start = next
                index = next
            } else {
                index = scalars.index(after: index)
            }
        }
        if start < text.endIndex || result.isEmpty {
            result.append((text[start..<text.endIndex], ""))
        }
        return result
    }
}
