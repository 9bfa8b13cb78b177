import Foundation
import StdKitModel
import StdKitSyntax

/// Checks one document's front matter against its kind's schema. Each finding carries the rule
/// id of the schema rule it belongs to (`missing-field`, `wrong-type`, …).
struct SchemaValidator {
    let project: Project
    let document: Document
    private(set) var findings: [Diagnostic] = []

    init(project: Project, document: Document) {
        self.project = project
        self.document = document
    }

    func validate() -> [Diagnostic] {
        var validator = self
        validator.run()
        return validator.findings
    }

    private mutating func add(_ rule: String, _ location: SourceLocation, _ message: String, hint: String? = nil, severity: Severity = .error) {
        findings.append(Diagnostic(rule: rule, severity: severity, file: document.path, location: location, message: message, hint: hint))
    }

    private mutating func run() {
        guard let frontMatter = document.frontMatter else { return }
        guard let schema = project.schemas.schema(for: document.kind) else {
            let location = frontMatter["kind"]?.location ?? frontMatter.location
            add("unknown-kind", location,
                "kind '\(document.kind)' is not a known document kind\(Suggestion.phrase(for: document.kind, among: project.schemas.kinds))",
                hint: "use one of \(project.schemas.kinds.joined(separator: ", ")), or define the kind in \(project.config.schemas)/\(document.kind).yml")
            return
        }
        checkMapping(frontMatter, fields: schema.fields, path: "", closed: schema.closed, owner: "\(document.kind) '\(document.id ?? document.path)'")
    }

    private mutating func checkMapping(_ node: YAMLNode, fields: [NamedField], path: String, closed: Bool, owner: String) {
        let pairs = node.mapping ?? []
        for field in fields where field.schema.required {
            let present = pairs.first(where: { $0.key.scalar == field.name })
            let fieldPath = join(path, field.name)
            if present == nil {
                add("missing-field", node.location, "\(owner) has no '\(fieldPath)' field",
                    hint: "add '\(field.name): …' to \(path.isEmpty ? "the front matter" : "'\(path)'")")
            } else if let value = present?.value, value.isNull {
                add("missing-field", present!.key.location, "field '\(fieldPath)' of \(owner) is empty",
                    hint: "give '\(field.name)' a value")
            }
        }
        for pair in pairs {
            guard let name = pair.key.scalar else { continue }
            let fieldPath = join(path, name)
            guard let field = fields.first(where: { $0.name == name }) else {
                if closed {
                    add("unknown-field", pair.key.location,
                        "field '\(fieldPath)' is not a field of \(document.kind)\(Suggestion.phrase(for: name, among: fields.map(\.name)))",
                        hint: "remove it, correct its name, or add it to the kind's schema", severity: .warning)
                }
                continue
            }
            if pair.value.isNull { continue }
            checkValue(pair.value, schema: field.schema, path: fieldPath)
        }
    }

    private func join(_ path: String, _ name: String) -> String {
        path.isEmpty ? name : "\(path).\(name)"
    }

    private mutating func wrongType(_ node: YAMLNode, _ path: String, expected: String, hint: String? = nil) {
        let shown = node.scalar.map { "'\($0)'" } ?? node.shapeDescription
        add("wrong-type", node.location, "field '\(path)' must be \(expected), not \(shown)", hint: hint)
    }

    private mutating func checkValue(_ node: YAMLNode, schema: FieldSchema, path: String) {
        switch schema.type {
        case .any:
            return
        case .list(let element):
            guard let elements = node.sequence else {
                wrongType(node, path, expected: "a list", hint: "write a list as [a, b] or as '- a' lines")
                return
            }
            for (index, child) in elements.enumerated() {
                if child.isNull {
                    add("missing-field", child.location, "element \(index + 1) of '\(path)' is empty")
                    continue
                }
                checkValue(child, schema: element, path: "\(path)[\(index)]")
            }
            return
        case .mapping(let fields):
            guard node.mapping != nil else {
                wrongType(node, path, expected: "a mapping of \(fields.map(\.name).joined(separator: ", "))")
                return
            }
            checkMapping(node, fields: fields, path: path, closed: true, owner: "\(document.kind) '\(document.id ?? document.path)'")
            return
        case .semesters:
            if let elements = node.sequence {
                for (index, child) in elements.enumerated() { checkSemester(child, path: "\(path)[\(index)]") }
            } else {
                checkSemester(node, path: path)
            }
            return
        default:
            break
        }
        guard let text = node.scalar else {
            wrongType(node, path, expected: "a single \(schema.type.name)")
            return
        }
        switch schema.type {
        case .string:
            break
        case .integer:
            if !Self.isInteger(text) { wrongType(node, path, expected: "a whole number") }
        case .number:
            if !Self.isNumber(text) { wrongType(node, path, expected: "a number") }
        case .boolean:
            if text != "true" && text != "false" { wrongType(node, path, expected: "true or false") }
        case .date:
            if !FieldSchema.FieldType.isDate(text) { wrongType(node, path, expected: "a date YYYY-MM-DD") }
        case .id:
            if !Identifier.isValid(text) {
                add("malformed-id", node.location,
                    "id '\(text)' is malformed: it must start with an ASCII letter, then letters, digits, '-', '_' or '.'",
                    hint: Self.idHint(for: text))
            }
        case .version:
            if !Self.isVersion(text) {
                add("malformed-version", node.location, "version '\(text)' of field '\(path)' is not MAJOR.MINOR.PATCH",
                    hint: Self.versionHint(for: text))
            }
        case .party:
            if !Party.isValidID(text) {
                wrongType(node, path, expected: "a party id (lower-case letters, digits, '-')")
            } else if !project.config.parties.isEmpty, project.party(text) == nil {
                let ids = project.config.parties.map(\.id)
                add("unknown-party", node.location,
                    "party '\(text)' in '\(path)' is not declared in stdkit.yml\(Suggestion.phrase(for: text, among: ids))",
                    hint: "declare it under 'parties' in stdkit.yml, or use one of \(ids.joined(separator: ", "))")
            }
        case .reference:
            if ReferenceSyntax.parse(text, at: node.location) == nil {
                add("malformed-reference", node.location, "'\(text)' in '\(path)' is not a reference",
                    hint: "write DOC, DOC#ITEM, #ITEM or DOC@2#ITEM")
            }
        case .enumeration(let values):
            if !values.contains(text) {
                add("invalid-value", node.location,
                    "'\(text)' is not a valid value of '\(path)'\(Suggestion.phrase(for: text, among: values))",
                    hint: "use one of \(values.joined(separator: ", "))")
            }
        default:
            break
        }
    }

    private mutating func checkSemester(_ node: YAMLNode, path: String) {
        guard let text = node.scalar, Self.isInteger(text), let value = Int(text), (1...12).contains(value) else {
            wrongType(node, path, expected: "a semester number 1–12 or a list of them")
            return
        }
    }

    static func isInteger(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }

    static func isNumber(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, isInteger(String(parts[0])) else { return false }
        return parts.count == 1 || (!parts[1].isEmpty && parts[1].unicodeScalars.allSatisfy { ("0"..."9").contains($0) })
    }

    /// `MAJOR.MINOR.PATCH`, each a number without leading zeros.
    static func isVersion(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } && (part == "0" || !part.hasPrefix("0"))
        }
    }

    static func versionHint(for text: String) -> String {
        let numbers = text.split(whereSeparator: { !("0"..."9").contains($0) }).compactMap { Int($0) }
        if (1...2).contains(numbers.count) {
            let padded = (numbers + [0, 0]).prefix(3).map(String.init).joined(separator: ".")
            return "write three numbers, e.g. '\(padded)'"
        }
        return "write three numbers MAJOR.MINOR.PATCH, e.g. '1.0.0'"
    }

    static func idHint(for text: String) -> String {
        let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.map { scalar -> Unicode.Scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar)) ? scalar : "-"
        }))
        let trimmed = cleaned.drop(while: { !$0.isLetter || !$0.isASCII })
        if !trimmed.isEmpty, Identifier.isValid(trimmed), trimmed != text {
            return "use ASCII letters, digits, '-', '_' and '.', e.g. '\(trimmed)'; put a Chinese name in 'title'"
        }
        return "use ASCII letters, digits, '-', '_' and '.', starting with a letter; put a Chinese name in 'title'"
    }
}
