import StdKitSyntax

/// Turns a parsed file into a `Document`: reads the common fields, collects front-matter
/// references by the kind's schema, and extracts items from standards documents.
public enum DocumentBuilder {
    /// The document of `parsed`; it keeps the parsed Markdown tree as its `body` when
    /// `keepingBody` is true.
    public static func build(_ parsed: ParsedDocument, schemas: SchemaLibrary, keepingBody: Bool = false) -> Document {
        let frontMatter = parsed.frontMatter
        func scalar(_ key: String) -> String? {
            guard let node = frontMatter?[key], !node.isNull else { return nil }
            return node.scalar
        }
        let kind = scalar("kind") ?? "page"
        let id = scalar("id")
        let extraction = ItemExtractor(source: parsed.source, file: parsed.path).extract(from: parsed.body)
        let empty = headingsWithoutContent(parsed.body)
        let sections = extraction.headings.map {
            Section(level: $0.level, title: $0.text, anchor: Section.anchor(for: $0.text), location: $0.location,
                    itemID: $0.itemID, hasContent: !empty.contains($0.location))
        }
        var diagnostics = parsed.diagnostics
        var items: [Item] = []
        var references: [Reference] = []
        if kind != "page" {
            let schema = schemas.schema(for: kind)
            items = extraction.items.map { syntax in
                var item = Item(syntax: syntax, documentID: id ?? "")
                let allowed = schema?.itemKind(of: syntax.id)?.references ?? []
                for index in item.references.indices { item.references[index].allowedTargets = allowed }
                return item
            }
            diagnostics += extraction.diagnostics
            if let frontMatter, let schema = schemas.schema(for: kind) {
                var path: [FieldStep] = []
                collectReferences(in: frontMatter, fields: schema.fields, path: &path, into: &references)
            }
        }
        return Document(
            path: parsed.path, text: parsed.text, id: id, kind: kind, title: scalar("title"), version: scalar("version"),
            status: scalar("status"), owner: scalar("owner"),
            parties: frontMatter?["parties"]?.sequence?.compactMap(\.scalar) ?? [],
            frontMatter: frontMatter, sections: sections, items: items, references: references,
            links: LinkSyntax.all(in: parsed.body),
            hasByteOrderMark: parsed.hasByteOrderMark, lineEnding: parsed.lineEnding,
            suppressions: parsed.suppressions, diagnostics: diagnostics, body: keepingBody ? parsed.body : nil)
    }

    /// The locations of top-level headings that no other block follows before the next heading.
    static func headingsWithoutContent(_ body: MarkdownNode) -> Set<SourceLocation> {
        var result: Set<SourceLocation> = []
        var open: SourceLocation?
        for block in body.children {
            if case .heading = block.kind {
                if let open { result.insert(open) }
                open = block.range?.lowerBound
            } else {
                open = nil
            }
        }
        if let open { result.insert(open) }
        return result
    }

    /// Walks `node` along `fields`, adding a `Reference` for every well-formed value of a
    /// reference-typed field. Malformed values are the schema check's to report.
    ///
    /// `path` leads to `node`; it is made into text (`courses[2].id`) only for a reference found,
    /// where a string made for every list element and key walked was 1.5 % of a check.
    static func collectReferences(in node: YAMLNode, fields: [NamedField], path: inout [FieldStep], into references: inout [Reference]) {
        for pair in node.mapping ?? [] {
            guard let name = pair.key.scalar, let field = fields.first(where: { $0.name == name }) else { continue }
            path.append(.name(name))
            collect(pair.value, schema: field.schema, path: &path, into: &references)
            path.removeLast()
        }
    }

    private static func collect(_ node: YAMLNode, schema: FieldSchema, path: inout [FieldStep], into references: inout [Reference]) {
        switch schema.type {
        case .reference(let targets):
            if let text = node.scalar, !node.isNull, let syntax = ReferenceSyntax.parse(text, at: node.location) {
                var reference = Reference(syntax: syntax, origin: .field(FieldStep.text(of: path)))
                reference.allowedTargets = targets
                references.append(reference)
            }
        case .list(let element):
            for (index, child) in (node.sequence ?? []).enumerated() {
                path.append(.index(index))
                collect(child, schema: element, path: &path, into: &references)
                path.removeLast()
            }
        case .mapping(let fields):
            collectReferences(in: node, fields: fields, path: &path, into: &references)
        case .partyMap(let value):
            for pair in node.mapping ?? [] {
                guard let key = pair.key.scalar else { continue }
                path.append(.key(key))
                collect(pair.value, schema: value, path: &path, into: &references)
                path.removeLast()
            }
        default:
            break
        }
    }

    /// One step of the path to a front-matter value.
    enum FieldStep {
        /// A field of a mapping: `.name` after a path, alone at the start.
        case name(String)
        /// An element of a list: `[0]`.
        case index(Int)
        /// A key of a party map: `.key`, always after a dot.
        case key(String)

        /// The path as `Reference.Origin.field` gives it: `courses[2].id`.
        static func text(of path: [FieldStep]) -> String {
            var text = ""
            for step in path {
                switch step {
                case .name(let name): text = text.isEmpty ? name : "\(text).\(name)"
                case .index(let index): text += "[\(index)]"
                case .key(let key): text += ".\(key)"
                }
            }
            return text
        }
    }
}
