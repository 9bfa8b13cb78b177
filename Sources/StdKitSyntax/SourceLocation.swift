/// A place in a source file: 1-based line and 1-based column.
///
/// Columns count Unicode scalars (characters as an editor shows them), not UTF-8 bytes, so a
/// location on a Chinese line points at the right character in any editor.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, counted in Unicode scalars.
    public var column: Int

    /// Creates a location from a 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The start of a file.
    public static let start = SourceLocation(line: 1, column: 1)

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A half-open stretch of source text, from `lowerBound` up to (not including) `upperBound`.
public typealias SourceRange = Range<SourceLocation>
