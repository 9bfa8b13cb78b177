import Mustache
import StdKitModel
import StdKitSyntax

/// A document's page (`document.mustache`): its rendered body, the metadata panel, its
/// approvals and, for a programme with a complete course table, the charts. A page of an
/// upstream's section is marked as upstream (`{{#upstream}}`) and says which local documents
/// implement the document as a whole.
struct DocumentPage: TemplatePage {
    static let template = "document"

    /// A front-matter field of the metadata panel.
    struct Field: MustacheParent, Sendable {
        /// The field's label in the site's language.
        var name: String
        /// The value as one line of text.
        var value: String
        /// The value as HTML stdkit wrote (links to what it names), nil when it is text only.
        var html: String?

        func child(named name: String) -> Any? {
            switch name {
            case "name": self.name
            case "value": value
            // False, not nil, when there is none: nil would be looked for in the page, whose
            // `html` is the whole body.
            case "html": html.map { $0 as Any } ?? false
            default: nil
            }
        }
    }

    /// What marks a page of an upstream's section.
    struct UpstreamMark: MustacheParent, Sendable {
        /// 上游标准 ns · v2025.1 · 《…》
        var badge: String
        /// The local documents that reference the document as a whole (`implements: ns:DOC`),
        /// as links; "" for none (false to a template).
        var implementedHere: String

        func child(named name: String) -> Any? {
            switch name {
            case "badge": badge
            case "implementedHere": implementedHere.isEmpty ? false : implementedHere
            default: nil
            }
        }
    }

    /// A programme's charts as inline SVG.
    struct ProgrammeCharts: Sendable {
        var categories: String
        var semesters: String
        var practice: String
    }

    var strings: [String: String]
    /// `../` as often as the page is deep.
    var root: String
    /// The body rendered by `HTMLRenderer`.
    var html: String
    /// The document's kind as a CSS class.
    var kindKey: String
    /// The kind's name in the site's language.
    var kind: String
    var id: String
    var version: String
    /// The status in the site's language.
    var status: String
    /// The status as a CSS class (`SiteBuilder.token`).
    var statusKey: String
    var fields: [Field]
    var approvals: [ApprovalLine]
    var hasApprovals: Bool { !approvals.isEmpty }
    /// Nil for a document without charts: the names of the charts are then not on the page.
    var charts: ProgrammeCharts?
    var hasCharts: Bool { charts != nil }
    /// What a cooperation kind (or a programme) shows above its body (`CooperationPanel`), as
    /// HTML stdkit wrote; nil when there is nothing.
    var cooperation: String?
    var hasCooperation: Bool { cooperation != nil }
    /// Set on a page of an upstream's section.
    var upstream: UpstreamMark?

    init(_ document: Document, page: String, html: String, site: SiteBuilder) {
        let strings = site.strings
        self.strings = strings.all
        root = site.root(of: page)
        self.html = html
        kindKey = document.kind.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        kind = strings.kind(document.kind)
        // An upstream's document is named by the key a local reference uses (ns:DOC).
        id = document.id.map { id in site.section?.key(of: id) ?? id } ?? ""
        version = document.version ?? ""
        status = document.status.map { strings.status($0) } ?? ""
        statusKey = SiteBuilder.token(document.status)
        fields = Self.metadataFields(document, site: site)
        approvals = ApprovalLine.all(of: document, in: site)
        cooperation = CooperationPanel.html(for: document, page: page, site: site)
        if let section = site.section {
            let key = section.key(of: document.id ?? "")
            let implementing = HTMLRenderer.localLinks(section.local.index.sources(referencingDocument: key), section: section, from: page)
            upstream = UpstreamMark(badge: section.badge(strings: strings), implementedHere: implementing.joined(separator: ", "))
        }
        if document.kind == "programme", let table = CourseTable(document), table.isComplete, table.totalHours > 0 {
            charts = ProgrammeCharts(
                categories: Charts.hoursByCategory(table, strings: strings),
                semesters: Charts.hoursBySemester(table, strings: strings),
                practice: Charts.practiceShare(table, minimum: site.project.profile?.minPracticeShare ?? 0.5, strings: strings))
        }
    }

    func child(named name: String) -> Any? {
        switch name {
        case "strings": strings
        case "root": root
        case "html": html
        case "kindKey": kindKey
        case "kind": kind
        case "id": id
        case "version": version
        case "status": status
        case "statusKey": statusKey
        case "fields": fields
        case "approvals": approvals
        case "hasApprovals": hasApprovals
        case "hasCharts": hasCharts
        case "chartCategories": charts?.categories
        case "chartSemesters": charts?.semesters
        case "chartPractice": charts?.practice
        case "hasCooperation": hasCooperation
        case "cooperation": cooperation
        case "upstream": upstream
        default: nil
        }
    }

    /// The front matter as name/value pairs for the metadata panel; the title, the approvals and
    /// a programme's course list have their own places.
    static func metadataFields(_ document: Document, site: SiteBuilder) -> [Field] {
        guard let pairs = document.frontMatter?.mapping else { return [] }
        let strings = site.strings
        let project = site.project
        return pairs.compactMap { pair -> Field? in
            // The calendar and the elective groups are drawn above the body (`CooperationPanel`).
            guard let name = pair.key.scalar, !["title", "approvals", "kind", "id", "version", "status", "schedule", "elective_groups"].contains(name) else { return nil }
            let value: String
            if ["owner", "enterprise", "provider"].contains(name) {
                value = site.partyName(pair.value.scalar)
            } else if ["parties", "shared_with"].contains(name) {
                value = (pair.value.sequence ?? []).compactMap(\.scalar).map(site.partyLabel).joined(separator: "、")
            } else if let described = cooperationField(name, pair.value, site: site) {
                value = described
            } else if name == "hours", document.kind == "training", let hours = pair.value.scalar {
                // A training states its hours as one number.
                return Field(name: strings.field("training_hours"), value: hours)
            } else if name == "courses", let list = pair.value.sequence {
                value = "\(list.count)"
            } else if name == "category", let category = pair.value.scalar {
                value = strings.category(category)
            } else if name == "hours", let theory = pair.value["theory"]?.scalar, let practice = pair.value["practice"]?.scalar {
                value = "\((Int(theory) ?? 0) + (Int(practice) ?? 0))（\(theory) / \(practice)）"
            } else if name == "major", let majorName = pair.value["name"]?.scalar {
                value = majorName + (pair.value["code"]?.scalar.map { "（\($0)）" } ?? "")
            } else if name == "implements", case let links = implementedLinks(document, site: site), !links.isEmpty {
                // The upstream programme or course implemented, linked to its page.
                return Field(name: strings.field(name), value: links.map(\.label).joined(separator: "、"), html: links.map(\.html).joined(separator: "、"))
            } else if ["prerequisites", "occupations", "supports", "replaces", "programme", "certificate"].contains(name) {
                let ids = pair.value.sequence?.compactMap(\.scalar) ?? pair.value.scalar.map { [$0] } ?? []
                value = ids.map { id in project.document(id)?.title.map { "\($0)（\(id)）" } ?? id }.joined(separator: "、")
            } else {
                value = SiteBuilder.describe(pair.value)
            }
            return Field(name: strings.field(name), value: value)
        }
    }

    /// What `implements` names (an upstream programme or course), each as a link to its page
    /// labelled with its title and key, or as text saying why there is none.
    static func implementedLinks(_ document: Document, site: SiteBuilder) -> [CooperationPanel.Link] {
        let page = site.page(of: document)
        return document.references.filter { $0.origin == .field("implements") }.map { reference in
            guard case .document(let id) = reference.resolution else { return .reference(reference, from: page, site: site) }
            return .document(id, from: page, site: site)
        }
    }

    /// The fields of DESIGN §13 in words (`cohort: {year: 2026, size: 30}` → 2026级，30人), or nil
    /// for another field or a value not of the form described, which is then written as is.
    static func cooperationField(_ name: String, _ node: YAMLNode, site: SiteBuilder) -> String? {
        let strings = site.strings
        switch name {
        case "cohort" where node.mapping != nil:
            let parts = [("year", "cohortYear"), ("size", "cohortSize"), ("class_size", "cohortClassSize")].compactMap { key, format in
                node[key]?.scalar.map { strings.format(format, [key == "year" ? "year" : "size": $0]) }
            }
            return parts.joined(separator: strings["separator"])
        case "recruitment" where node.mapping != nil:
            let mode = node["mode"]?.scalar ?? ""
            return mode + (node["contract"]?.scalar.map { "（\($0)）" } ?? "")
        case "mentor_ratio":
            return node.scalar.map { strings.format("mentorRatio", ["n": $0]) }
        case "assessment", "assessed_by":
            // Shares by party: 华南工业职业技术学院 50%、华南汽车制造有限公司 50%.
            guard let pairs = node.mapping else { return nil }
            return pairs.map { "\(site.partyName($0.key.scalar)) \(SiteBuilder.describe($0.value))%" }.joined(separator: "、")
        case "trainees" where node.mapping != nil:
            let post = node["post"]?.scalar.map { id in site.project.document(id)?.title.map { "\($0)（\(id)）" } ?? id }
            let count = node["count"]?.scalar.map { strings.format("traineeCount", ["n": $0]) }
            return [post, count].compactMap { $0 }.joined(separator: strings["separator"])
        case "location":
            return node.scalar.map(strings.place)
        case "adopted" where node.mapping != nil:
            return ["body", "minute", "date"].compactMap { node[$0]?.scalar }.joined(separator: " ")
        default:
            return nil
        }
    }
}
