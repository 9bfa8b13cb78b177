import Mustache
import StdKitModel

/// The site's front page (`index.mustache`): the parties, the documents by kind, the coverage
/// summary with its gaps, and the upstream standards the project implements, each in its own
/// section (`{{#upstreams}}`), its documents by kind, or marked missing.
struct IndexPage: TemplatePage {
    static let template = "index"

    /// A party of the project.
    struct Party: MustacheParent, Sendable {
        var id: String
        var name: String
        /// The party's kind in the site's language.
        var kind: String
        /// The names of the members of a joint body or a group, joined; "" for any other party
        /// (false to a template).
        var members: String = ""
        /// The region code (行政区划代码), else "".
        var region: String = ""

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "name": self.name
            case "kind": kind
            // False, not "", when there is none: a section is shown for any string, the empty too.
            case "members": members.isEmpty ? false : members
            case "region": region.isEmpty ? false : region
            default: nil
            }
        }
    }

    /// The documents of one kind.
    struct KindGroup: MustacheParent, Sendable {
        /// The kind's name in the site's language.
        var name: String
        var documents: [Entry]
        var count: Int { documents.count }

        func child(named name: String) -> Any? {
            switch name {
            case "name": self.name
            case "count": count
            case "documents": documents
            default: nil
            }
        }
    }

    /// A document in its kind's list.
    struct Entry: MustacheParent, Sendable {
        var id: String
        var title: String
        var url: String
        var version: String
        /// The status in the site's language.
        var status: String
        /// The status as a CSS class (`SiteBuilder.token`).
        var statusKey: String
        /// The owning party's name.
        var owner: String
        var approvals: [ApprovalLine]

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "title": title
            case "url": url
            case "version": version
            case "status": status
            case "statusKey": statusKey
            case "owner": owner
            case "approvals": approvals
            default: nil
            }
        }
    }

    /// An upstream the project declares: its documents by kind, or why there are none.
    struct UpstreamGroup: MustacheParent, Sendable {
        var id: String
        /// 上游标准 ns · v2025.1 · 《…》
        var badge: String
        var kinds: [KindGroup]
        /// For an upstream that is not there, what the index says instead; "" when it is there.
        var missing: String

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "badge": badge
            case "kinds": kinds
            case "missing": missing.isEmpty ? false : missing
            default: nil
            }
        }
    }

    var strings: [String: String]
    var siteTitle: String
    /// The project's name when the site's title is another, else "".
    var projectName: String
    var parties: [Party]
    var kinds: [KindGroup]
    var coverage: CoverageSummary
    var upstreams: [UpstreamGroup]

    /// Programmes first, then job profiles, courses, materials, certificates, the cooperation
    /// kinds (apprenticeships, trainings, facilities), other kinds by name, and plain pages last.
    static let kindOrder = ["programme", "job-profile", "course", "material", "certificate", "apprenticeship", "training", "facility"]

    init(_ site: SiteBuilder) {
        let project = site.project
        let strings = site.strings
        kinds = Self.kindGroups(of: site)
        coverage = CoverageSummary(site, from: "index.html")
        self.strings = strings.all
        siteTitle = site.siteTitle
        projectName = project.config.name == site.siteTitle ? "" : project.config.name
        parties = project.config.parties.map { party in
            Party(id: party.id, name: party.name, kind: strings["\(party.kind.rawValue)Kind"],
                  members: party.members.map(site.partyName).joined(separator: "、"), region: party.region ?? "")
        }
        let sections = Dictionary(site.sections.compactMap { section in section.section.map { ($0.id, section) } }, uniquingKeysWith: { first, _ in first })
        upstreams = project.upstreams.map { upstream in
            guard let section = sections[upstream.id], let mark = section.section else {
                return UpstreamGroup(id: upstream.id, badge: UpstreamSection.badge(id: upstream.id, release: upstream.declaration.release,
                                                                                 name: upstream.id, strings: strings),
                                     kinds: [], missing: strings.format("upstreamAbsent", ["path": upstream.declaration.path]))
            }
            return UpstreamGroup(id: upstream.id, badge: mark.badge(strings: strings), kinds: Self.kindGroups(of: section), missing: "")
        }
    }

    /// The documents of `site`'s project by kind, linked from the index; an upstream's section
    /// names each document by its key (`ns:DOC`).
    static func kindGroups(of site: SiteBuilder) -> [KindGroup] {
        let project = site.project
        let strings = site.strings
        let kinds = Set(project.documents.map(\.kind))
        let sortedKinds = Self.kindOrder.filter(kinds.contains) + kinds.subtracting(Self.kindOrder).subtracting(["page"]).sorted()
            + (kinds.contains("page") ? ["page"] : [])
        let columnOrder = Dictionary(site.matrix.columns.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let programmeOrder = Dictionary(
            project.documents.filter { $0.kind == "programme" }.compactMap(CourseTable.init).flatMap { $0.entries.compactMap(\.id) }
                .enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return sortedKinds.map { kind in
            var documents = project.documents.filter { $0.kind == kind }
            if kind == "course" {
                // Courses in the order of the programme's course table, then by path.
                let rank = { (document: Document) -> Int in programmeOrder[document.id ?? ""] ?? columnOrder[document.id ?? ""].map { 10_000 + $0 } ?? 20_000 }
                documents = documents.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
            }
            return KindGroup(name: strings.kind(kind), documents: documents.map { document in
                Entry(id: document.id.map { id in site.section?.key(of: id) ?? id } ?? "", title: document.title ?? document.sections.first?.title ?? document.path,
                      url: site.url(from: "index.html", to: document), version: document.version ?? "",
                      status: document.status.map { strings.status($0) } ?? "", statusKey: SiteBuilder.token(document.status),
                      owner: site.partyName(document.owner), approvals: ApprovalLine.all(of: document, in: site))
            })
        }
    }

    func child(named name: String) -> Any? {
        switch name {
        case "strings": strings
        case "siteTitle": siteTitle
        case "projectName": projectName
        case "parties": parties
        case "kinds": kinds
        case "upstreams": upstreams
        case "hasUpstreams": !upstreams.isEmpty
        default: coverage.child(named: name)
        }
    }
}
