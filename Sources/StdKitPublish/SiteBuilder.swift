import Foundation
import StdKitDiff
import StdKitModel
import StdKitSyntax

/// Builds the static site of a project: an index, one page per document, the traceability
/// matrix, search, the theme's assets. The same project gives the same bytes; the site is
/// written beside its target and swapped in, so a failed build leaves the previous one whole.
public struct SiteBuilder: Sendable {
    public let project: Project
    let strings: SiteStrings
    let theme: Theme
    let matrix: TraceMatrix
    let version: String

    /// Document pages live under this folder of the site, mirroring the project's folders.
    static let documentsFolder = "documents/"

    /// Called with the number of documents rendered and the total.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    public init(project: Project, toolVersion: String) throws {
        self.project = project
        self.strings = SiteStrings(lang: project.config.lang)
        let override = project.config.publish.theme.flatMap { theme in project.root.map { $0.appendingPathComponent(theme) } }
        if let override {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: override.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw SiteError(step: "theme", path: project.config.publish.theme ?? "", info: "publish.theme names no folder of the project")
            }
        }
        self.theme = try Theme(override: override)
        self.matrix = TraceMatrix(project)
        self.version = toolVersion
    }

    var siteTitle: String { project.config.publish.title ?? project.config.name }

    /// The page of a document in the site.
    static func page(of document: Document) -> String {
        documentsFolder + SitePaths.page(for: document.path)
    }

    // MARK: The files of the site

    /// Every file of the site, by site path.
    public func files(progress: Progress? = nil) -> [String: Data] {
        let files = Shared<[String: Data]>([:])
        let search = Shared(Data())
        make(progress: progress, put: { path, data in files.update { $0[path] = data } },
             searchIndex: { piece in search.update { $0.append(piece) } })
        return files.value.merging(["search-index.js": search.value]) { _, index in index }
    }

    /// Makes every file of the site and hands each to `put`, from several threads at once, as
    /// soon as it is made: the site is never held whole. Pages come before the files they link
    /// to, so a linked file never takes a page's path; a path put twice keeps its first file.
    /// `search-index.js` is handed to `searchIndex` in pieces, in order, one at a time.
    /// Returns the number of distinct paths.
    @discardableResult
    func make(progress: Progress? = nil, isCancelled: @Sendable () -> Bool = { false },
              put: @escaping @Sendable (String, Data) -> Void, searchIndex: @escaping (Data) -> Void) -> Int {
        var timings = Timings()
        let documents = project.documents
        // Every page's path is taken before any file a document links to is put.
        let fixed = ["search.html", "matrix.html", "index.html", "search-index.js"] + Theme.assetNames.map { "assets/" + $0 }
        let paths = Shared(Set(fixed + documents.map(Self.page(of:))))
        let putOnce: @Sendable (String, Data) -> Void = { path, data in
            if paths.update({ $0.insert(path).inserted }) { put(path, data) }
        }
        for name in Theme.assetNames { put("assets/" + name, theme.assets[name] ?? Data()) }
        put("search.html", Data(layout(page: "search.html", title: strings["search"], kind: "search", body: theme.render("search", ["strings": strings.all])).utf8))
        // The pages are made on every core — the matrix and the index (the largest) first, then
        // the documents (parsing is safe to run concurrently, see MarkdownParser) — and each is
        // written as soon as it is made, its search entries too (in document order).
        let search = SearchIndexWriter(write: searchIndex)
        let done = Shared(0)
        DispatchQueue.concurrentPerform(iterations: documents.count + 2) { task in
            guard !isCancelled() else { return }
            switch task {
            case 0:
                let body = theme.render("matrix", matrixContext())
                put("matrix.html", Data(layout(page: "matrix.html", title: strings["matrix"], kind: "matrix", body: body).utf8))
            case 1:
                let body = theme.render("index", indexContext())
                put("index.html", Data(layout(page: "index.html", title: siteTitle, kind: "index", body: body).utf8))
            default:
                let page = documentPage(documents[task - 2])
                put(page.path, page.html)
                for asset in page.assets { putOnce(asset.path, asset.data) }
                search.add(task - 2, page.search)
                if let progress { progress(done.update { $0 += 1; return $0 }, documents.count) }
            }
        }
        timings.lap("pages")
        search.finish()
        timings.lap("search")
        return paths.value.count
    }

    /// A page, with a document's search entries and the files it links to.
    struct DocumentPage: Sendable {
        var path: String
        var html: Data
        /// Its search entries as JSON.
        var search = ""
        var assets: [(path: String, data: Data)] = []
    }

    private func documentPage(_ document: Document) -> DocumentPage {
        let page = Self.page(of: document)
        // The tree kept at load if the caller asked for it; else (`check` and `build` do not
        // keep trees, see `Document.body`) the text parsed again.
        let body = document.body ?? DocumentParser.body(of: document.text)
        var renderer = HTMLRenderer(project: project, document: document, pagePath: page,
                                    allowHTML: project.config.publish.allowHTML, strings: strings)
        let html = renderer.render(body)
        let title = document.title ?? document.sections.first?.title ?? document.path
        let text = layout(page: page, title: title, kind: document.kind, body: theme.render("document", documentContext(document, page: page, html: html)))
        return DocumentPage(path: page, html: Data(text.utf8), search: SearchEntry.json(SearchEntry.entries(for: document, body: body, page: page, strings: strings)),
                            assets: linkedFiles(of: document).map { (Self.documentsFolder + $0.path, $0.data) })
    }

    /// Builds the site and writes it to `output` atomically, each page as soon as it is made;
    /// returns the number of files.
    @discardableResult
    public func build(to output: URL, progress: Progress? = nil) throws -> Int {
        // A site built before the marker existed is recognised by its own files.
        let folder = try OutputFolder(replacing: output, recognizedBy: ["index.html", "search-index.js"])
        let searchIndex = folder.stream("search-index.js")
        let count = make(progress: progress, isCancelled: { folder.hasFailed }, put: folder.put, searchIndex: searchIndex.append)
        searchIndex.close()
        var timings = Timings()
        try folder.finish()
        timings.lap("swap")
        return count
    }

    /// The file stdkit leaves in every folder it writes whole (a site, CASE packages, schemas):
    /// only a folder holding it — or absent, or empty — is ever replaced.
    public static let outputMarker = ".stdkit-output"

    /// Writes `files` into a new folder beside `output`, then swaps it in. On any failure the
    /// new folder is removed and `output` is left as it was. Refuses, changing nothing, to replace
    /// a folder stdkit did not write (`OutputFolder.checkReplaceable`).
    public static func write(_ files: [String: Data], to output: URL, recognizedBy: [String] = []) throws {
        let folder = try OutputFolder(replacing: output, recognizedBy: recognizedBy)
        let paths = files.keys.sorted()
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            folder.put(paths[index], files[paths[index]]!)
        }
        try folder.finish()
    }

    // MARK: Pages

    private func root(of page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }

    private func layout(page: String, title: String, kind: String, body: String) -> String {
        theme.render("layout", [
            "lang": strings.language, "siteTitle": siteTitle, "pageTitle": title,
            "pageKind": kind.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") },
            "root": root(of: page), "strings": strings.all, "version": version, "body": body,
        ])
    }

    private func url(from page: String, to document: Document, anchor: String? = nil) -> String {
        HTML.encodeURL(ProjectPath.relative(Self.page(of: document), from: page)) + (anchor.map { "#" + HTML.encodeURL($0) } ?? "")
    }

    private func coverageContext(from page: String) -> [String: Any] {
        let gaps: [[String: Any]] = matrix.gaps.compactMap { row in
            guard let document = project.document(row.document) else { return nil }
            return ["fullId": row.fullID, "text": row.text, "url": url(from: page, to: document, anchor: row.item)]
        }
        return [
            "rows": matrix.rows.count, "covered": matrix.coveredCount, "coveragePercent": Self.percent(matrix.coverage),
            "hasGaps": !gaps.isEmpty, "gaps": gaps,
        ]
    }

    /// A value usable as part of a CSS class: a known status, else "other".
    static func token(_ status: String?) -> String {
        guard let status else { return "none" }
        return ["draft", "review", "approved", "published", "withdrawn"].contains(status) ? status : "other"
    }

    static func percent(_ share: Double) -> String {
        let tenths = (share * 1000).rounded() / 10
        return (tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)) + "%"
    }

    private func partyName(_ id: String?) -> String {
        guard let id else { return "" }
        return project.party(id)?.name ?? id
    }

    private func indexContext() -> [String: Any] {
        let order = ["programme", "job-profile", "course", "material", "certificate"]
        let kinds = Set(project.documents.map(\.kind))
        let sortedKinds = order.filter(kinds.contains) + kinds.subtracting(order).subtracting(["page"]).sorted() + (kinds.contains("page") ? ["page"] : [])
        let columnOrder = Dictionary(matrix.columns.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let programmeOrder = Dictionary(
            project.documents.filter { $0.kind == "programme" }.compactMap(CourseTable.init).flatMap { $0.entries.compactMap(\.id) }
                .enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let kindContexts: [[String: Any]] = sortedKinds.map { kind in
            var documents = project.documents.filter { $0.kind == kind }
            if kind == "course" {
                // Courses in the order of the programme's course table, then by path.
                let rank = { (document: Document) -> Int in programmeOrder[document.id ?? ""] ?? columnOrder[document.id ?? ""].map { 10_000 + $0 } ?? 20_000 }
                documents = documents.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
            }
            return [
                "name": strings.kind(kind), "count": documents.count,
                "documents": documents.map { document -> [String: Any] in
                    [
                        "id": document.id ?? "", "title": document.title ?? document.sections.first?.title ?? document.path,
                        "url": url(from: "index.html", to: document), "version": document.version ?? "",
                        "status": document.status.map { strings.status($0) } ?? "", "statusKey": Self.token(document.status),
                        "owner": partyName(document.owner), "approvals": approvalsContext(document),
                    ]
                },
            ]
        }
        var context = coverageContext(from: "index.html")
        context["strings"] = strings.all
        context["siteTitle"] = siteTitle
        context["projectName"] = project.config.name == siteTitle ? "" : project.config.name
        context["parties"] = project.config.parties.map { party -> [String: Any] in
            ["id": party.id, "name": party.name, "kind": strings["\(party.kind.rawValue)Kind"]]
        }
        context["kinds"] = kindContexts
        return context
    }

    /// The document's approvals for the templates: who approved which version and when, and
    /// whether the document changed since (stale, docs/review.md).
    private func approvalsContext(_ document: Document) -> [[String: Any]] {
        let recorded = document.frontMatter?["approvals"]?.sequence ?? []
        let digest = recorded.isEmpty ? "" : ContentDigest.of(document.text)
        return recorded.map { approval -> [String: Any] in
            [
                "party": partyName(approval["party"]?.scalar), "version": approval["version"]?.scalar ?? "",
                "by": approval["by"]?.scalar ?? "", "date": approval["date"]?.scalar ?? "",
                // No note: false, not "", which a Mustache section would still show as （）.
                "note": (approval["note"]?.scalar).flatMap { $0.isEmpty ? nil : $0 } ?? false as Any,
                "stale": approval["digest"]?.scalar != digest,
            ]
        }
    }

    private func documentContext(_ document: Document, page: String, html: String) -> [String: Any] {
        var context: [String: Any] = [
            "strings": strings.all, "root": root(of: page), "html": html, "kindKey": document.kind.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") },
            "kind": strings.kind(document.kind), "id": document.id ?? "", "version": document.version ?? "",
            "status": document.status.map { strings.status($0) } ?? "", "statusKey": Self.token(document.status),
            "fields": metadataFields(document),
        ]
        let approvals = approvalsContext(document)
        context["approvals"] = approvals
        context["hasApprovals"] = !approvals.isEmpty
        if document.kind == "programme", let table = CourseTable(document), table.isComplete, table.totalHours > 0 {
            context["hasCharts"] = true
            context["chartCategories"] = Charts.hoursByCategory(table, strings: strings)
            context["chartSemesters"] = Charts.hoursBySemester(table, strings: strings)
            context["chartPractice"] = Charts.practiceShare(table, minimum: project.profile?.minPracticeShare ?? 0.5, strings: strings)
        } else {
            context["hasCharts"] = false
        }
        return context
    }

    /// The front matter as name/value pairs for the metadata panel; the title, the approvals and
    /// a programme's course list have their own places.
    private func metadataFields(_ document: Document) -> [[String: Any]] {
        guard let pairs = document.frontMatter?.mapping else { return [] }
        return pairs.compactMap { pair -> [String: Any]? in
            guard let name = pair.key.scalar, !["title", "approvals", "kind", "id", "version", "status"].contains(name) else { return nil }
            let value: String
            if name == "owner" {
                value = partyName(pair.value.scalar)
            } else if name == "parties" {
                value = (pair.value.sequence ?? []).compactMap(\.scalar).map(partyName).joined(separator: "、")
            } else if name == "courses", let list = pair.value.sequence {
                value = "\(list.count)"
            } else if name == "category", let category = pair.value.scalar {
                value = strings.category(category)
            } else if name == "hours", let theory = pair.value["theory"]?.scalar, let practice = pair.value["practice"]?.scalar {
                value = "\((Int(theory) ?? 0) + (Int(practice) ?? 0))（\(theory) / \(practice)）"
            } else if name == "major", let majorName = pair.value["name"]?.scalar {
                value = majorName + (pair.value["code"]?.scalar.map { "（\($0)）" } ?? "")
            } else if ["prerequisites", "occupations", "supports", "replaces"].contains(name) {
                let ids = pair.value.sequence?.compactMap(\.scalar) ?? pair.value.scalar.map { [$0] } ?? []
                value = ids.map { id in project.document(id)?.title.map { "\($0)（\(id)）" } ?? id }.joined(separator: "、")
            } else {
                value = Self.describe(pair.value)
            }
            return ["name": strings.field(name), "value": value]
        }
    }

    /// A YAML value as one line of text.
    static func describe(_ node: YAMLNode) -> String {
        switch node.value {
        case .scalar(let text, _): return node.isNull ? "" : text
        case .sequence(let elements): return elements.map(describe).joined(separator: ", ")
        case .mapping(let pairs): return pairs.map { "\($0.key.scalar ?? ""): \(describe($0.value))" }.joined(separator: "; ")
        }
    }

    /// Above this many cells the matrix is written as lists (each requirement with the outcomes
    /// covering it): a grid of 24,000 requirements × 5,000 courses would be gigabytes of HTML.
    static let denseMatrixLimit = 50_000

    private func matrixContext() -> [String: Any] {
        let page = "matrix.html"
        let dense = matrix.rows.count * matrix.columns.count <= Self.denseMatrixLimit
        let courseURLs = Dictionary(matrix.columns.map { column in
            (column.id, project.document(column.id).map { url(from: page, to: $0) } ?? "")
        }, uniquingKeysWith: { first, _ in first })
        let courseTitles = Dictionary(matrix.columns.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let columns: [[String: Any]] = matrix.columns.map { column in
            ["label": column.label, "id": column.id, "title": column.title,
             "url": project.document(column.id).map { url(from: page, to: $0) } ?? ""]
        }
        var groups: [[String: Any]] = []
        var current: (document: String, rows: [[String: Any]])?
        func flush() {
            guard let group = current, let document = project.document(group.document) else { return }
            groups.append(["document": group.document, "title": document.title ?? group.document, "url": url(from: page, to: document),
                           "span": dense ? matrix.columns.count + 2 : 3, "rows": group.rows])
        }
        // The way to each requirement's document, found once per document, not once per row.
        var documentURL = ""
        for row in matrix.rows {
            if current?.document != row.document {
                flush()
                current = (row.document, [])
                documentURL = project.document(row.document).map { url(from: page, to: $0) } ?? ""
            }
            var context: [String: Any] = [
                "item": row.item, "fullId": row.fullID, "text": row.text, "gap": !row.isCovered, "count": row.covers.count,
                "url": documentURL.isEmpty ? "" : documentURL + "#" + HTML.encodeURL(row.item),
            ]
            if dense {
                context["cells"] = matrix.columns.map { column -> [String: Any] in
                    let value = row.cell(for: column.id)
                    let outcomes = row.covers.filter { $0.course == column.id }.map { "\($0.course)#\($0.outcome)" }.joined(separator: ", ")
                    return ["value": value ?? "", "covered": value != nil, "title": outcomes]
                }
            } else {
                context["covers"] = row.covers.map { cover -> [String: Any] in
                    let course = courseURLs[cover.course] ?? ""
                    return ["course": courseTitles[cover.course] ?? cover.course, "outcome": cover.outcome, "level": cover.level ?? "",
                            "url": course.isEmpty ? "" : course + "#" + cover.outcome]
                }
            }
            current?.rows.append(context)
        }
        flush()
        var context = coverageContext(from: page)
        context["strings"] = strings.all
        context["columns"] = dense ? columns : []
        context["dense"] = dense
        context["groups"] = groups
        return context
    }

    /// Files of the project that a document links to (images, PDFs), to publish beside it.
    private func linkedFiles(of document: Document) -> [(path: String, data: Data)] {
        guard let root = project.root else { return [] }
        var files: [(String, Data)] = []
        for link in document.links {
            let destination = link.destination.split(separator: "#").first.map(String.init) ?? ""
            guard !destination.isEmpty, !destination.hasSuffix(".md"), !destination.contains(":"), !destination.hasPrefix("/"),
                  let path = Self.resolve(destination.removingPercentEncoding ?? destination, from: document.path),
                  Self.isPlainFile(path, under: root),
                  let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { continue }
            files.append((path, data))
        }
        return files
    }

    /// Whether `path` under `root` is a regular file reached without any symbolic link: a link
    /// could lead outside the project, to files nobody meant to publish.
    static func isPlainFile(_ path: String, under root: URL) -> Bool {
        let full = root.standardizedFileURL.appendingPathComponent(path).path
        guard let real = realpath(full, nil) else { return false }
        defer { free(real) }
        guard let rootReal = realpath(root.standardizedFileURL.path, nil) else { return false }
        defer { free(rootReal) }
        // No link on the way: the real path is the path under the project's real folder.
        guard String(cString: real) == String(cString: rootReal) + "/" + path else { return false }
        var status = stat()
        return lstat(full, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    /// `path` relative to the folder of `from`; nil when it leaves the project or names its
    /// top folder.
    static func resolve(_ path: String, from: String) -> String? {
        ProjectPath.resolve(path, from: from).flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// A value shared by concurrent iterations, read and changed under a lock.
final class Shared<Value>: @unchecked Sendable {
    // Safe: `stored` is only read and written under the lock.
    private var stored: Value
    private let lock = NSLock()

    init(_ value: Value) {
        stored = value
    }

    func update<Result>(_ change: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return change(&stored)
    }

    var value: Value { update { $0 } }
}
