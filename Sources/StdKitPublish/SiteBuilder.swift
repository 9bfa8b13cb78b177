import Foundation
import StdKitModel
import StdKitSyntax

/// Builds the static site of a project: an index, one page per document, the traceability
/// matrix, search, the theme's assets, and each upstream the project implements in a section
/// of its own (`upstream/<id>/`). The same project gives the same bytes; the site is written
/// beside its target and swapped in, so a failed build leaves the previous one whole.
public struct SiteBuilder: Sendable {
    public let project: Project
    let strings: SiteStrings
    let theme: Theme
    let version: String
    /// Each document's approvals and whether they are current, by path: made once, read by the
    /// index and the document's page.
    let approvalStates: [String: ApprovalState]
    /// Where each document's page is.
    let map: SiteMap
    /// The site's title, on every page (an upstream's section keeps the local site's).
    let siteTitle: String
    /// For the builder of an upstream's section: the upstream and the project implementing it;
    /// nil for the project's own site.
    let section: UpstreamSection?
    /// The builders of the sections of the upstreams that are there, in declaration order.
    let sections: [SiteBuilder]

    /// Document pages live under this folder of the site, mirroring the project's folders.
    static let documentsFolder = SiteMap.documentsFolder

    /// Called with the number of documents rendered and the total.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    public init(project: Project, toolVersion: String) throws {
        try self.init(project: project, toolVersion: toolVersion, compiledTheme: true)
    }

    /// With `compiledTheme` false, the default theme's pages are rendered by Mustache from its
    /// templates rather than by their compiled renderers: the same bytes (`CompiledThemeTests`).
    init(project: Project, toolVersion: String, compiledTheme: Bool) throws {
        self.project = project
        self.strings = SiteStrings(lang: project.config.lang)
        let override = project.config.publish.theme.flatMap { theme in project.root.map { $0.appendingPathComponent(theme) } }
        if let override {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: override.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw SiteError(step: "theme", path: project.config.publish.theme ?? "", info: "publish.theme names no folder of the project")
            }
        }
        self.theme = try Theme(override: override, compiled: compiledTheme)
        self.version = toolVersion
        self.approvalStates = Self.approvalStates(of: project)
        let map = SiteMap(project: project)
        self.map = map
        let siteTitle = project.config.publish.title ?? project.config.name
        self.siteTitle = siteTitle
        self.section = nil
        let (siteStrings, siteTheme) = (self.strings, self.theme)
        self.sections = project.upstreams.compactMap { upstream in
            guard let upstreamProject = upstream.project else { return nil }
            return SiteBuilder(section: UpstreamSection(upstream: upstream, local: project, localMap: map, siteTitle: siteTitle),
                               project: upstreamProject, strings: siteStrings, theme: siteTheme, version: toolVersion)
        }
    }

    /// The builder of an upstream's section: the upstream's documents rendered from the
    /// upstream read as a project of its own (so its references, course tables and back-links
    /// stay within it), in the local site's language, theme and title.
    private init(section: UpstreamSection, project: Project, strings: SiteStrings, theme: Theme, version: String) {
        self.project = project
        self.strings = strings
        self.theme = theme
        self.version = version
        self.approvalStates = Self.approvalStates(of: project)
        self.map = SiteMap(upstream: section.id)
        self.siteTitle = section.siteTitle
        self.section = section
        self.sections = []
    }

    /// The trace matrix, made when first read: the index and the matrix read it, a document's
    /// page does not (`stdkit serve` makes a builder after every change, then one page).
    var matrix: TraceMatrix {
        madeMatrix.update { made in
            if let existing = made { return existing }
            let matrix = TraceMatrix(project)
            made = matrix
            return matrix
        }
    }
    private let madeMatrix = Shared<TraceMatrix?>(nil)

    private static func approvalStates(of project: Project) -> [String: ApprovalState] {
        Dictionary(project.documents.map { ($0.path, ApprovalState($0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// The page of a document in the site.
    func page(of document: Document) -> String {
        map.page(of: document)
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
        let (builders, documents) = everyDocument()
        // Every page's path is taken before any file a document links to is put.
        let fixed = ["search.html", "matrix.html", "index.html", "search-index.js"] + Theme.assetNames.map { "assets/" + $0 }
        let paths = Shared(Set(fixed + documents.map { builders[$0.site].page(of: $0.document) }))
        let putOnce: @Sendable (String, Data) -> Void = { path, data in
            if paths.update({ $0.insert(path).inserted }) { put(path, data) }
        }
        for name in Theme.assetNames { put("assets/" + name, theme.assets[name] ?? Data()) }
        put("search.html", Data(layout(page: "search.html", title: strings["search"], kind: "search", body: theme.render(SearchPage(strings: strings.all))).utf8))
        // The pages are made on every core — the matrix and the index (the largest) first, then
        // the documents (parsing is safe to run concurrently, see MarkdownParser) — and each is
        // written as soon as it is made, its search entries too (in document order).
        // Gathered into pieces of 64 KB: one write to the file each, not one per document.
        let search = SearchIndexWriter(chunk: 1 << 16, write: searchIndex)
        let done = Shared(0)
        Parallel.forEach(Array(0..<(documents.count + 2))) { task in
            guard !isCancelled() else { return }
            switch task {
            case 0:
                let body = theme.render(MatrixPage(self))
                put("matrix.html", Data(layout(page: "matrix.html", title: strings["matrix"], kind: "matrix", body: body).utf8))
            case 1:
                let body = theme.render(IndexPage(self))
                put("index.html", Data(layout(page: "index.html", title: siteTitle, kind: "index", body: body).utf8))
            default:
                let (site, document) = documents[task - 2]
                let page = builders[site].documentPage(document)
                put(page.path, page.html)
                for asset in page.assets { putOnce(asset.path, asset.data) }
                search.add(task - 2, bytes: page.search)
                if let progress { progress(done.update { $0 += 1; return $0 }, documents.count) }
            }
        }
        timings.lap("pages")
        search.finish()
        timings.lap("search")
        return paths.value.count
    }

    /// The project's documents, then each upstream's in its section, each with the index of its
    /// builder in `builders` (a builder is a large value: a copy beside each of powershell-docs'
    /// 14,141 documents took 37 MB).
    func everyDocument() -> (builders: [SiteBuilder], documents: [(site: Int, document: Document)]) {
        let documents = project.documents.map { (site: 0, document: $0) }
            + sections.indices.flatMap { index in sections[index].project.documents.map { (site: index + 1, document: $0) } }
        return ([self] + sections, documents)
    }

    /// A document's page as written, with its search entries and the files it links to.
    struct DocumentOutput: Sendable {
        var path: String
        var html: Data
        /// Its search entries as JSON (UTF-8).
        var search: [UInt8] = []
        var assets: [(path: String, data: Data)] = []
    }

    func documentPage(_ document: Document) -> DocumentOutput {
        let page = page(of: document)
        // The tree kept at load if the caller asked for it; else (`check` and `build` do not
        // keep trees, see `Document.body`) the text parsed again.
        let body = document.body ?? DocumentParser.body(of: document.text)
        let html = renderBody(body, of: document, page: page)
        let title = document.title ?? document.sections.first?.title ?? document.path
        let text = layout(page: page, title: title, kind: document.kind, body: theme.render(DocumentPage(document, page: page, html: html, site: self)))
        let search = SearchEntry.entries(for: document, body: body, page: page, strings: strings, section: section)
        return DocumentOutput(path: page, html: Data(text.utf8), search: SearchEntry.jsonBytes(search),
                              assets: linkedFiles(of: document).map { (map.folder + $0.path, $0.data) })
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
        Parallel.forEach(paths) { path in
            folder.put(path, files[path]!)
        }
        try folder.finish()
    }

    // MARK: Pages

    /// `../` as often as `page` is deep: the way back to the site's top.
    func root(of page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }

    func layout(page: String, title: String, kind: String, body: String) -> String {
        theme.render(LayoutPage(
            lang: strings.language, siteTitle: siteTitle, pageTitle: title,
            pageKind: kind.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") },
            root: root(of: page), strings: strings.all, version: version, body: body,
            hasUpstreams: section != nil || !project.upstreams.isEmpty))
    }

    /// The way from the site page `page` to `document`'s page, and to `anchor` in it.
    func url(from page: String, to document: Document, anchor: String? = nil) -> String {
        HTML.encodeURL(SitePaths.relative(self.page(of: document), from: page)) + (anchor.map { "#" + HTML.encodeURL($0) } ?? "")
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

    /// The name of the party `id`, else the id itself; "" for none.
    func partyName(_ id: String?) -> String {
        guard let id else { return "" }
        return project.party(id)?.name ?? id
    }

    /// The name of the party `id` as approvals and the metadata panel's parties name it: a
    /// co-established body or a group says so (华南汽车产业学院（共建机构）), since its approval
    /// stands for its members; else as `partyName`.
    func partyLabel(_ id: String?) -> String {
        guard let id, let party = project.party(id), party.kind == .joint || party.kind == .group else { return partyName(id) }
        return "\(party.name)（\(strings["\(party.kind.rawValue)Kind"])）"
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

    /// Files of the project that a document links to (images, PDFs), to publish beside it.
    func linkedFiles(of document: Document) -> [(path: String, data: Data)] {
        guard let root = project.root else { return [] }
        var files: [(String, Data)] = []
        for link in document.links {
            guard let destination = Self.linkedFile(link.destination),
                  let path = Self.resolve(destination.removingPercentEncoding ?? destination, from: document.path),
                  Self.isPlainFile(path, under: root),
                  let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { continue }
            files.append((path, data))
        }
        return files
    }

    /// The part of a link's destination that may name a file to publish beside the page: the
    /// path before the first `#` (an anchor of the page alone names no file), unless it is
    /// empty, a Markdown page, a web address (holds a colon) or a path from the site's root.
    static func linkedFile(_ destination: String) -> String? {
        let bytes = destination.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return linkedFileByCharacters(destination) }
        // ASCII, where characters are bytes: decided on the bytes, without splitting the text
        // by characters or Foundation's search for the colon (most of this, 1.6 % of a
        // rebuild of real pages).
        let path = bytes[..<(bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.endIndex)]
        guard !path.isEmpty, !path.reversed().starts(with: "dm.".utf8), !path.contains(UInt8(ascii: ":")),
              path.first != UInt8(ascii: "/") else { return nil }
        return String(Substring(path))
    }

    /// `linkedFile(_:)` on characters, for any text.
    static func linkedFileByCharacters(_ destination: String) -> String? {
        let path = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard !path.isEmpty, !path.hasSuffix(".md"), !path.contains(":"), !path.hasPrefix("/") else { return nil }
        return path
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
