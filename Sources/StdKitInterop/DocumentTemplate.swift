import Foundation
import StdKitModel
import StdKitSyntax

/// The text of a new document of a kind.
public struct DocumentTemplate: Sendable {
    public let schema: KindSchema
    public let config: ProjectConfig
    /// The owner of documents made from it (nil: `defaultOwner()`).
    public private(set) var owner: String?

    public init(schema: KindSchema, config: ProjectConfig) {
        self.schema = schema
        self.config = config
    }

    /// The template with `owner` as the owner of its documents (nil: the default).
    public func owned(by owner: String?) -> DocumentTemplate {
        var copy = self
        copy.owner = owner
        return copy
    }

    /// Whether the project writes Chinese.
    public var chinese: Bool { config.lang.lowercased().hasPrefix("zh") }

    /// The section headings, each the first of its names in the project's language.
    public var sectionTitles: [String] {
        schema.sections.map { section in
            section.names.first(where: { $0.unicodeScalars.contains(where: \.isCJK) == chinese }) ?? section.names.first ?? ""
        }.filter { !$0.isEmpty }
    }

    /// The kind's name in the project's language: `课程标准 / Course standard` → one side.
    public var kindTitle: String {
        let sides = schema.title.components(separatedBy: " / ")
        return sides.first(where: { $0.unicodeScalars.contains(where: \.isCJK) == chinese }) ?? schema.title
    }

    /// The default owner: the first enterprise for the kinds enterprises write (job profiles,
    /// certificates, employee trainings), else the first
    /// school, else the first party.
    public func defaultOwner() -> String? {
        let wanted: Party.Kind = ["job-profile", "certificate", "training"].contains(schema.kind) ? .enterprise : .school
        return (config.parties.first(where: { $0.kind == wanted }) ?? config.parties.first)?.id
    }

    /// The title, in the project's language, of the kind's section that has `name` among its
    /// names.
    public func sectionTitle(named name: String) -> String? {
        guard let index = schema.sections.firstIndex(where: { $0.names.contains(name) }) else { return nil }
        return sectionTitles.indices.contains(index) ? sectionTitles[index] : nil
    }

    /// The document: front matter with the common fields, `fields` (name and value as YAML
    /// text, in order) and placeholders for the kind's other required fields; the title heading;
    /// the `lead` paragraphs; each of the kind's sections, then any other of `content`'s, each
    /// with its lines from `content`.
    public func text(id: String, title: String?, owner: String?, version: String = "0.1.0", fields: [(String, String)] = [],
                     lead: [String] = [], content: [String: [String]] = [:]) -> String {
        let title = title ?? kindTitle
        var lines = ["---", "id: \(id)", "kind: \(schema.kind)", "title: \(YAMLScalar.written(title))", "version: \(version)", "status: draft"]
        if let owner = owner ?? self.owner ?? defaultOwner() {
            lines.append("owner: \(owner)")
            lines.append("parties: [\(config.parties.map(\.id).joined(separator: ", "))]")
        }
        // A value that starts on the next line (a block list) follows the colon directly.
        lines += fields.map { $0.1.hasPrefix("\n") ? "\($0.0):\($0.1)" : "\($0.0): \($0.1)" }
        let common: Set = ["id", "kind", "title", "version", "status", "owner", "parties"]
        for field in schema.fields where field.schema.required && !common.contains(field.name) && !fields.contains(where: { $0.0 == field.name }) {
            lines += Self.placeholder(field, indent: "")
        }
        lines += ["---", "", "# \(title)", ""]
        for paragraph in lead { lines += [paragraph, ""] }
        let sections = sectionTitles + content.keys.filter { !sectionTitles.contains($0) }.sorted()
        for section in sections {
            lines += ["## \(section)", ""]
            if let body = content[section], !body.isEmpty { lines += body + [""] }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A required field with a value of its type the author replaces: empty text, zero, the
    /// first allowed value, an empty list, or a mapping of its own required fields.
    static func placeholder(_ field: NamedField, indent: String) -> [String] {
        let key = indent + field.name + ":"
        switch field.schema.type {
        case .integer, .number, .semesters: return [key + " 0"]
        case .boolean: return [key + " false"]
        case .version: return [key + " 0.1.0"]
        case .date: return [key + " " + DocumentTemplate.today()]
        case .enumeration(let values): return [key + " " + (values.first.map(YAMLScalar.written) ?? "\"\"")]
        case .list: return [key + " []"]
        case .partyMap: return [key + " {}"]
        case .mapping(let fields):
            let nested = fields.filter(\.schema.required).flatMap { placeholder($0, indent: indent + "  ") }
            return nested.isEmpty ? [key + " {}"] : [key] + nested
        case .string, .id, .party, .reference, .any: return [key + " \"\""]
        }
    }

    /// Where a new document of `kind` goes: the folder most of the kind's documents are in,
    /// else the folder `stdkit init` uses for the kind, else a folder named after the kind; the
    /// file named after the id in lower case.
    public static func defaultPath(kind: String, id: String, in project: Project) -> String {
        var folders: [String: Int] = [:]
        for document in project.documents where document.kind == kind {
            folders[(document.path as NSString).deletingLastPathComponent, default: 0] += 1
        }
        let known = ["job-profile": "jobs", "course": "courses", "programme": "programme", "material": "materials", "certificate": "certificates"]
        let folder = folders.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key ?? known[kind] ?? kind
        let name = id.lowercased() + ".md"
        return folder.isEmpty ? name : folder + "/" + name
    }

    /// An id for a new document titled `title`: the kind's prefix (`JOB-`, `CERT-`, `COURSE-`…)
    /// and the title's ASCII words (`What Standards Could Be` → `JOB-WHAT-STANDARDS-COULD-BE`),
    /// else `fallback`, else six hexadecimal digits of the title's digest — a Chinese title gives
    /// a stable id the author may rename.
    public func makeID(from title: String, fallback: String? = nil) -> String {
        let prefixes = ["job-profile": "JOB", "certificate": "CERT", "course": "COURSE", "programme": "PROG", "material": "MAT",
                        "apprenticeship": "APP", "training": "TRN", "facility": "LAB"]
        let prefix = (prefixes[schema.kind] ?? schema.kind.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }) + "-"
        let words = title.uppercased().split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }).joined(separator: "-")
        if !words.isEmpty {
            return prefix + String(words.prefix(40)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        }
        return prefix + (fallback ?? String(Digests.sha1(Array(title.utf8)).prefix(6))).uppercased()
    }

    /// Today as `YYYY-MM-DD`.
    public static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
