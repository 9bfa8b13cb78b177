/// The UTF-8 bytes of a file's text with an index of where each line starts, to turn cmark's
/// byte columns into character columns and to read back the raw text of a line.
///
/// A line ends at `\n`, `\r\n` or a lone `\r`, as in CommonMark.
public struct SourceText: Sendable {
    /// The text's bytes (without a byte-order mark).
    public let bytes: [UInt8]
    /// The byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                starts.append(index + 1)
            } else if byte == UInt8(ascii: "\r") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        self.lineStarts = starts
    }

    /// The number of lines (a final line ending does not start a new, empty line of text, but
    /// is counted so that positions after it stay valid).
    public var lineCount: Int { lineStarts.count }

    /// The byte range of `line`'s content, without its line ending.
    public func byteRange(ofLine line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        return start..<end
    }

    /// The number of Unicode scalars on `line`, without its line ending: its bytes less the
    /// continuation bytes of multi-byte characters (for text made from a `String`, whose bytes
    /// are valid UTF-8), without decoding the line.
    public func scalarCount(ofLine line: Int) -> Int {
        bytes[byteRange(ofLine: line)].reduce(0) { count, byte in byte & 0xC0 == 0x80 ? count : count + 1 }
    }

    /// The text of `line` without its line ending, or nil for a line the text does not have
    /// (what the text reporter quotes under a finding).
    public func line(_ line: Int) -> Substring? {
        guard line >= 1, line <= lineCount else { return nil }
        return Substring(text(ofLine: line))
    }

    /// The text of `line` without its line ending.
    public func text(ofLine line: Int) -> String {
        String(decoding: bytes[byteRange(ofLine: line)], as: UTF8.self)
    }

    /// The character column of the character that starts at 1-based byte column `byteColumn`
    /// of `line`.
    public func column(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn >= 1 else { return max(byteColumn, 1) }
        let start = lineStarts[line - 1]
        let end = min(start + byteColumn - 1, bytes.count)
        var count = 0
        var index = start
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count + 1
    }

    /// The location of the character containing byte `offset`.
    public func location(ofByte offset: Int) -> SourceLocation {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let line = low + 1
        return SourceLocation(line: line, column: column(line: line, byteColumn: offset - lineStarts[low] + 1))
    }
}
