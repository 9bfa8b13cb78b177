import Foundation
import StdKitModel
import StdKitPublish
import StdKitWorkspace

/// The site of `stdkit build`, made from the workspace's project as it is now, one page at a
/// time as browsers ask: on 10,000 documents a whole site per change would take seconds, a
/// document's page takes milliseconds. Pages are kept until the project changes
/// (`invalidate()`, called for every save and every change on disk): a document's page shows
/// other documents' titles and back-links, so one change can alter any page.
actor LiveSite {
    /// The project of one generation with its builder and where its pages are.
    struct Snapshot: Sendable {
        var generation: Int
        var project: Project
        var builder: SiteBuilder
        var index: SiteBuilder.PageIndex
        /// Pages made with the snapshot, ahead of any browser (the index at start-up).
        var made: [String: Answer] = [:]
    }

    /// What a site path is.
    enum Answer: Sendable {
        /// A file of the site; `document` is the project path of the document whose page it is.
        case file(Data, document: String?)
        case missing
        /// The site cannot be made (a theme the settings name is missing): the reason.
        case failed(String)
    }

    /// Why the site cannot be made (`SiteError`'s description).
    struct SiteFailure: Error, Sendable {
        var reason: String
    }

    /// The site of the project the server starts with, begun before the workspace exists: it is
    /// made while the project is checked (neither needs the other), so that the server is ready
    /// when the check is done rather than after both.
    struct Head: Sendable {
        let task: Task<Result<Snapshot, SiteFailure>, Never>

        /// Starts making the site of `project` (generation 0), with the pages at `pages`.
        init(project: Project, toolVersion: String, pages: [String] = ["index.html"]) {
            task = Task.detached { LiveSite.make(project: project, generation: 0, toolVersion: toolVersion, pages: pages) }
        }
    }

    private let workspace: Workspace
    private let toolVersion: String
    private(set) var generation = 0
    private var snapshot: Task<Result<Snapshot, SiteFailure>, Never>?
    private var pages: [String: Answer] = [:]

    /// `head`: the site of the workspace's project as it is now, already begun (it must be of
    /// that very project: a page made from it is served until the first change).
    init(workspace: Workspace, toolVersion: String, head: Head? = nil) {
        self.workspace = workspace
        self.toolVersion = toolVersion
        self.snapshot = head?.task
    }

    /// The project changed: every page is made again when next asked.
    func invalidate() {
        generation += 1
        snapshot = nil
        pages = [:]
    }

    /// The builder and page index of the project as it is now.
    func current() async -> Result<Snapshot, SiteFailure> {
        if let snapshot { return await snapshot.value }
        let generation = self.generation
        let workspace = self.workspace
        let version = toolVersion
        let task = Task.detached { () -> Result<Snapshot, SiteFailure> in
            LiveSite.make(project: await workspace.project, generation: generation, toolVersion: version, pages: [])
        }
        snapshot = task
        return await task.value
    }

    /// The site's model of `project`, and the files at `pages` made from it.
    static func make(project: Project, generation: Int, toolVersion: String, pages: [String]) -> Result<Snapshot, SiteFailure> {
        var timings = Timings()
        do {
            let builder = try SiteBuilder(project: project, toolVersion: toolVersion)
            timings.lap("serve: the site's model")
            var snapshot = Snapshot(generation: generation, project: project, builder: builder, index: builder.pageIndex())
            timings.lap("serve: the page index")
            for page in pages {
                let answer = snapshot.answer(at: page)
                snapshot.made[page] = answer
            }
            if !pages.isEmpty { timings.lap("serve: " + pages.joined(separator: ", ")) }
            return .success(snapshot)
        } catch let error as SiteError {
            return .failure(SiteFailure(reason: error.description))
        } catch {
            return .failure(SiteFailure(reason: "\(error)"))
        }
    }

    /// The file at `sitePath` (no leading `/`), made if not made since the last change.
    func file(at sitePath: String) async -> Answer {
        if let page = pages[sitePath] { return page }
        let snapshot: Snapshot
        switch await current() {
        case .success(let current): snapshot = current
        case .failure(let error): return .failed(error.reason)
        }
        let answer: Answer
        if let made = snapshot.made[sitePath] {
            answer = made
        } else {
            answer = await Task.detached { snapshot.answer(at: sitePath) }.value
        }
        // A page made from a project that changed meanwhile is not kept.
        if snapshot.generation == generation, case .file = answer { pages[sitePath] = answer }
        return answer
    }
}

extension LiveSite.Snapshot {
    /// The file at `sitePath`, made from this snapshot.
    func answer(at sitePath: String) -> LiveSite.Answer {
        guard let data = builder.file(at: sitePath, index: index) else { return .missing }
        return .file(data, document: index.documentPath(at: sitePath))
    }
}
