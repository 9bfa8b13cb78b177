/// Turns a file's bytes into text, remembering what a rewrite must preserve (a byte-order mark,
/// the line-ending style) and reporting bytes that are not UTF-8.
public struct DecodedSource: Sendable {
    /// The text, without a byte-order mark. Invalid bytes are replaced by U+FFFD so that the rest
    /// of the file can still be checked.
    public var text: String
    /// Whether the file began with a UTF-8 byte-order mark.
    public var hasByteOrderMark: Bool
    /// The line ending the file uses (the first one found), `"\n"` when it has none.
    public var lineEnding: String
    /// Where the first byte that is not UTF-8 sits, if any.
    public var firstInvalidByte: SourceLocation?
    /// Whether the file holds NUL bytes, the mark of a binary file.
    public var containsNUL: Bool

    /// Decodes `bytes` as UTF-8.
    public init(bytes: [UInt8]) {
        var body = bytes[...]
        hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if hasByteOrderMark { body = body.dropFirst(3) }
        containsNUL = body.contains(0)

        lineEnding = "\n"
        if let newline = body.firstIndex(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
            if body[newline] == UInt8(ascii: "\r") {
                let next = body.index(after: newline)
                lineEnding = next < body.endIndex && body[next] == UInt8(ascii: "\n") ? "\r\n" : "\r"
            }
        }

        let valid = String(validating: body, as: UTF8.self)
        if let valid {
            text = valid
            firstInvalidByte = nil
        } else {
            text = String(decoding: body, as: UTF8.self)
            let offset = Self.firstInvalidOffset(in: Array(body))
            firstInvalidByte = SourceText(bytes: Array(body)).location(ofByte: offset)
        }
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence.
    static func firstInvalidOffset(in bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return bytes.count
            case .error:
                return offset
            }
        }
    }
}
