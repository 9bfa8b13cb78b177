extension String {
    /// The last `character`, an ASCII one other than a line break, as `lastIndex(of:)` finds it.
    public func lastIndex(ofASCII character: Character) -> Index? {
        switch lastStandaloneByte(character.asciiValue!) {
        case .found(let index): index
        case .absent: nil
        case .uncertain: lastIndex(of: character)
        }
    }

    /// The last `byte` (an ASCII character other than CR and LF) of the text, looked for on the
    /// UTF-8 bytes: where its neighbours are ASCII it is a character of its own, since no mark,
    /// joiner or prepended scalar is ASCII. `.uncertain` where a neighbour is not ASCII: the
    /// caller then searches as it must (by characters, or as Foundation does).
    public func lastStandaloneByte(_ byte: UInt8) -> StandaloneByte<Index> {
        let utf8 = self.utf8
        guard let found = utf8.lastIndex(of: byte) else { return .absent }
        let after = utf8.index(after: found)
        let asciiAfter = after == utf8.endIndex || utf8[after] < 0x80
        let asciiBefore = found == utf8.startIndex || utf8[utf8.index(before: found)] < 0x80
        return asciiAfter && asciiBefore ? .found(found) : .uncertain
    }
}

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// Whether the last character is `byte` (an ASCII character other than CR and LF), as
    /// `hasSuffix` says by characters: read on the last two bytes, since after an ASCII byte (or
    /// alone) it is a character of its own; by characters only after a scalar beyond ASCII.
    public func endsWithCharacter(ascii byte: UInt8) -> Bool {
        let utf8 = self.utf8
        guard let lastByte = utf8.last, lastByte == byte else { return false }
        let last = utf8.index(before: utf8.endIndex)
        guard last > utf8.startIndex, utf8[utf8.index(before: last)] >= 0x80 else { return true }
        return self.last == Character(Unicode.Scalar(byte))
    }
}

/// What `lastStandaloneByte(_:)` found.
public enum StandaloneByte<Index> {
    case found(Index)
    case absent
    case uncertain
}
