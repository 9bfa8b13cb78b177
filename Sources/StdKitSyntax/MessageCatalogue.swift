import Foundation

/// The texts of messages in one language: `Resources/messages/LANG.yml`, a mapping of keys to
/// templates whose `{name}` placeholders the message's arguments fill. Read with stdkit's own
/// YAML reader, once per process and language.
public struct MessageCatalogue: Sendable {
    public var language: Language
    /// Templates by key.
    public var templates: [String: String]

    public init(language: Language, templates: [String: String]) {
        self.language = language
        self.templates = templates
    }

    /// Reads a catalogue's YAML: a flat mapping of keys to strings; anything else is a problem.
    public init(language: Language, yaml: String, file: String) throws(CatalogueError) {
        let result = YAMLReader.read(yaml, file: file)
        if let first = result.diagnostics.first {
            throw CatalogueError(file: file, line: first.location.line, problem: first.message.key)
        }
        var templates: [String: String] = [:]
        for pair in result.root?.mapping ?? [] {
            guard let key = pair.key.scalar, let template = pair.value.scalar, templates[key] == nil else {
                throw CatalogueError(file: file, line: pair.key.location.line, problem: "not a new key with a text")
            }
            templates[key] = template
        }
        self.init(language: language, templates: templates)
    }

    /// The shipped catalogue of `language`.
    public static func `for`(_ language: Language) -> MessageCatalogue {
        switch language {
        case .en: english
        case .zhCN: chinese
        }
    }

    // Loaded on first use (globals and static lets are lazy and thread-safe in Swift). A broken
    // installation renders keys instead of texts rather than stopping the check.
    private static let english = shipped(.en)
    private static let chinese = shipped(.zhCN)

    private static func shipped(_ language: Language) -> MessageCatalogue {
        guard let url = Bundle.module.url(forResource: language.rawValue, withExtension: "yml", subdirectory: "messages"),
              let data = try? Data(contentsOf: url),
              let catalogue = try? MessageCatalogue(language: language, yaml: String(decoding: data, as: UTF8.self), file: url.path)
        else {
            return MessageCatalogue(language: language, templates: [:])
        }
        return catalogue
    }

    /// The message in this catalogue's language; a key it lacks is taken from English, and a
    /// key neither has is shown as itself with its arguments. `verbatim` shows the arguments
    /// that are never translated (a test masks them to see the catalogue's own words).
    public func render(_ message: Message, verbatim: (String) -> String = { $0 }) -> String {
        guard let template = templates[message.key] ?? (language == .en ? nil : Self.english.templates[message.key]) else {
            let arguments = message.arguments.keys.sorted().map { "\($0)=\(render(message.arguments[$0]!, verbatim: verbatim))" }
            return "\(message.key)(\(arguments.joined(separator: ", ")))"
        }
        var output = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), Self.isName(rest[afterOpen..<close]),
               let argument = message.arguments[String(rest[afterOpen..<close])] {
                output += render(argument, verbatim: verbatim)
                rest = rest[rest.index(after: close)...]
            } else {
                output += "{"
                rest = rest[afterOpen...]
            }
        }
        return output + rest
    }

    func render(_ argument: Message.Argument, verbatim: (String) -> String) -> String {
        switch argument {
        case .verbatim(let text): verbatim(text)
        case .number(let number): String(number)
        case .message(let message): render(message, verbatim: verbatim)
        case .list(let words, let style): words.map(verbatim).joined(separator: separator(style))
        case .messages(let messages, let style): messages.map { render($0, verbatim: verbatim) }.joined(separator: separator(style))
        }
    }

    private func separator(_ style: Message.ListStyle) -> String {
        let key = switch style {
        case .and: "common.list.and"
        case .or: "common.list.or"
        case .semicolon: "common.list.semicolon"
        }
        return templates[key] ?? Self.english.templates[key] ?? ", "
    }

    /// The placeholders of a template, in order: `{name}` where the name is letters, digits
    /// and `_` (so `{hours=…}` in a text is not one).
    public static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), isName(rest[afterOpen..<close]) {
                names.append(String(rest[afterOpen..<close]))
                rest = rest[rest.index(after: close)...]
            } else {
                rest = rest[afterOpen...]
            }
        }
        return names
    }

    private static func isName(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }
}

/// A message catalogue that cannot be read: which file, which line, what is wrong.
public struct CatalogueError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var problem: String

    public var description: String { "\(file):\(line): \(problem)" }
}
