/// What a finding says, as a catalogue key and typed arguments: rendered in a language only
/// when it is reported (DESIGN §18), so that the same finding can be shown in Chinese or
/// English, and cached without either.
///
/// Messages are made only by static functions named for what they say, in an extension beside
/// the code that reports them (swift-format's `Finding.Message`), never from text built at the
/// call site; the texts are in `Resources/messages/en.yml` and `zh-CN.yml`.
public struct Message: Sendable, Hashable {
    /// What fills a placeholder.
    public indirect enum Argument: Sendable, Hashable {
        /// Text that is never translated: an id, a path, a field name, a value as written.
        case verbatim(String)
        case number(Int)
        /// Another message, rendered in the same language (a did-you-mean suffix, a shape).
        case message(Message)
        /// Words never translated, joined as the language joins a list.
        case list([String], ListStyle)
        /// Messages joined as the language joins a list.
        case messages([Message], ListStyle)
    }

    /// How a list is joined: `a, b, c`, `a or b`, `a; b`.
    public enum ListStyle: Sendable, Hashable {
        case and, or, semicolon
    }

    /// The catalogue key, e.g. `unresolved-reference.no-document`.
    public var key: String
    /// The placeholders' values by name (`{written}` in the catalogue is `written` here).
    public var arguments: [String: Argument]

    public init(_ key: String, _ arguments: [String: Argument] = [:]) {
        self.key = key
        self.arguments = arguments
    }

    /// The message in `language`.
    public func text(in language: Language) -> String {
        MessageCatalogue.for(language).render(self)
    }

    /// The message in English, for logs and tests that do not care about the language.
    public var english: String { text(in: .en) }
}

extension Message {
    /// `; did you mean 'X'?`, or nothing when there is no candidate.
    public static func didYouMean(_ candidate: String?) -> Argument {
        candidate.map { .message(Message("common.did-you-mean", ["candidate": .verbatim($0)])) } ?? .verbatim("")
    }

    /// A YAML node's shape: "a list", "a mapping", "a single value" or "empty".
    public static func shape(of node: YAMLNode) -> Argument {
        switch node.value {
        case .scalar: .message(Message(node.isNull ? "common.shape.empty" : "common.shape.scalar"))
        case .sequence: .message(Message("common.shape.list"))
        case .mapping: .message(Message("common.shape.mapping"))
        }
    }

    /// A YAML node as a value in a message: `'text'` for a scalar, else its shape.
    public static func value(of node: YAMLNode) -> Argument {
        node.scalar.map { .message(Message("common.quoted", ["text": .verbatim($0)])) } ?? shape(of: node)
    }
}
