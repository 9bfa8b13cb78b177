import StdKitSyntax
import StdKitWorkspace

/// A file's text with the column unit the client and server agreed on: converts the model's
/// places (1-based lines, columns in scalars) to the protocol's positions (0-based, columns in
/// UTF-8, UTF-16 or UTF-32 units) and back.
struct DocumentText: Sendable {
    var buffer: TextBuffer
    var unit: ColumnUnit

    func position(_ location: SourceLocation) -> LSP.Position {
        let position = buffer.position(of: location, unit: unit)
        return LSP.Position(line: position.line, character: position.column)
    }

    func range(_ range: SourceRange) -> LSP.Range {
        LSP.Range(start: position(range.lowerBound), end: position(range.upperBound))
    }

    /// The model's place of a client's position; nil when its line is past the end.
    func location(_ position: LSP.Position) -> SourceLocation? {
        buffer.location(of: TextPosition(line: position.line, column: position.character), unit: unit)
    }

    /// The range a finding at `location` underlines: the word that starts there (an id, a
    /// reference, a key: ASCII letters, digits and `-_#.:/@`), a run of other letters (Chinese
    /// text up to punctuation or a space), else one character. At the end of a line, the
    /// line's last character, so that it can still be seen.
    func tokenRange(at location: SourceLocation) -> LSP.Range {
        let line = location.line - 1
        guard let text = buffer.lineText(line) else {
            let end = position(location)
            return LSP.Range(start: end, end: end)
        }
        let scalars = Array(text.unicodeScalars)
        var start = max(0, location.column - 1)
        if start >= scalars.count {
            guard !scalars.isEmpty else {
                let at = LSP.Position(line: line, character: 0)
                return LSP.Range(start: at, end: at)
            }
            start = scalars.count - 1
        }
        var end = start + 1
        if let kind = Self.kind(scalars[start]) {
            while end < scalars.count, Self.kind(scalars[end]) == kind { end += 1 }
        }
        return range(SourceLocation(line: location.line, column: start + 1)..<SourceLocation(line: location.line, column: end + 1))
    }

    private enum Kind { case word, letters }

    private static func kind(_ scalar: Unicode.Scalar) -> Kind? {
        if scalar.isASCII {
            let character = Character(scalar)
            return character.isLetter || character.isNumber || "-_#.:/@".contains(character) ? .word : nil
        }
        return scalar.properties.isAlphabetic ? .letters : nil
    }
}
