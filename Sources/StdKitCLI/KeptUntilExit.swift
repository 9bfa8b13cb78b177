import Foundation
import StdKitModel

/// Large values — a loaded project, a check's cache — whose freeing, one small object at a
/// time, takes longer than the process's exit: a one-shot command keeps them until then, and
/// the system takes the memory back at once (a tenth of a second for 10,000 documents).
enum KeptUntilExit {
    private nonisolated(unsafe) static var values: [Any] = []
    private static let lock = NSLock()

    /// Keeps `value` until the process exits. Not for commands that run again in the same
    /// process (`build --watch`), whose values would pile up.
    static func keep(_ value: Any) {
        lock.withLock { values.append(value) }
    }

    /// Keeps a project (and the base it was compared with) if it is large; a small one is
    /// freed at once, as tests run many commands in one process.
    static func keep(_ project: Project, base: Project? = nil) {
        guard project.documents.count + (base?.documents.count ?? 0) >= 1_000 else { return }
        keep((project, base as Any))
    }
}
