import StdKitSyntax

/// What a column counts: bytes of UTF-8, code units of UTF-16 (a character outside the Basic
/// Multilingual Plane, an emoji, counts two), or Unicode scalars (UTF-32). Editors differ: the
/// Language Server Protocol counts UTF-16 unless client and server agree on another; the model
/// (`SourceLocation`) counts scalars.
public enum ColumnUnit: String, Sendable, Hashable, CaseIterable {
    case utf8, utf16, scalars
}

/// A place in a text as an editor gives it: a 0-based line and a 0-based column in some
/// `ColumnUnit` (which one travels beside it).
public struct TextPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// One change an editor sends: the text between two positions replaced, or (no range) the
/// whole text.
public struct TextChange: Sendable, Hashable {
    public var range: Range<TextPosition>?
    public var text: String

    public init(range: Range<TextPosition>?, text: String) {
        self.range = range
        self.text = text
    }
}

/// A replacement in a file, in the model's places (1-based lines, columns in scalars): what a
/// rename or a fix asks of a file.
public struct TextReplacement: Sendable, Hashable {
    public var range: SourceRange
    public var text: String

    public init(range: SourceRange, text: String) {
        self.range = range
        self.text = text
    }
}

/// A document's text as an editor holds it, with the start of each line found once, so that
/// a position in any unit becomes a place in the text and back.
///
/// Lines end at LF, CRLF or a lone CR (as the Language Server Protocol and cmark count them); the
/// line break is not part of the line.
public struct TextBuffer: Sendable, Hashable {
    public private(set) var text: String
    /// The UTF-8 offset of each line's first byte.
    private var lineStarts: [Int]

    public init(_ text: String) {
        self.text = text
        lineStarts = Self.lineStarts(of: text)
    }

    /// The number of lines (a text ending in a line break has an empty last line).
    public var lineCount: Int { lineStarts.count }

    private static func lineStarts(of text: String) -> [Int] {
        var starts = [0]
        var utf8 = text.utf8.makeIterator()
        var offset = 0
        var previousCR = false
        while let byte = utf8.next() {
            offset += 1
            if byte == 0x0A {
                if previousCR { starts[starts.count - 1] = offset } else { starts.append(offset) }
                previousCR = false
            } else if byte == 0x0D {
                starts.append(offset)
                previousCR = true
            } else {
                previousCR = false
            }
        }
        return starts
    }

    /// The bytes of line `line` (0-based), without its line break.
    public func line(_ line: Int) -> Substring.UTF8View? {
        guard line >= 0, line < lineStarts.count else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[line])
        var end = line + 1 < lineStarts.count ? utf8.index(utf8.startIndex, offsetBy: lineStarts[line + 1]) : utf8.endIndex
        // Back over the line break: LF, CRLF or CR.
        if end > start, line + 1 < lineStarts.count {
            end = utf8.index(before: end)
            if utf8[end] == 0x0A, end > start, utf8[utf8.index(before: end)] == 0x0D { end = utf8.index(before: end) }
        }
        return Substring(text)[start..<end].utf8
    }

    /// The text of line `line` (0-based), without its line break.
    public func lineText(_ line: Int) -> String? {
        self.line(line).map { String(Substring($0)) }
    }

    /// The UTF-8 offset in the text of `position`, counted in `unit`. A column past the end of
    /// its line is the end of the line (as the protocol says); a column inside a character (the
    /// second half of a surrogate pair, a byte inside a sequence) is that character's start. A
    /// line past the end is nil — unless it is the line just after the last, column 0: the end.
    public func offset(of position: TextPosition, unit: ColumnUnit) -> Int? {
        guard position.line >= 0, position.column >= 0 else { return nil }
        if position.line == lineStarts.count, position.column == 0 { return text.utf8.count }
        guard let line = line(position.line) else { return nil }
        var offset = lineStarts[position.line]
        var counted = 0
        for scalar in String(Substring(line)).unicodeScalars {
            let width = Self.width(of: scalar, in: unit)
            if counted + width > position.column { break }
            counted += width
            offset += UTF8.width(scalar)
        }
        return offset
    }

    /// The position of the UTF-8 offset `offset` (clamped to the text), counted in `unit`.
    public func position(ofOffset offset: Int, unit: ColumnUnit) -> TextPosition {
        let offset = max(0, min(offset, text.utf8.count))
        // The last line starting at or before the offset.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        guard let line = line(low) else { return TextPosition(line: low, column: 0) }
        var column = 0
        var at = lineStarts[low]
        for scalar in String(Substring(line)).unicodeScalars {
            if at >= offset { break }
            at += UTF8.width(scalar)
            column += Self.width(of: scalar, in: unit)
        }
        return TextPosition(line: low, column: column)
    }

    /// The model's place (1-based line, column in scalars) of `position` in `unit`, or nil
    /// when the line is past the end.
    public func location(of position: TextPosition, unit: ColumnUnit) -> SourceLocation? {
        guard let offset = offset(of: position, unit: unit) else { return nil }
        let scalars = self.position(ofOffset: offset, unit: .scalars)
        return SourceLocation(line: scalars.line + 1, column: scalars.column + 1)
    }

    /// The position in `unit` of the model's place `location` (columns past the end of the line
    /// are its end; lines past the end, the end of the text).
    public func position(of location: SourceLocation, unit: ColumnUnit) -> TextPosition {
        let line = location.line - 1
        guard line >= 0 else { return TextPosition(line: 0, column: 0) }
        guard line < lineStarts.count else { return position(ofOffset: text.utf8.count, unit: unit) }
        let offset = self.offset(of: TextPosition(line: line, column: max(0, location.column - 1)), unit: .scalars) ?? text.utf8.count
        return position(ofOffset: offset, unit: unit)
    }

    /// The text with `change` made: a range outside the text (a line past the end, an end
    /// before its start) throws and changes nothing.
    public mutating func apply(_ change: TextChange, unit: ColumnUnit) throws(TextBuffer.OutOfRange) {
        guard let range = change.range else {
            self = TextBuffer(change.text)
            return
        }
        guard let start = offset(of: range.lowerBound, unit: unit) else { throw OutOfRange(position: range.lowerBound, lineCount: lineCount) }
        guard let end = offset(of: range.upperBound, unit: unit) else { throw OutOfRange(position: range.upperBound, lineCount: lineCount) }
        guard start <= end else { throw OutOfRange(position: range.upperBound, lineCount: lineCount) }
        var bytes = Array(text.utf8)
        bytes.replaceSubrange(start..<end, with: Array(change.text.utf8))
        self = TextBuffer(String(decoding: bytes, as: UTF8.self))
    }

    /// The text with `replacements` (model places, not overlapping) made.
    public func applying(_ replacements: [TextReplacement]) -> String {
        var bytes = Array(text.utf8)
        let ordered = replacements.compactMap { replacement -> (Range<Int>, String)? in
            guard let start = offset(of: position(of: replacement.range.lowerBound, unit: .scalars), unit: .scalars),
                  let end = offset(of: position(of: replacement.range.upperBound, unit: .scalars), unit: .scalars), start <= end
            else { return nil }
            return (start..<end, replacement.text)
        }.sorted { $0.0.lowerBound > $1.0.lowerBound }
        for (range, text) in ordered { bytes.replaceSubrange(range, with: Array(text.utf8)) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An edit's position is not in the text.
    public struct OutOfRange: Error, Sendable {
        public var position: TextPosition
        public var lineCount: Int
    }

    static func width(of scalar: Unicode.Scalar, in unit: ColumnUnit) -> Int {
        switch unit {
        case .utf8: UTF8.width(scalar)
        case .utf16: UTF16.width(scalar)
        case .scalars: 1
        }
    }
}
