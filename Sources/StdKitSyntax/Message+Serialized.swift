/// A message as one line of text, for caches: the key and the typed arguments, never a
/// rendering, so that what is read back can be shown in any language.
///
/// The form is length-prefixed, so no character of an argument needs escaping:
/// `key|count|name|argument…` with an argument `v5:text` (verbatim, its length in UTF-8
/// bytes), `n42;` (number), `m` and a message, `l` + style + count + `|` and the words
/// (`v`-form each), `L` + style + count + `|` and the messages.
extension Message {
    public var serialized: String {
        var out: [UInt8] = []
        Self.write(self, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public init?(serialized: String) {
        let bytes = Array(serialized.utf8)
        var index = 0
        guard let message = Self.readMessage(bytes, &index), index == bytes.count else { return nil }
        self = message
    }

    private static func write(_ message: Message, into out: inout [UInt8]) {
        out += message.key.utf8
        out.append(UInt8(ascii: "|"))
        out += String(message.arguments.count).utf8
        out.append(UInt8(ascii: "|"))
        for name in message.arguments.keys.sorted() {
            out += name.utf8
            out.append(UInt8(ascii: "|"))
            write(message.arguments[name]!, into: &out)
        }
    }

    private static func write(_ argument: Argument, into out: inout [UInt8]) {
        func verbatim(_ text: String) {
            out.append(UInt8(ascii: "v"))
            out += String(text.utf8.count).utf8
            out.append(UInt8(ascii: ":"))
            out += text.utf8
        }
        func style(_ style: ListStyle) -> UInt8 {
            switch style {
            case .and: UInt8(ascii: "a")
            case .or: UInt8(ascii: "o")
            case .semicolon: UInt8(ascii: "s")
            }
        }
        switch argument {
        case .verbatim(let text):
            verbatim(text)
        case .number(let number):
            out.append(UInt8(ascii: "n"))
            out += String(number).utf8
            out.append(UInt8(ascii: ";"))
        case .message(let message):
            out.append(UInt8(ascii: "m"))
            write(message, into: &out)
        case .list(let words, let listStyle):
            out += [UInt8(ascii: "l"), style(listStyle)]
            out += String(words.count).utf8
            out.append(UInt8(ascii: "|"))
            for word in words { verbatim(word) }
        case .messages(let messages, let listStyle):
            out += [UInt8(ascii: "L"), style(listStyle)]
            out += String(messages.count).utf8
            out.append(UInt8(ascii: "|"))
            for message in messages { write(message, into: &out) }
        }
    }

    /// Bytes up to `terminator` (not included), which is consumed.
    private static func field(_ bytes: [UInt8], _ index: inout Int, until terminator: UInt8) -> String? {
        guard let end = bytes[index...].firstIndex(of: terminator) else { return nil }
        defer { index = end + 1 }
        return String(decoding: bytes[index..<end], as: UTF8.self)
    }

    private static func count(_ bytes: [UInt8], _ index: inout Int, until terminator: UInt8) -> Int? {
        field(bytes, &index, until: terminator).flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil }
    }

    private static func readMessage(_ bytes: [UInt8], _ index: inout Int) -> Message? {
        guard let key = field(bytes, &index, until: UInt8(ascii: "|")), !key.isEmpty,
              let count = count(bytes, &index, until: UInt8(ascii: "|")) else { return nil }
        var arguments: [String: Argument] = [:]
        for _ in 0..<count {
            guard let name = field(bytes, &index, until: UInt8(ascii: "|")), let argument = readArgument(bytes, &index) else { return nil }
            arguments[name] = argument
        }
        return Message(key, arguments)
    }

    private static func readVerbatim(_ bytes: [UInt8], _ index: inout Int) -> String? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "v") else { return nil }
        index += 1
        guard let length = count(bytes, &index, until: UInt8(ascii: ":")), index + length <= bytes.count else { return nil }
        defer { index += length }
        return String(decoding: bytes[index..<(index + length)], as: UTF8.self)
    }

    private static func readStyle(_ bytes: [UInt8], _ index: inout Int) -> ListStyle? {
        guard index < bytes.count else { return nil }
        defer { index += 1 }
        switch bytes[index] {
        case UInt8(ascii: "a"): return .and
        case UInt8(ascii: "o"): return .or
        case UInt8(ascii: "s"): return .semicolon
        default: return nil
        }
    }

    private static func readArgument(_ bytes: [UInt8], _ index: inout Int) -> Argument? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "v"):
            return readVerbatim(bytes, &index).map { .verbatim($0) }
        case UInt8(ascii: "n"):
            index += 1
            return field(bytes, &index, until: UInt8(ascii: ";")).flatMap { Int($0) }.map { .number($0) }
        case UInt8(ascii: "m"):
            index += 1
            return readMessage(bytes, &index).map { .message($0) }
        case UInt8(ascii: "l"):
            index += 1
            guard let style = readStyle(bytes, &index), let count = count(bytes, &index, until: UInt8(ascii: "|")) else { return nil }
            var words: [String] = []
            for _ in 0..<count {
                guard let word = readVerbatim(bytes, &index) else { return nil }
                words.append(word)
            }
            return .list(words, style)
        case UInt8(ascii: "L"):
            index += 1
            guard let style = readStyle(bytes, &index), let count = count(bytes, &index, until: UInt8(ascii: "|")) else { return nil }
            var messages: [Message] = []
            for _ in 0..<count {
                guard let message = readMessage(bytes, &index) else { return nil }
                messages.append(message)
            }
            return .messages(messages, style)
        default:
            return nil
        }
    }
}
