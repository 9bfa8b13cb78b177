/// One message cut out of the byte stream, or what was wrong with the bytes where one should
/// have been.
enum Frame: Sendable, Equatable {
    /// A message's body (the JSON text).
    case body([UInt8])
    /// A header with no `Content-Length`, or one that is not a number: the bytes up to the next
    /// `Content-Length` are skipped.
    case malformedHeader(String)
    /// A body longer than the limit: skipped without being held in memory.
    case tooLarge(Int)
}

/// The base protocol's framing (LSP 3.17 "Base Protocol"): header fields `Name: value` each
/// ending in `\r\n`, an empty line, then `Content-Length` bytes of JSON. Bytes are appended as
/// they arrive; `next()` gives the messages complete so far.
///
/// A bare `\n` is accepted where `\r\n` belongs (hand-typed input); a broken header does not
/// stop the stream: the decoder finds the next `Content-Length` and goes on.
struct FrameDecoder {
    /// The largest body held (64 MB): a longer one is skipped and reported.
    static let defaultLimit = 64 << 20

    let limit: Int
    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes of a too-large body still to be thrown away as they arrive.
    private var skipping = 0

    init(limit: Int = FrameDecoder.defaultLimit) {
        self.limit = limit
    }

    mutating func append(_ bytes: some Sequence<UInt8>) {
        var bytes = Array(bytes)[...]
        if skipping > 0 {
            let dropped = min(skipping, bytes.count)
            skipping -= dropped
            bytes = bytes.dropFirst(dropped)
        }
        if start > 0, start > buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, or nil until more bytes arrive.
    mutating func next() -> Frame? {
        guard skipping == 0 else { return nil }
        guard let (headerEnd, bodyStart) = headerBounds() else { return nil }
        var header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        if header.hasSuffix("\r") { header.removeLast() }
        guard let length = Self.contentLength(header) else {
            // Skip to the next header that names a length, so one bad message costs only itself.
            start = bodyStart
            resynchronize()
            return .malformedHeader(header.isEmpty ? "an empty header" : "a header without a valid Content-Length: \(header.prefix(200))")
        }
        if length > limit {
            let available = buffer.count - bodyStart
            start = bodyStart + min(length, available)
            skipping = length - min(length, available)
            return .tooLarge(length)
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<bodyStart + length])
        start = bodyStart + length
        return .body(body)
    }

    /// Where the header ends (before its empty line) and the body starts.
    private func headerBounds() -> (Int, Int)? {
        var index = start
        while index < buffer.count {
            if buffer[index] == 0x0A {
                // An empty line: `\n\n`, `\r\n\r\n` or `\n\r\n` ends the header.
                if index + 1 < buffer.count, buffer[index + 1] == 0x0A { return (index, index + 2) }
                if index + 2 < buffer.count, buffer[index + 1] == 0x0D, buffer[index + 2] == 0x0A { return (index, index + 3) }
            }
            index += 1
        }
        return nil
    }

    /// The value of `Content-Length` (field names are case-insensitive), nil when there is none
    /// or it is not a number.
    static func contentLength(_ header: String) -> Int? {
        for line in header.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            guard line[..<colon].trimmingSpaces.lowercased() == "content-length" else { continue }
            guard let value = Int(line[line.index(after: colon)...].trimmingSpaces), value >= 0 else { return nil }
            return value
        }
        return nil
    }

    /// Drops bytes up to the next `Content-Length` (or all but a possible start of one).
    private mutating func resynchronize() {
        let needle = Array("content-length".utf8)
        var index = start
        while index + needle.count <= buffer.count {
            var matches = true
            for (offset, byte) in needle.enumerated() where Self.lowercased(buffer[index + offset]) != byte {
                matches = false
                break
            }
            if matches {
                start = index
                return
            }
            index += 1
        }
        start = max(start, buffer.count - needle.count + 1)
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    /// A message framed for the wire.
    static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
