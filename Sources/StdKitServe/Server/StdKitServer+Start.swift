import Foundation
import StdKitModel
import StdKitSyntax
import StdKitWorkspace

extension StdKitServer {
    /// The server of the project in folder `root`, read once and then checked and published at
    /// the same time: the site's model and its index page are made from the project as read
    /// while the workspace checks that same project, since neither needs the other. On 10,000
    /// documents the check and the site's model take seconds each; the server is ready after the
    /// longer of the two rather than after both (docs/serve.md, bench/RESULTS.md).
    /// Throws what reading the project throws.
    public static func start(root: URL, language: Language, settings: ServeSettings, toolVersion: String) async throws -> StdKitServer {
        var timings = Timings()
        let root = root.standardizedFileURL
        let project = try await ProjectLoader.load(root: root)
        timings.lap("serve: read the project")
        let head = LiveSite.Head(project: project, toolVersion: toolVersion)
        // The check holds a thread until it is done: off the caller's, beside the site's.
        let workspace = await Task.detached {
            Workspace(project: project, root: root, language: language, history: GitHistory(projectRoot: root))
        }.value
        timings.lap("serve: check")
        return StdKitServer(workspace: workspace, session: EditSession(workspace: workspace), settings: settings, toolVersion: toolVersion, head: head)
    }
}
