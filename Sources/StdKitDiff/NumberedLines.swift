import Foundation
import StdKitModel

/// Several texts split into lines once, each line a byte range of its text (no `String` per line)
/// and numbered so that two lines have the same number exactly when their bytes, line ending
/// included, are the same. A line merge of a 1 MB document compares some 45,000 lines; as
/// `String`s (an allocation each) and dictionary keys they cost more than the diff itself.
struct NumberedLines {
    /// The texts, each in contiguous UTF-8 (the byte offsets below count from its start).
    let texts: [Substring]
    /// For each text, the byte offset where each line starts, then the text's byte count: line
    /// `i` is `starts[i]..<starts[i + 1]`, with its ending (the last line may lack one).
    let starts: [[Int]]
    /// For each text, each line's number; numbers run from 0 up to `distinct`.
    let numbers: [[Int]]
    /// How many different lines the texts hold.
    let distinct: Int

    init(_ texts: [Substring]) {
        let texts = texts.map { text in
            var text = text
            text.makeContiguousUTF8()
            return text
        }
        // Lines and their hashes, one text per core; then one numbering over all of them.
        let split = Parallel.map(texts) { text in
            var text = text
            return text.withUTF8 { bytes in Self.lines(of: bytes) }
        }
        var table = ByteLineTable(capacity: split.reduce(0) { $0 + $1.hashes.count })
        let numbers = Self.withBuffers(texts[...], []) { buffers in
            split.indices.map { text in
                let starts = split[text].starts
                return split[text].hashes.indices.map { line in
                    table.number(hash: split[text].hashes[line], text: text, bytes: starts[line]..<starts[line + 1], in: buffers)
                }
            }
        }
        self.texts = texts
        self.starts = split.map(\.starts)
        self.numbers = numbers
        distinct = table.count
    }

    /// How many lines text `text` has.
    func count(_ text: Int) -> Int { numbers[text].count }

    /// Lines `range` of text `text`, as one piece of it (no copy).
    func substring(_ text: Int, _ range: Range<Int>) -> Substring {
        let utf8 = texts[text].utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: starts[text][range.lowerBound])
        let upper = utf8.index(utf8.startIndex, offsetBy: starts[text][range.upperBound])
        return texts[text][lower..<upper]
    }

    /// Lines `range` of text `text`, a `String` each (for the few lines a merge looks into).
    func lines(_ text: Int, _ range: Range<Int>) -> [String] {
        range.map { String(substring(text, $0..<($0 + 1))) }
    }

    /// The last bytes of line `line` of text `text`: whether it ends with a line feed, and with
    /// a carriage return before it.
    func ending(_ text: Int, _ line: Int) -> (lineFeed: Bool, carriageReturn: Bool) {
        let (start, end) = (starts[text][line], starts[text][line + 1])
        let utf8 = texts[text].utf8
        guard end > start, utf8[utf8.index(utf8.startIndex, offsetBy: end - 1)] == UInt8(ascii: "\n") else { return (false, false) }
        return (true, end - start >= 2 && utf8[utf8.index(utf8.startIndex, offsetBy: end - 2)] == UInt8(ascii: "\r"))
    }

    /// The line starts of `bytes` (split after each LF, as `TextLines.split`) and each line's hash.
    static func lines(of bytes: UnsafeBufferPointer<UInt8>) -> (starts: [Int], hashes: [UInt64]) {
        var starts = [0], hashes: [UInt64] = []
        guard let base = bytes.baseAddress else { return (starts, hashes) }
        var start = 0
        while start < bytes.count {
            let end: Int
            if let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) {
                end = UnsafeRawPointer(newline) - UnsafeRawPointer(base) + 1
            } else {
                end = bytes.count
            }
            hashes.append(LineKey.hash(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<end])))
            starts.append(end)
            start = end
        }
        return (starts, hashes)
    }

    /// `body` with the UTF-8 bytes of every text (each contiguous already, so nothing is copied).
    static func withBuffers<Result>(_ texts: ArraySlice<Substring>, _ buffers: [UnsafeBufferPointer<UInt8>],
                                    _ body: ([UnsafeBufferPointer<UInt8>]) -> Result) -> Result {
        guard var first = texts.first else { return body(buffers) }
        return first.withUTF8 { withBuffers(texts.dropFirst(), buffers + [$0], body) }
    }
}

/// An open-addressing table of byte strings found in several buffers, each given a number in
/// the order first seen: the same bytes, the same number. Entries point into the buffers, so
/// nothing is copied; a lookup compares the stored hash, the length, then the bytes.
struct ByteLineTable {
    /// An entry's number + 1 per slot; 0 is an empty slot.
    private var slots: [Int32]
    private var mask: Int
    /// Where each number's first occurrence is, and its hash.
    private var entries: [(hash: UInt64, text: Int, start: Int, end: Int)] = []

    /// A table sized for `capacity` strings (it grows past them).
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        entries.reserveCapacity(capacity)
    }

    /// Doubles the slots when half are used, so that probes stay short and an empty one is found.
    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash ^ (entry.hash >> 32)) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }

    /// How many different strings it holds.
    var count: Int { entries.count }

    /// The number of the bytes `bytes` of buffer `text` (whose hash is `hash`), a new one if
    /// they were not seen before.
    mutating func number(hash: UInt64, text: Int, bytes: Range<Int>, in buffers: [UnsafeBufferPointer<UInt8>]) -> Int {
        let length = bytes.count
        if entries.count * 2 >= slots.count { grow() }
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 {
                slots[slot] = Int32(entries.count + 1)
                entries.append((hash, text, bytes.lowerBound, bytes.upperBound))
                return entries.count - 1
            }
            let entry = entries[stored - 1]
            if entry.hash == hash, entry.end - entry.start == length,
               length == 0 || memcmp(buffers[entry.text].baseAddress! + entry.start, buffers[text].baseAddress! + bytes.lowerBound, length) == 0 {
                return stored - 1
            }
            slot = (slot + 1) & mask
        }
    }
}
