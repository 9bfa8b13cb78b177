import Foundation
import StdKitModel
import StdKitPublish
import StdKitSyntax

extension EditSession {
    /// The front matter of `kind` as a form: each top-level field of the kind's schema in its
    /// order, labelled as the built pages label it in the interface's language (the project's,
    /// unless `--lang` chose another), with the choices of an enum (or of a party:
    /// the project's parties) and the kinds a reference may point to.
    public func form(kind: String) async throws(EditError) -> KindForm {
        let project = await workspace.project
        guard kind != KindSchema.page.kind, let schema = project.schemas.schema(for: kind) else {
            throw EditError(.unknownKind, .unknownKind(kind, kinds: project.schemas.kinds.filter { $0 != KindSchema.page.kind }))
        }
        let parties = project.config.parties.map(\.id)
        let fields = schema.fields.map { field in
            let shape = Self.shape(of: field.schema.type, parties: parties)
            return KindForm.Field(name: field.name, label: SiteLabels.field(field.name, lang: workspace.language.rawValue), type: shape.type,
                                  required: field.schema.required, choices: shape.choices, references: shape.references,
                                  description: field.schema.description)
        }
        return KindForm(kind: kind, fields: fields)
    }

    /// How the form edits a field of `type`: a list takes the choices and kinds of its items.
    static func shape(of type: FieldSchema.FieldType, parties: [String]) -> (type: KindForm.Field.FieldType, choices: [String]?, references: [String]?) {
        switch type {
        case .string, .id, .version: (.string, nil, nil)
        case .integer: (.integer, nil, nil)
        case .number: (.number, nil, nil)
        case .boolean: (.boolean, nil, nil)
        case .date: (.date, nil, nil)
        case .party: (.enum, parties, nil)
        case .enumeration(let values): (.enum, values, nil)
        case .reference(let targets): (.reference, nil, targets)
        case .list(let element):
            { let item = shape(of: element.type, parties: parties); return (.list, item.choices, item.references) }()
        case .mapping, .partyMap: (.map, nil, nil)
        case .semesters, .any: (.other, nil, nil)
        }
    }

    /// `text` with the top-level front-matter fields of `values` set (null: removed) and every
    /// other byte as it was; fields not yet there are added after the others, in the order of
    /// the document's kind's schema, then by name. Numbers are written as JSON gives them (a
    /// whole number without a decimal point), lists as the file writes its lists.
    public func applyForm(text: String, values: [String: FormValue]) async throws(EditError) -> String {
        let project = await workspace.project
        let kind = FrontMatter(text).read(file: "")?.root?["kind"]?.scalar
        let order = (kind.flatMap(project.schemas.schema(for:))?.fields.map(\.name)) ?? []
        let names = values.keys.sorted { a, b in
            let (i, j) = (order.firstIndex(of: a) ?? order.count, order.firstIndex(of: b) ?? order.count)
            return i != j ? i < j : a < b
        }
        let changes = names.map { name in (name: name, value: Self.written(values[name] ?? .null)) }
        do {
            return try FrontMatterFields.apply(changes, to: text)
        } catch {
            switch error {
            case .unreadable: throw EditError(.unchangeable, .frontMatterUnreadable)
            case .badName(let name): throw EditError(.unchangeable, .badFieldName(name))
            }
        }
    }

    /// A form value as front matter writes it; nil for null (the field removed).
    static func written(_ value: FormValue) -> FrontMatterFields.Value? {
        switch value {
        case .string(let text): .text(text)
        case .number(let number):
            .plain(number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number))
        case .bool(let flag): .plain(flag ? "true" : "false")
        case .list(let items): .list(items)
        case .null: nil
        }
    }
}

extension Message {
    static let frontMatterUnreadable = Message("serve.edit.front-matter-unreadable")

    static func badFieldName(_ name: String) -> Message {
        Message("serve.edit.bad-field-name", ["name": .verbatim(name)])
    }
}
