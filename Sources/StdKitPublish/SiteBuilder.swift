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
    public func files(progress: Progress? = nil) throws -> [String: Data] {
        var files: [String: Data] = [:]
        var timings = Timings()
        for name in Theme.assetNames { files["assets/" + name] = theme.assets[name] }
        files["search.html"] = Data(layout(page: "search.html", title: strings["search"], kind: "search", body: theme.render("search", ["strings": strings.all])).utf8)
        // The pages are rendered on every core — the matrix and the index (the largest) first,
        // then the documents (parsing is safe to run concurrently, see MarkdownParser); each lands
        // in its slot, and the site is put together in path order.
        let documents = project.documents
        let pages = Slots<DocumentPage>(count: documents.count + 2)
        let done = Counter()
        DispatchQueue.concurrentPerform(iterations: documents.count + 2) { task in
            switch task {
            case 0:
                let body = theme.render("matrix", matrixContext())
                pages.set(0, DocumentPage(path: "matrix.html", html: Data(layout(page: "matrix.html", title: strings["matrix"], kind: "matrix", body: body).utf8)))
            case 1:
                let body = theme.render("index", indexContext())
                pages.set(1, DocumentPage(path: "index.html", html: Data(layout(page: "index.html", title: siteTitle, kind: "index", body: body).utf8)))
            default:
                pages.set(task, documentPage(documents[task - 2]))
                if let progress { progress(done.increment(), documents.count) }
            }
        }
        timings.lap("pages")
        var search: [String] = []
        for page in pages.all {
            files[page.path] = page.html
            search.append(page.search)
            for asset in page.assets { files[asset.path] = asset.data }
        }
        files["search-index.js"] = Data(SearchEntry.script(fragments: search).utf8)
        timings.lap("search")
        return files
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
        let body = DocumentParser.body(of: document.text)
        var renderer = HTMLRenderer(project: project, document: document, pagePath: page,
                                    allowHTML: project.config.publish.allowHTML, strings: strings)
        let html = renderer.render(body)
        let title = document.title ?? document.sections.first?.title ?? document.path
        let text = layout(page: page, title: title, kind: document.kind, body: theme.render("document", documentContext(document, page: page, html: html)))
        return DocumentPage(path: page, html: Data(text.utf8), search: SearchEntry.json(SearchEntry.entries(for: document, body: body, page: page, strings: strings)),
                            assets: linkedFiles(of: document).map { (Self.documentsFolder + $0.path, $0.data) })
    }

    /// Builds the site and writes it to `output` atomically; returns the number of files.
    @discardableResult
    public func build(to output: URL, progress: Progress? = nil) throws -> Int {
        var timings = Timings()
        let files = try self.files(progress: progress)
        timings.lap("render")
        // A site built before the marker existed is recognised by its own files.
        try Self.write(files, to: output, recognizedBy: ["index.html", "search-index.js"])
        timings.lap("write")
        return files.count
    }

    /// The file stdkit leaves in every folder it writes whole (a site, CASE packages, schemas):
    /// only a folder holding it — or absent, or empty — is ever replaced.
    public static let outputMarker = ".stdkit-output"

    /// Fails unless `output` may be replaced whole: it does not exist, or is an empty folder, or
    /// holds `outputMarker`, or holds every file of `recognizedBy` (an output written before the
    /// marker). A folder of the user's — `-o .`, `-o docs` — is never replaced.
    static func checkReplaceable(_ output: URL, recognizedBy: [String]) throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw SiteError(step: "write", path: output.path, info: "it is a file, not a folder; nothing was changed — choose another output folder")
        }
        let contents = (try? fileManager.contentsOfDirectory(atPath: output.path)) ?? []
        if contents.isEmpty || contents.contains(outputMarker) { return }
        if !recognizedBy.isEmpty, recognizedBy.allSatisfy(contents.contains) { return }
        throw SiteError(step: "write", path: output.path,
                        info: "the folder holds files stdkit did not write (it has no \(outputMarker)), and writing replaces the folder whole; nothing was changed — choose another output folder, or empty this one")
    }

    /// Writes `files` into a new folder beside `output`, then swaps it in. On any failure the
    /// new folder is removed and `output` is left as it was. Refuses, changing nothing, to replace
    /// a folder stdkit did not write (`checkReplaceable`).
    public static func write(_ files: [String: Data], to output: URL, recognizedBy: [String] = []) throws {
        try checkReplaceable(output, recognizedBy: recognizedBy)
        let files = files.merging([outputMarker: Data("Written by stdkit. The next build or export replaces this folder whole.\n".utf8)]) { own, _ in own }
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let process = ProcessInfo.processInfo.processIdentifier
        let building = parent.appendingPathComponent(".\(name).building-\(process)")
        let previous = parent.appendingPathComponent(".\(name).previous-\(process)")
        recoverInterruptedBuilds(of: output)
        try? fileManager.removeItem(at: building)
        do {
            try fileManager.createDirectory(at: building, withIntermediateDirectories: true)
            // Each folder made once, then the files written on every core.
            let paths = files.keys.sorted()
            for folder in Set(paths.map { ($0 as NSString).deletingLastPathComponent }).sorted() where !folder.isEmpty {
                try fileManager.createDirectory(at: building.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            let failures = Slots<String?>(count: paths.count)
            DispatchQueue.concurrentPerform(iterations: paths.count) { index in
                let data = files[paths[index]]!
                let target = building.appendingPathComponent(paths[index])
                // A page the previous site already has, byte for byte, is linked, not written
                // again: creating a file costs far more than a link on most file systems, and a
                // rebuild changes few pages. The previous site itself is never modified.
                if Self.sameFile(output.appendingPathComponent(paths[index]), data), link(output.appendingPathComponent(paths[index]).path, target.path) == 0 {
                    return
                }
                do {
                    try data.write(to: target)
                } catch {
                    failures.set(index, "\(paths[index]): \(error.localizedDescription)")
                }
            }
            if let failure = failures.all.compactMap({ $0 }).first {
                throw SiteError(step: "write", path: output.path, info: failure)
            }
            // One atomic exchange where the file system offers it: there is no moment without a
            // site, even if the process is killed.
            if fileManager.fileExists(atPath: output.path), Self.exchange(building.path, output.path) {
                try? fileManager.removeItem(at: building)
                return
            }
            if fileManager.fileExists(atPath: output.path) {
                try? fileManager.removeItem(at: previous)
                try fileManager.moveItem(at: output, to: previous)
            }
            do {
                try fileManager.moveItem(at: building, to: output)
            } catch {
                // Put the previous site back before giving up.
                if fileManager.fileExists(atPath: previous.path) { try? fileManager.moveItem(at: previous, to: output) }
                throw error
            }
            try? fileManager.removeItem(at: previous)
        } catch {
            try? fileManager.removeItem(at: building)
            throw SiteError(step: "write", path: output.path, info: "the site could not be written (\(error.localizedDescription)); the previous site is unchanged")
        }
    }

    /// Swaps two paths in one step with Linux's `renameat2(…, RENAME_EXCHANGE)`, looked up at run
    /// time (Swift's Glibc module does not declare it); false where it is missing or refused.
    static func exchange(_ first: String, _ second: String) -> Bool {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let currentFolder: Int32 = -100  // AT_FDCWD
        let exchange: UInt32 = 1 << 1  // RENAME_EXCHANGE
        return renameat2(currentFolder, first, currentFolder, second, exchange) == 0
    }

    /// Cleans up after builds that were killed: their half-written folders are removed, and a
    /// site moved aside but never replaced is put back. Only folders of processes that no
    /// longer run are touched.
    static func recoverInterruptedBuilds(of output: URL) {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        guard let entries = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in entries.sorted() {
            for (prefix, isPrevious) in [(".\(name).building-", false), (".\(name).previous-", true)] where entry.hasPrefix(prefix) {
                guard let pid = Int32(entry.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
                let url = parent.appendingPathComponent(entry)
                if isPrevious && !fileManager.fileExists(atPath: output.path) {
                    try? fileManager.moveItem(at: url, to: output)
                } else {
                    try? fileManager.removeItem(at: url)
                }
            }
        }
    }

    /// Whether the file at `url` is a regular file holding exactly `data`.
    static func sameFile(_ url: URL, _ data: Data) -> Bool {
        var status = stat()
        guard lstat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size == data.count,
              let existing = try? Data(contentsOf: url, options: .mappedIfSafe) else { return false }
        return existing == data
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
        for row in matrix.rows {
            if current?.document != row.document {
                flush()
                current = (row.document, [])
            }
            let target = project.document(row.document)
            var context: [String: Any] = [
                "item": row.item, "fullId": row.fullID, "text": row.text, "gap": !row.isCovered, "count": row.covers.count,
                "url": target.map { url(from: page, to: $0, anchor: row.item) } ?? "",
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

    /// `path` relative to the folder of `from`; nil when it leaves the project.
    static func resolve(_ path: String, from: String) -> String? {
        var components = from.split(separator: "/").dropLast().map(String.init)
        for component in path.split(separator: "/") {
            if component == "." { continue }
            if component == ".." {
                guard !components.isEmpty else { return nil }
                components.removeLast()
            } else {
                components.append(String(component))
            }
        }
        return components.isEmpty ? nil : components.joined(separator: "/")
    }
}

/// A count shared by concurrent iterations.
final class Counter: @unchecked Sendable {
    // Safe: `value` is only read and written under the lock.
    private var value = 0
    private let lock = NSLock()

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
