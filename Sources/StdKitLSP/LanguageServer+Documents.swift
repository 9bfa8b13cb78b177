import Foundation
import StdKitSyntax
import StdKitWorkspace

/// The notifications: documents opened, changed, saved and closed, files changed on disk; and
/// the diagnostics published after each.
extension LanguageServer {
    func handle(_ method: String, body: Data) async {
        guard let workspace = await workspace() else { return }
        do throws(ResponseError) {
            switch method {
            case "initialized":
                registerWatcher(workspace)
                await publish(await workspace.allFindings, in: workspace)
            case "textDocument/didOpen":
                let params = try Self.params(LSP.DidOpenParams.self, body)
                guard let path = path(params.textDocument.uri, in: workspace) else { return }
                var changed = await workspace.open(path, text: params.textDocument.text, version: params.textDocument.version)
                // The document's findings even when opening changed none: the client may have
                // dropped what it was sent while the file was closed.
                if changed[path] == nil { changed[path] = await workspace.findings(in: path) }
                await publish(changed, in: workspace)
            case "textDocument/didChange":
                let params = try Self.params(LSP.DidChangeParams.self, body)
                guard let path = path(params.textDocument.uri, in: workspace) else { return }
                await change(path, params, in: workspace)
            case "textDocument/didSave":
                let params = try Self.params(LSP.DidSaveParams.self, body)
                guard let path = path(params.textDocument.uri, in: workspace) else { return }
                await publish(await workspace.save(path, text: params.text), in: workspace)
            case "textDocument/didClose":
                let params = try Self.params(LSP.DidCloseParams.self, body)
                guard let path = path(params.textDocument.uri, in: workspace) else { return }
                await publish(await workspace.close(path), in: workspace)
            case "workspace/didChangeWatchedFiles":
                let params = try Self.params(LSP.DidChangeWatchedFilesParams.self, body)
                let paths = params.changes.compactMap { path($0.uri, in: workspace) }
                await publish(await workspace.changedOnDisk(paths), in: workspace)
            default:
                // Notifications we do not use are ignored, as the protocol asks.
                break
            }
        } catch {
            log(.error, Message("lsp.invalid-notification", ["method": .verbatim(method), "reason": .verbatim(error.message)]))
        }
    }

    private func change(_ path: String, _ params: LSP.DidChangeParams, in workspace: Workspace) async {
        var changes: [TextChange] = []
        for change in params.contentChanges {
            guard let range = change.range else {
                changes.append(TextChange(range: nil, text: change.text))
                continue
            }
            let start = TextPosition(line: range.start.line, column: range.start.character)
            let end = TextPosition(line: range.end.line, column: range.end.character)
            guard start <= end else {
                log(.error, Message("lsp.change-rejected", ["path": .verbatim(path), "reason": .verbatim("the range ends at \(end) before it starts at \(start)")]))
                return
            }
            changes.append(TextChange(range: start..<end, text: change.text))
        }
        do throws(WorkspaceError) {
            let changed = try await workspace.change(path, changes: changes, unit: unit, version: params.textDocument.version)
            await publish(changed, in: workspace)
        } catch {
            // The workspace kept the text it had: say so; what was published still holds for it.
            log(.error, Message("lsp.change-rejected", ["path": .verbatim(path), "reason": .verbatim(error.message.text(in: language))]))
        }
    }

    /// The project-relative path of a document URI, nil when it is outside the project; the
    /// client's spelling of the URI is kept to answer with it.
    func path(_ uri: String, in workspace: Workspace) -> String? {
        guard let url = Self.fileURL(uri), let path = workspace.path(of: url) else { return nil }
        uris[path] = uri
        return path
    }

    /// The URI of a project-relative path, as the client spelled it when it did.
    func uri(_ path: String, in workspace: Workspace) -> String {
        uris[path] ?? workspace.url(of: path).absoluteString
    }

    /// The text of `path` in the negotiated unit.
    func text(_ path: String, in workspace: Workspace) async -> DocumentText {
        DocumentText(buffer: await workspace.buffer(of: path) ?? TextBuffer(""), unit: unit)
    }

    /// `textDocument/publishDiagnostics` for each file in `changed` (an empty list clears it).
    func publish(_ changed: Workspace.FindingsChanged, in workspace: Workspace) async {
        var texts: [String: DocumentText] = [:]
        for path in changed.keys.sorted() {
            let findings = changed[path] ?? []
            for file in Set([path] + findings.map(\.file) + findings.flatMap { $0.notes.map(\.file) }) where texts[file] == nil {
                texts[file] = await text(file, in: workspace)
            }
            let known = uris
            let diagnostics = findings.map { finding in
                Self.diagnostic(finding, language: language, text: { texts[$0] }, uri: { known[$0] ?? workspace.url(of: $0).absoluteString })
            }
            outbox.notify("textDocument/publishDiagnostics", LSP.PublishDiagnosticsParams(
                uri: uri(path, in: workspace), version: await workspace.version(of: path), diagnostics: diagnostics))
            if texts.count > 64 { texts = [:] }
        }
    }

    /// A finding as the protocol shows it: the token at its place underlined, its message and
    /// hint in the user's language, its notes as related information.
    static func diagnostic(_ finding: Diagnostic, language: Language, text: (String) -> DocumentText?, uri: (String) -> String) -> LSP.Diagnostic {
        let range = text(finding.file)?.tokenRange(at: finding.location) ?? LSP.Range(start: .init(line: finding.location.line - 1, character: 0), end: .init(line: finding.location.line - 1, character: 0))
        var message = finding.message.text(in: language)
        if let hint = finding.hint { message += "\n" + hint.text(in: language) }
        let related = finding.notes.map { note in
            LSP.Diagnostic.Related(
                location: LSP.Location(uri: uri(note.file), range: text(note.file)?.tokenRange(at: note.location) ?? range),
                message: note.message.text(in: language))
        }
        return LSP.Diagnostic(range: range, severity: severity(finding.severity), code: finding.rule, source: "stdkit",
                              message: message, relatedInformation: related.isEmpty ? nil : related)
    }

    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: 1
        case .warning: 2
        case .note: 3
        }
    }
}
