/// The raw source text of a block, scalar by scalar, each with its file location, to find the
/// exact place of references and attributes inside it.
struct PositionedText {
    var scalars: [Unicode.Scalar] = []
    /// Where each line's part of `scalars` begins, with that line and the column of its first
    /// scalar: the columns after it follow one by one, so one entry per line is kept where
    /// there was a location for every scalar of every item.
    private var lineStarts: [(index: Int, line: Int, column: Int)] = []
    /// Where a position just past the end lies.
    var endLocation: SourceLocation

    /// The text of `range` in `source`; lines after the first keep their indentation, which
    /// readers of the positions skip as white space.
    init(source: SourceText, range: SourceRange) {
        endLocation = range.upperBound
        // At most one scalar per byte of the lines, plus their breaks: room made once.
        let first = source.byteRange(ofLine: range.lowerBound.line).lowerBound
        let last = source.byteRange(ofLine: range.upperBound.line).upperBound
        scalars.reserveCapacity(max(0, last - first) + (range.upperBound.line - range.lowerBound.line) + 1)
        lineStarts.reserveCapacity(range.upperBound.line - range.lowerBound.line + 1)
        source.bytes.withUnsafeBufferPointer { bytes in
            var line = range.lowerBound.line
            while line <= range.upperBound.line {
                // Decoded straight from the bytes: no String per line (this runs for every item).
                let lineBytes = source.byteRange(ofLine: line)
                var offset = lineBytes.lowerBound
                var column = 1
                var started = false
                while offset < lineBytes.upperBound {
                    let (scalar, length) = Self.scalar(in: bytes, at: offset, before: lineBytes.upperBound)
                    offset += length
                    if line == range.upperBound.line && column >= range.upperBound.column { break }
                    if line != range.lowerBound.line || column >= range.lowerBound.column {
                        if !started {
                            lineStarts.append((scalars.count, line, column))
                            started = true
                        }
                        scalars.append(scalar)
                    }
                    column += 1
                }
                if line < range.upperBound.line {
                    // The line break stands just past the line's last character.
                    if !started { lineStarts.append((scalars.count, line, column)) }
                    scalars.append("\n")
                }
                line += 1
            }
        }
    }

    /// The scalar whose UTF-8 starts at `offset` of `bytes`, and its length in bytes, reading no
    /// further than `end`. A `SourceText` made from a `String` is valid UTF-8; a sequence that is
    /// not (cut short, or a stray continuation byte) reads as U+FFFD, one byte long.
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int, before end: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard length > 0, offset + length <= end else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (0x7F >> length)
        for next in 1..<length {
            let byte = bytes[offset + next]
            guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    func location(at index: Int) -> SourceLocation {
        guard index >= 0, index < scalars.count else { return endLocation }
        // Items span a few lines: the last start at or before `index`, from the end.
        var start = lineStarts.count - 1
        while start > 0, lineStarts[start].index > index { start -= 1 }
        let found = lineStarts[start]
        return SourceLocation(line: found.line, column: found.column + index - found.index)
    }

    /// The location of each scalar from `start` up to `end`.
    func locations(from start: Int, to end: Int) -> [SourceLocation] {
        (start..<max(start, min(end, scalars.count))).map(location(at:))
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
            if matches { return location(at: start) }
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
