/// A path pattern of `stdkit.yml`'s `include` and `exclude`: `*` matches within one path
/// segment, `**` any number of segments, `?` one character. Paths use `/`.
public struct Glob: Sendable, Hashable {
    public let pattern: String
    /// The pattern's segments as UTF-8 bytes; nil for `**`.
    private let segments: [[UInt8]?]

    public init(_ pattern: String) {
        self.pattern = pattern
        self.segments = pattern.split(separator: "/", omittingEmptySubsequences: true).map { $0 == "**" ? nil : Array($0.utf8) }
    }

    /// Whether the relative path `path` matches.
    public func matches(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            // The segments of the path, as ranges of its bytes.
            var parts: [Range<Int>] = []
            var start = 0
            for (index, byte) in bytes.enumerated() where byte == 0x2F {
                if index > start { parts.append(start..<index) }
                start = index + 1
            }
            if bytes.count > start { parts.append(start..<bytes.count) }
            return Self.match(segments[...], parts[...], in: bytes)
        }
    }

    private static func match(_ pattern: ArraySlice<[UInt8]?>, _ path: ArraySlice<Range<Int>>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        guard let head else {
            // `**`: any number of segments.
            let rest = pattern.dropFirst()
            var remaining = path
            while true {
                if match(rest, remaining, in: bytes) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let segment = path.first, matchSegment(head[...], UnsafeBufferPointer(rebasing: bytes[segment])[...]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst(), in: bytes)
    }

    /// Matches on UTF-8 bytes, a character at a time: `?` takes a whole character, and `*` gives
    /// back whole characters (a literal can only begin where a character does).
    private static func matchSegment(_ pattern: ArraySlice<UInt8>, _ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let head = pattern.first else { return text.isEmpty }
        switch head {
        case 0x2A:  // *
            var remaining = text
            while true {
                if matchSegment(pattern.dropFirst(), remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst(characterLength(remaining))
            }
        case 0x3F:  // ?
            return !text.isEmpty && matchSegment(pattern.dropFirst(), text.dropFirst(characterLength(text)))
        default:
            return text.first == head && matchSegment(pattern.dropFirst(), text.dropFirst())
        }
    }

    /// The bytes of the character `text` begins with: its lead byte and the continuation bytes
    /// after it.
    private static func characterLength(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        var length = 1
        var index = text.index(after: text.startIndex)
        while index < text.endIndex, text[index] & 0xC0 == 0x80 {
            length += 1
            index = text.index(after: index)
        }
        return length
    }
}
