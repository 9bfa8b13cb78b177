import Foundation
import StdKitModel
import StdKitSyntax

/// A document about to be created (by an import, or `stdkit new`): its id, kind and text, and
/// the items it must hold — read back from the text before it is written, so that an import
/// never silently changes a statement. Where it goes is the writer's choice (`DocumentCreation`).
public struct NewDocument: Sendable {
    public var id: String
    public var kind: String
    public var text: String
    /// The items, depth first, as the source gave them.
    public var items: [ItemNode]
    /// What the import noticed: an item under two parents, a loop broken, codes kept as
    /// attributes, columns not imported, ….
    public var notes: [String]

    public init(id: String, kind: String, text: String, items: [ItemNode], notes: [String] = []) {
        self.id = id
        self.kind = kind
        self.text = text
        self.items = items
        self.notes = notes
    }

    /// The items that read differently once the text is parsed — a statement changed by Markdown
    /// in the source text, or by an arrow or braces that read as references or attributes; an
    /// attribute missing or changed — with what was expected and what was read; empty when every
    /// item reads back as given.
    public func misread(schemas: SchemaLibrary) -> [(id: String, expected: String, read: String?)] {
        let document = ProjectLoader.document(path: id.lowercased() + ".md", bytes: Array(text.utf8), schemas: schemas)
        let read = Dictionary(document.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return items.compactMap { expected in
            guard let item = read[expected.id] else { return (expected.id, expected.statement, nil) }
            if Self.collapsed(item.text) != Self.collapsed(ItemNode.collapsedLines(expected.statement)) {
                return (expected.id, expected.statement, item.text)
            }
            for attribute in expected.attributes where item.attribute(attribute.key) != attribute.value {
                return (expected.id, "\(attribute.key)=\(attribute.value)", item.attribute(attribute.key).map { "\(attribute.key)=\($0)" })
            }
            return nil
        }
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}

/// Why an import cannot make documents from its source, said to the user as it is.
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(description: String) {
        self.description = description
    }
}

/// An item to write: id, statement, attributes, and the items under it.
public struct ItemNode: Sendable {
    public var id: String
    public var statement: String
    public var attributes: [(key: String, value: String)]
    /// References written after the statement's arrow, as written (`#T2`, `JOB-A#R1`).
    public var references: [String] = []
    /// Further Markdown blocks of a statement longer than one paragraph.
    public var blocks: [String]
    public var children: [ItemNode]

    public init(id: String, statement: String, attributes: [(key: String, value: String)] = [], references: [String] = [],
                blocks: [String] = [], children: [ItemNode] = []) {
        self.id = id
        self.statement = statement
        self.attributes = attributes
        self.references = references
        self.blocks = blocks
        self.children = children
    }

    /// The nodes, depth first.
    public static func flattened(_ nodes: [ItemNode]) -> [ItemNode] {
        nodes.flatMap { [$0] + flattened($0.children) }
    }

    /// The items as a Markdown list, children nested two spaces deeper:
    /// `- **R1** statement → #T1 {key=value}`.
    public static func markdown(_ nodes: [ItemNode], indent: String = "") -> [String] {
        var lines: [String] = []
        for node in nodes {
            let attributes = node.attributes.compactMap { attribute -> String? in
                // By scalars: a quote followed by a combining mark is one `Character`.
                let scalars = attribute.value.unicodeScalars
                let quote = scalars.contains("\"") ? "'" : "\""
                guard !(scalars.contains("\"") && scalars.contains("'")) else { return nil }
                let plain = !scalars.isEmpty && scalars.allSatisfy { !$0.properties.isWhitespace && $0 != "}" && $0 != "\"" && $0 != "'" }
                return "\(attribute.key)=" + (plain ? attribute.value : quote + attribute.value + quote)
            }
            let block = attributes.isEmpty ? "" : " {" + attributes.joined(separator: " ") + "}"
            let references = node.references.isEmpty ? "" : " → " + node.references.joined(separator: ", ")
            lines.append("\(indent)- **\(node.id)** \(escaped(node.statement))\(references)\(block)")
            for extra in node.blocks {
                lines.append("")
                lines += extra.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : indent + "  " + $0 }
            }
            if !node.blocks.isEmpty && !node.children.isEmpty { lines.append("") }
            lines += markdown(node.children, indent: indent + "  ")
        }
        return lines
    }

    /// Text as one Markdown paragraph that reads back as the same text: line breaks become
    /// spaces, the characters Markdown gives meaning to inside a line are backslash-escaped, and
    /// an arrow (`→`, `->`) and a `{`, which in an item begin its references and attributes, are
    /// written as character references (`&#8594;`, `-&gt;`, `&#123;`): the statement reads them
    /// as the characters, the item's syntax, which looks at what is written, does not.
    /// Goes by Unicode scalars, not `Character`s: `{` followed by a combining mark is one
    /// `Character`, and would be left for the item's syntax to read as its attributes.
    public static func escaped(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        let scalars = Array(collapsedLines(text).unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "→" {
                result.append(contentsOf: "&#8594;".unicodeScalars)
            } else if scalar == "{" {
                result.append(contentsOf: "&#123;".unicodeScalars)
            } else if scalar == "-", index + 1 < scalars.count, scalars[index + 1] == ">" {
                result.append(contentsOf: "-&gt;".unicodeScalars)
                index += 1
            } else {
                if markdownPunctuation.replaces(scalar) { result.append("\\") }
                result.append(scalar)
            }
            index += 1
        }
        return String(result)
    }

    private static let markdownPunctuation = ASCIIEscaper.backslash("\\`*_[]<>|~#&")

    /// The lines of `text` joined by a space — none between two CJK characters, as Markdown
    /// readers join Chinese lines.
    static func collapsedLines(_ text: String) -> String {
        var result = ""
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for line in lines {
            if let last = result.unicodeScalars.last, let first = line.unicodeScalars.first, !(last.isCJK && first.isCJK) { result += " " }
            result += line
        }
        return result
    }
}
