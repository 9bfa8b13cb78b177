import Mustache
import StdKitModel

/// The site's front page (`index.mustache`): the parties, the documents by kind, and the
/// coverage summary with its gaps.
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

    var strings: [String: String]
    var siteTitle: String
    /// The project's name when the site's title is another, else "".
    var projectName: String
    var parties: [Party]
    var kinds: [KindGroup]
    var coverage: CoverageSummary

    /// Programmes first, then job profiles, courses, materials, certificates, the cooperation
    /// kinds (apprenticeships, trainings, facilities), other kinds by name, and plain pages last.
    static let kindOrder = ["programme", "job-profile", "course", "material", "certificate", "apprenticeship", "training", "facility"]

    init(_ site: SiteBuilder) {
        let project = site.project
        let strings = site.strings
        let kinds = Set(project.documents.map(\.kind))
        let sortedKinds = Self.kindOrder.filter(kinds.contains) + kinds.subtracting(Self.kindOrder).subtracting(["page"]).sorted()
            + (kinds.contains("page") ? ["page"] : [])
        let columnOrder = Dictionary(site.matrix.columns.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let programmeOrder = Dictionary(
            project.documents.filter { $0.kind == "programme" }.compactMap(CourseTable.init).flatMap { $0.entries.compactMap(\.id) }
                .enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        self.kinds = sortedKinds.map { kind in
            var documents = project.documents.filter { $0.kind == kind }
            if kind == "course" {
                // Courses in the order of the programme's course table, then by path.
                let rank = { (document: Document) -> Int in programmeOrder[document.id ?? ""] ?? columnOrder[document.id ?? ""].map { 10_000 + $0 } ?? 20_000 }
                documents = documents.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
            }
            return KindGroup(name: strings.kind(kind), documents: documents.map { document in
                Entry(id: document.id ?? "", title: document.title ?? document.sections.first?.title ?? document.path,
                      url: site.url(from: "index.html", to: document), version: document.version ?? "",
                      status: document.status.map { strings.status($0) } ?? "", statusKey: SiteBuilder.token(document.status),
                      owner: site.partyName(document.owner), approvals: ApprovalLine.all(of: document, in: site))
            })
        }
        coverage = CoverageSummary(site, from: "index.html")
        self.strings = strings.all
        siteTitle = site.siteTitle
        projectName = project.config.name == site.siteTitle ? "" : project.config.name
        parties = project.config.parties.map { party in
            Party(id: party.id, name: party.name, kind: strings["\(party.kind.rawValue)Kind"],
                  members: party.members.map(site.partyName).joined(separator: "、"), region: party.region ?? "")
        }
    }

    func child(named name: String) -> Any? {
        switch name {
        case "strings": strings
        case "siteTitle": siteTitle
        case "projectName": projectName
        case "parties": parties
        case "kinds": kinds
        default: coverage.child(named: name)
        }
    }
}
