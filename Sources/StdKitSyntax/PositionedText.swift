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
        // At most one scalar per byte of the lines, plus their breaks: room made once, where
        // growing both arrays as they filled reallocated each several times for every item.
        let first = source.byteRange(ofLine: range.lowerBound.line).lowerBound
        let last = source.byteRange(ofLine: range.upperBound.line).upperBound
        let room = max(0, last - first) + (range.upperBound.line - range.lowerBound.line) + 1
        scalars.reserveCapacity(room)
        locations.reserveCapacity(room)
        var line = range.lowerBound.line
        while line <= range.upperBound.line {
            // Decoded straight from the bytes: no String per line (this runs for every item).
            var bytes = source.bytes[source.byteRange(ofLine: line)].makeIterator()
            var decoder = UTF8()
            var column = 1
            decoding: while true {
                let scalar: Unicode.Scalar
                switch decoder.decode(&bytes) {
                case .scalarValue(let value): scalar = value
                case .error: scalar = "\u{FFFD}"
                case .emptyInput: break decoding
                }
                if line == range.upperBound.line && column >= range.upperBound.column { break }
                if line != range.lowerBound.line || column >= range.lowerBound.column {
                    scalars.append(scalar)
                    locations.append(SourceLocation(line: line, column: column))
                }
                column += 1
            }
            if line < range.upperBound.line {
                // The line break stands just past the line's last character.
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
        return String(scalars: scalars[start..<min(end, scalars.count)])
    }

    func lastIndex(of scalar: Unicode.Scalar, before end: Int) -> Int? {
        scalars[..<min(end, scalars.count)].lastIndex(of: scalar)
    }

    func firstNonWhitespace(from start: Int, to end: Int) -> Int? {
        (start..<min(end, scalars.count)).first { !scalars[$0].isWhitespaceFast }
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

extension String {
    /// The string of `scalars`, encoded at once (appending scalars one by one to a string's
    /// scalar view is several times slower, and this runs for every item).
    init(scalars: some Collection<Unicode.Scalar>) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        self.init(decoding: bytes, as: UTF8.self)
    }
}
