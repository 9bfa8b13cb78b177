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

    private let workspace: Workspace
    private let toolVersion: String
    private(set) var generation = 0
    private var snapshot: Task<Result<Snapshot, SiteFailure>, Never>?
    private var pages: [String: Answer] = [:]

    init(workspace: Workspace, toolVersion: String) {
        self.workspace = workspace
        self.toolVersion = toolVersion
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
            let project = await workspace.project
            do {
                let builder = try SiteBuilder(project: project, toolVersion: version)
                return .success(Snapshot(generation: generation, project: project, builder: builder, index: builder.pageIndex()))
            } catch let error as SiteError {
                return .failure(SiteFailure(reason: error.description))
            } catch {
                return .failure(SiteFailure(reason: "\(error)"))
            }
        }
        snapshot = task
        return await task.value
    }

    /// The file at `sitePath` (no leading `/`), made if not made since the last change.
    func file(at sitePath: String) async -> Answer {
        if let page = pages[sitePath] { return page }
        let snapshot: Snapshot
        switch await current() {
        case .success(let current): snapshot = current
        case .failure(let error): return .failed(error.reason)
        }
        let answer = await Task.detached { () -> Answer in
            guard let data = snapshot.builder.file(at: sitePath, index: snapshot.index) else { return .missing }
            return .file(data, document: snapshot.index.documentPath(at: sitePath))
        }.value
        // A page made from a project that changed meanwhile is not kept.
        if snapshot.generation == generation, case .file = answer { pages[sitePath] = answer }
        return answer
    }
}
