#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The UTF-8 bytes of a file's text with an index of where each line starts, to turn cmark's
/// byte columns into character columns and to read back the raw text of a line.
///
/// A line ends at `\n`, `\r\n` or a lone `\r`, as in CommonMark.
public struct SourceText: Sendable {
    /// The text's bytes (without a byte-order mark).
    public let bytes: [UInt8]
    /// The byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    /// Whether each line is ASCII only, where a byte column is the character column.
    let asciiLines: [Bool]

    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        // Line breaks found with memchr, and each line's bytes tested eight at a time: this
        // runs over every byte of every file, twice on a check (loading, then the report).
        var starts = [0]
        var ascii: [Bool] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
            let count = buffer.count
            let hasCarriageReturn = memchr(base, 0x0D, count) != nil
            var start = 0
            while true {
                var end = count
                if hasCarriageReturn {
                    end = start
                    while end < count, base[end] != 0x0A, base[end] != 0x0D { end += 1 }
                } else if let found = memchr(base + start, 0x0A, count - start) {
                    end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                }
                ascii.append(Self.isASCII(UnsafeBufferPointer(rebasing: buffer[start..<end])))
                guard end < count else { break }
                var next = end + 1
                if base[end] == 0x0D, next < count, base[next] == 0x0A { next += 1 }
                starts.append(next)
                start = next
            }
        }
        if ascii.isEmpty { ascii = [true] }
        self.lineStarts = starts
        self.asciiLines = ascii
    }

    /// Whether `bytes` are all below 0x80, tested a word at a time.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        var high: UInt64 = 0
        while index + 8 <= bytes.count {
            high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            high |= UInt64(bytes[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
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
        let range = byteRange(ofLine: line)
        if line >= 1, line <= asciiLines.count, asciiLines[line - 1] { return range.count }
        return scalarStarts(in: range)
    }

    /// How many bytes in `range` start a scalar (are not 10xxxxxx), counted a word at a time:
    /// this runs twice for every Markdown node on a line of Chinese (`column`), and once for
    /// every line a node is checked against (`scalarCount`).
    func scalarStarts(in range: Range<Int>) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !range.isEmpty else { return 0 }
            let raw = UnsafeRawPointer(base)
            var count = 0
            var index = range.lowerBound
            while index + 8 <= range.upperBound {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // A continuation byte has its top bit set and the next one clear: shifted left
                // by one, each byte's second bit lands on its own top bit.
                count += 8 - (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                index += 8
            }
            while index < range.upperBound {
                if buffer[index] & 0xC0 != 0x80 { count += 1 }
                index += 1
            }
            return count
        }
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
        // Within an ASCII line (its break included) each byte is a character.
        let lineEnd = line < lineStarts.count ? lineStarts[line] : bytes.count
        if asciiLines[line - 1], end <= lineEnd { return end - start + 1 }
        return scalarStarts(in: start..<max(start, end)) + 1
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
