/// A document's YAML front matter and the rest of its text, split once, losslessly, for every
/// module: the parser, the merge, the content digest and approvals, the incremental check and
/// the outline all read front matter through this type, so that they agree on what it is.
///
/// What is front matter (docs/format.md): after an optional UTF-8 byte-order mark, the first
/// line is `---` with nothing before it and only spaces or tabs after it; the front matter
/// closes at the next line that is `---` or `...` (again only spaces or tabs after it). A first
/// line ` ---` (indented) is not a delimiter — as in Jekyll, Hugo and pandoc, whose front matter
/// must start at the first byte, and as in CommonMark, where it is a thematic break. Lines end
/// in LF, CRLF or CR. Later `---` lines are body.
///
/// Lossless: `text` — the mark, `opening`, `content`, `closing` and `rest` joined — is the text
/// given, byte for byte.
public struct FrontMatter: Sendable, Equatable {
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
    /// Whether the text started with a byte-order mark (not part of any other field).
    public var hasByteOrderMark: Bool
    /// The opening delimiter line as written, with its line ending; empty unless closed.
    public var opening: Substring
    /// The lines between the delimiters as written, with their endings; empty unless closed.
    public var content: Substring
    /// The closing delimiter line as written, with its ending (none at the end of the text);
    /// empty unless closed.
    public var closing: Substring
    /// The text after the closing line; all of the text after the mark unless closed.
    public var rest: Substring
    /// The YAML text between the delimiters, lines joined by `\n`; empty unless closed.
    public var yaml: String
    /// The file line on which the YAML text begins (the line after the opening `---`).
    public var yamlFirstLine: Int
    /// The file line of the closing delimiter, when closed.
    public var closingLine: Int?
    /// The line endings of the front-matter lines, delimiters included; empty unless closed.
    private var endings: String

    /// Splits `text`, which may start with a byte-order mark.
    public init(_ text: String) {
        hasByteOrderMark = text.unicodeScalars.first == "\u{FEFF}"
        let text = hasByteOrderMark ? String(text.unicodeScalars.dropFirst()) : text
        // Only the lines up to the closing delimiter are looked at; the body after it is taken
        // as it is (splitting and joining every line of long pages was a tenth of a build).
        var lines = LineReader(text)
        yamlFirstLine = 2
        closingLine = nil
        (opening, content, closing, yaml, endings) = ("", "", "", "", "")
        rest = text[...]
        guard let first = lines.next(), Self.isDelimiter(first.content, allowDots: false) else {
            state = .absent
            return
        }
        // Most front matter ends every line with LF: then the YAML is the content less its last
        // LF, and the endings are LFs, with no line kept and nothing joined (the split was 3 %
        // of a check of 10,000 small documents).
        var count = 1
        var onlyLF = Self.isLF(first.ending)
        var second: String.Index?
        var last = first
        var isClosed = false
        while let line = lines.next() {
            count += 1
            if count == 2 { second = line.content.startIndex }
            last = line
            if Self.isDelimiter(line.content, allowDots: true) {
                isClosed = true
                break
            }
            if !Self.isLF(line.ending) { onlyLF = false }
        }
        guard isClosed, let second else {
            state = .unclosed
            return
        }
        let whole = text
        state = .closed
        closingLine = count
        opening = whole[whole.startIndex..<second]
        content = whole[second..<last.content.startIndex]
        closing = whole[last.content.startIndex..<lines.position]
        rest = whole[lines.position...]
        if onlyLF {
            // The last byte is the LF: cut on the bytes (not as a `Character`, which is slow).
            yaml = content.isEmpty ? "" : String(content[..<content.utf8.index(before: content.endIndex)])
            endings = String(repeating: "\n", count: count - 1) + last.ending
        } else {
            // Lines ending in CRLF or CR: read again, each line's text and ending apart.
            var again = LineReader(text)
            var read: [(content: Substring, ending: Substring)] = []
            for _ in 0..<count { if let line = again.next() { read.append(line) } }
            yaml = read[1..<(count - 1)].map(\.content).joined(separator: "\n")
            endings = read.map(\.ending).joined()
        }
    }

    private static func isLF(_ ending: Substring) -> Bool {
        ending.utf8.count == 1 && ending.utf8.first == 0x0A
    }

    /// The text given, byte-order mark included: every part joined.
    public var text: String {
        (hasByteOrderMark ? "\u{FEFF}" : "") + opening + content + closing + rest
    }

    /// The front matter as written, delimiters included; nil unless closed.
    public var block: Substring? {
        state == .closed ? opening.base[opening.startIndex..<closing.endIndex] : nil
    }

    /// The Markdown body with the front-matter lines blanked — their line endings kept, so that
    /// a position cmark reports in the body is a position in the file.
    public var body: String {
        endings + rest
    }

    /// The YAML read with positions in the file (`nodeLimit` as in `YAMLReader`); nil unless
    /// closed. Readers that need the root and the entries read it once and pass the root on.
    public func read(file: String, nodeLimit: Int = YAMLReader.defaultNodeLimit) -> YAMLReader.Result? {
        state == .closed ? YAMLReader.read(yaml, file: file, firstLine: yamlFirstLine, nodeLimit: nodeLimit) : nil
    }

    /// Whether `line` is `---` (or `...` with `allowDots`) with only spaces or tabs after it;
    /// on the bytes, as every front-matter line is asked.
    static func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
        let bytes = line.utf8
        guard bytes.count >= 3 else { return false }
        var index = bytes.startIndex
        let mark = bytes[index]
        guard mark == UInt8(ascii: "-") || (allowDots && mark == UInt8(ascii: ".")) else { return false }
        for _ in 0..<3 {
            guard bytes[index] == mark else { return false }
            index = bytes.index(after: index)
        }
        return bytes[index...].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
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
