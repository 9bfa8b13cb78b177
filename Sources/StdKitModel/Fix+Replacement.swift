import StdKitSyntax

extension Fix {
    /// A fix that replaces `old`, written at `location` of `file` (whose text is `text`) after
    /// `prefix`, by `new`; nil when the file does not hold exactly that text there. `inYAML`:
    /// the text is a YAML key or value, where `new` must stay one scalar.
    ///
    /// The finding's place says where a value starts, not what was written: a YAML value may be
    /// quoted (the place is then the quote) or written with escapes, so the edit is made only
    /// where the text itself confirms it, and only with a `new` that reads back as written in a
    /// quoted or plain scalar. A fix that is not sure is worse than none: an editor applies it
    /// without showing the text.
    public static func replacing(
        _ old: String, with new: String, after prefix: String = "", at location: SourceLocation, inText text: String, file: String,
        inYAML: Bool
    ) -> Fix? {
        guard !old.isEmpty, old != new, let line = SourceText(text).line(location.line) else { return nil }
        let scalars = Array(line.unicodeScalars)
        let written = Array((prefix + old).unicodeScalars)
        func holds(at start: Int) -> Bool {
            start >= 0 && start + written.count <= scalars.count && Array(scalars[start..<(start + written.count)]) == written
        }
        var start = location.column - 1
        var quote: Unicode.Scalar?
        if !holds(at: start) {
            guard start >= 0, start < scalars.count, scalars[start] == "\"" || scalars[start] == "'", holds(at: start + 1) else { return nil }
            quote = scalars[start]
            start += 1
        }
        guard fits(new, quotedBy: quote, inYAML: inYAML) else { return nil }
        let from = start + prefix.unicodeScalars.count
        let range = SourceLocation(line: location.line, column: from + 1)..<SourceLocation(line: location.line, column: from + 1 + old.unicodeScalars.count)
        return Fix(title: Message("common.fix.replace", ["old": .verbatim(old), "new": .verbatim(new)]),
                   edits: [Edit(file: file, range: range, text: new)])
    }

    /// Whether `new` can stand where the old text stood and be read as written: inside quotes,
    /// without the quote or an escape; plain in YAML, without anything YAML would read as
    /// syntax; anywhere, on one line.
    private static func fits(_ new: String, quotedBy quote: Unicode.Scalar?, inYAML: Bool) -> Bool {
        let scalars = Array(new.unicodeScalars)
        guard let first = scalars.first, !scalars.contains(where: { $0 == "\n" || $0 == "\r" }) else { return false }
        switch quote {
        case "\"": return !scalars.contains("\"") && !scalars.contains("\\")
        case "'": return !scalars.contains("'")
        default:
            guard inYAML else { return true }
            let indicators = "-?:,[]{}#&*!|>'\"%@`".unicodeScalars
            return !indicators.contains(first) && scalars.last != ":"
                && !scalars.contains(where: { $0.properties.isWhitespace || ",[]{}\"'\\".unicodeScalars.contains($0) })
        }
    }

    /// The fix that puts `new` for a YAML scalar (a key or a value) of `file`, none for nil.
    public static func replacing(_ node: YAMLNode, with new: String?, inText text: String, file: String) -> [Fix] {
        guard let new, let old = node.scalar, let fix = replacing(old, with: new, at: node.location, inText: text, file: file, inYAML: true) else { return [] }
        return [fix]
    }
}
