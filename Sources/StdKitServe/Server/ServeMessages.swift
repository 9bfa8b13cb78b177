import Foundation
import StdKitSyntax
import StdKitWorkspace

/// What the server says: its error answers, the bar on every page, the problems page and the
/// start-up lines, each in the catalogues (`serve.http.*`, en.yml and zh-CN.yml).
extension Message {
    static func serveForbidden() -> Message { Message("serve.http.forbidden") }
    static func serveReadOnly() -> Message { Message("serve.http.read-only") }
    static func serveTooLarge(limit: Int) -> Message { Message("serve.http.too-large", ["limit": .number(limit)]) }
    static func serveBadJSON() -> Message { Message("serve.http.bad-json") }
    static func serveMissingField(_ field: String) -> Message { Message("serve.http.missing-field", ["field": .verbatim(field)]) }
    static func serveInvalidUTF8() -> Message { Message("serve.http.invalid-utf8") }
    static func serveNotFound(_ path: String) -> Message { Message("serve.http.not-found", ["path": .verbatim(path)]) }
    static func serveMethodNotAllowed(_ method: String, _ path: String) -> Message {
        Message("serve.http.method-not-allowed", ["method": .verbatim(method), "path": .verbatim(path)])
    }
    static func serveStaleBase(_ path: String) -> Message { Message("serve.http.stale-base", ["path": .verbatim(path)]) }
    static func serveInternal() -> Message { Message("serve.http.internal") }
    static func serveBadPath() -> Message { Message("serve.http.bad-path") }
    static func serveWrongHost(_ host: String, address: String) -> Message {
        Message("serve.http.wrong-host", ["host": .verbatim(host), "address": .verbatim(address)])
    }

    static func serveBarProblems(_ count: Int) -> Message { Message("serve.http.bar.problems", ["count": .number(count)]) }
    static func serveBarEdit() -> Message { Message("serve.http.bar.edit") }
    static func serveBarNew() -> Message { Message("serve.http.bar.new") }
    static func serveBarCommit() -> Message { Message("serve.http.bar.commit") }
    static func serveBarClean() -> Message { Message("serve.http.bar.clean") }
    static func serveProblemsTitle() -> Message { Message("serve.http.problems.title") }
    static func serveProblemsNone() -> Message { Message("serve.http.problems.none") }
    static func serveProblemsSummary(_ count: Int, files: Int) -> Message {
        Message("serve.http.problems.summary", ["count": .number(count), "files": .number(files)])
    }
    static func serveEditorTitle(_ page: EditorShell.Page) -> Message {
        switch page {
        case .edit: Message("serve.http.editor.edit")
        case .new: Message("serve.http.editor.new")
        case .commit: Message("serve.http.editor.commit")
        }
    }

    /// The start-up line in the project's language (the address itself is printed in English
    /// first, for scripts).
    public static func serveOpen(_ url: String) -> Message { Message("serve.http.open", ["url": .verbatim(url)]) }
    public static func serveLoading(_ folder: String) -> Message { Message("serve.http.loading", ["folder": .verbatim(folder)]) }
    public static func serveReady(documents: Int, milliseconds: Int) -> Message {
        Message("serve.http.ready", ["documents": .number(documents), "milliseconds": .number(milliseconds)])
    }
    public static func serveReadOnlyNotice(_ host: String) -> Message { Message("serve.http.read-only-notice", ["host": .verbatim(host)]) }
    /// The watcher polls (inotify could not be set up): how often, and why.
    public static func servePolling(_ folder: String, every interval: Duration, because fallback: FolderWatcher.Fallback, limits: URL = URL(fileURLWithPath: "/proc/sys/fs/inotify")) -> Message? {
        func limit(_ name: String) -> Message.Argument {
            let text = (try? String(contentsOf: limits.appendingPathComponent(name), encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            return .verbatim(text.flatMap { $0.isEmpty ? nil : $0 } ?? "?")
        }
        let reason: Message
        switch fallback {
        case .requested: return nil
        case .noInstance(let code) where code == EMFILE: reason = Message("serve.http.polling.instances", ["limit": limit("max_user_instances")])
        case .watchLimit(let code) where code == ENOSPC: reason = Message("serve.http.polling.watches", ["limit": limit("max_user_watches")])
        case .noInstance(let code), .watchLimit(let code): reason = Message("serve.http.polling.failed", ["reason": .verbatim(String(cString: strerror(code)))])
        }
        let (seconds, attoseconds) = interval.components
        return Message("serve.http.polling", ["folder": .verbatim(folder), "milliseconds": .number(Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)),
                                               "reason": .message(reason)])
    }
    static func servePortInUse(_ port: Int) -> Message { Message("serve.http.port-in-use", ["port": .number(port)]) }
    static func serveCannotListen(_ host: String, _ port: Int, _ reason: String) -> Message {
        Message("serve.http.cannot-listen", ["host": .verbatim(host), "port": .number(port), "reason": .verbatim(reason)])
    }
}
