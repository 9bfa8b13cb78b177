import StdKitSyntax

/// Turns a parsed file into a `Document`: reads the common fields, collects front-matter
/// references by the kind's schema, and extracts items from standards documents.
public enum DocumentBuilder {
    public static func build(_ parsed: ParsedDocument, schemas: SchemaLibrary) -> Document {
        let frontMatter = parsed.frontMatter
        func scalar(_ key: String) -> String? {
            guard let node = frontMatter?[key], !node.isNull else { return nil }
            return node.scalar
        }
        let kind = scalar("kind") ?? "page"
        let id = scalar("id")
        let extraction = ItemExtractor(source: parsed.source, file: parsed.path).extract(from: parsed.body)
        let sections = extraction.headings.map {
            Section(level: $0.level, title: $0.text, anchor: Section.anchor(for: $0.text), location: $0.location)
        }
        var diagnostics = parsed.diagnostics
        var items: [Item] = []
        var references: [Reference] = []
        if kind != "page" {
            items = extraction.items.map { Item(syntax: $0, documentID: id ?? "") }
            diagnostics += extraction.diagnostics
            if let frontMatter, let schema = schemas.schema(for: kind) {
                collectReferences(in: frontMatter, fields: schema.fields, path: "", into: &references)
            }
        }
        return Document(
            path: parsed.path, id: id, kind: kind, title: scalar("title"), version: scalar("version"),
            status: scalar("status"), owner: scalar("owner"),
            parties: frontMatter?["parties"]?.sequence?.compactMap(\.scalar) ?? [],
            frontMatter: frontMatter, sections: sections, items: items, references: references,
            hasByteOrderMark: parsed.hasByteOrderMark, lineEnding: parsed.lineEnding,
            suppressions: parsed.suppressions, diagnostics: diagnostics)
    }

    /// Walks `node` along `fields`, adding a `Reference` for every well-formed value of a
    /// reference-typed field. Malformed values are the schema check's to report.
    static func collectReferences(in node: YAMLNode, fields: [NamedField], path: String, into references: inout [Reference]) {
        for pair in node.mapping ?? [] {
            guard let name = pair.key.scalar, let field = fields.first(where: { $0.name == name }) else { continue }
            let fieldPath = path.isEmpty ? name : "\(path).\(name)"
            collect(pair.value, schema: field.schema, path: fieldPath, into: &references)
        }
    }

    private static func collect(_ node: YAMLNode, schema: FieldSchema, path: String, into references: inout [Reference]) {
        switch schema.type {
        case .reference:
            if let text = node.scalar, !node.isNull, let syntax = ReferenceSyntax.parse(text, at: node.location) {
                references.append(Reference(syntax: syntax, origin: .field(path)))
            }
        case .list(let element):
            for (index, child) in (node.sequence ?? []).enumerated() {
                collect(child, schema: element, path: "\(path)[\(index)]", into: &references)
            }
        case .mapping(let fields):
            collectReferences(in: node, fields: fields, path: path, into: &references)
        default:
            break
        }
    }
}
