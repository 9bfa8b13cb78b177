/// The raw source text of a block, scalar by scalar, each with its file location, to find the
/// exact place of references and attributes inside it.
struct PositionedText {
    var scalars: [Unicode.Scalar] = []
    var locations: [SourceLocation] = []
    /// Where a position just past the end lies.
    var endLocation: SourceLocation

    /// The text of `range` in `source`; lines after the first keep their indentation, which
    /// readers of the positions skip as white space.
    init(source: SourceText, range: SourceRange) {
        endLocation = range.upperBound
        var line = range.lowerBound.line
        while line <= range.upperBound.line {
            let text = source.text(ofLine: line)
            var column = 1
            for scalar in text.unicodeScalars {
                defer { column += 1 }
                if line == range.lowerBound.line && column < range.lowerBound.column { continue }
                if line == range.upperBound.line && column >= range.upperBound.column { break }
                scalars.append(scalar)
                locations.append(SourceLocation(line: line, column: column))
            }
            if line < range.upperBound.line {
                scalars.append("\n")
                locations.append(SourceLocation(line: line, column: column))
            }
            line += 1
        }
    }

    func location(at index: Int) -> SourceLocation {
        index < locations.count ? locations[index] : endLocation
    }

    func slice(_ start: Int, _ end: Int) -> String {
        guard start < end else { return "" }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[start..<min(end, scalars.count)])
        return String(result)
    }

    func lastIndex(of scalar: Unicode.Scalar, before end: Int) -> Int? {
        scalars[..<min(end, scalars.count)].lastIndex(of: scalar)
    }

    func firstNonWhitespace(from start: Int, to end: Int) -> Int? {
        (start..<min(end, scalars.count)).first { !scalars[$0].properties.isWhitespace }
    }

    /// The location of the first occurrence of `text`.
    func firstLocation(of text: String) -> SourceLocation? {
        let needle = Array(text.unicodeScalars)
        guard !needle.isEmpty, needle.count <= scalars.count else { return nil }
        for start in 0...(scalars.count - needle.count) where scalars[start] == needle[0] {
            var matches = true
            for offset in 1..<needle.count where scalars[start + offset] != needle[offset] {
                matches = false
                break
            }
            if matches { return locations[start] }
        }
        return nil
    }

    /// The last `→` or `->` before `end`, with its length in scalars.
    func lastArrow(before end: Int) -> (index: Int, length: Int)? {
        var index = min(end, scalars.count) - 1
        while index >= 0 {
            if scalars[index] == "→" { return (index, 1) }
            if scalars[index] == ">", index > 0, scalars[index - 1] == "-" { return (index - 1, 2) }
            index -= 1
        }
        return nil
    }
}
