import Foundation
import StdKitSyntax
import StdKitWorkspace

/// The requests after `initialize`: each decoded, asked of the workspace, its answer converted
/// to the client's positions.
extension LanguageServer {
    func answer(_ method: String, body: Data) async throws(ResponseError) -> [UInt8] {
        switch method {
        case "shutdown":
            stopWatching()
            return Self.null
        case "textDocument/completion":
            let params = try Self.params(LSP.TextDocumentPositionParams.self, body)
            return try await at(params.textDocument.uri, params.position) { workspace, path, text, location in
                let items = await workspace.completion(path, at: location).map { Self.completionItem($0, text: text) }
                return self.outbox.json(LSP.CompletionList(isIncomplete: false, items: items))
            }
        case "textDocument/hover":
            let params = try Self.params(LSP.TextDocumentPositionParams.self, body)
            return try await at(params.textDocument.uri, params.position) { workspace, path, text, location in
                guard let hover = await workspace.hover(path, at: location) else { return nil }
                return self.outbox.json(LSP.Hover(contents: LSP.MarkupContent(kind: "markdown", value: hover.markdown), range: text.range(hover.range)))
            }
        case "textDocument/definition":
            let params = try Self.params(LSP.TextDocumentPositionParams.self, body)
            return try await at(params.textDocument.uri, params.position) { workspace, path, _, location in
                self.outbox.json(await self.locations(await workspace.definition(path, at: location), in: workspace))
            }
        case "textDocument/references":
            let params = try Self.params(LSP.ReferenceParams.self, body)
            return try await at(params.textDocument.uri, params.position) { workspace, path, _, location in
                let places = await workspace.references(path, at: location, includingDeclaration: params.context?.includeDeclaration ?? true)
                return self.outbox.json(await self.locations(places, in: workspace))
            }
        case "textDocument/prepareRename":
            let params = try Self.params(LSP.TextDocumentPositionParams.self, body)
            return try await at(params.textDocument.uri, params.position) { workspace, path, text, location in
                guard let target = await workspace.renameTarget(path, at: location) else {
                    throw ResponseError(code: ResponseError.requestFailed, message: Message("lsp.cannot-rename").text(in: self.language))
                }
                return self.outbox.json(LSP.PrepareRenameResult(range: text.range(target.range), placeholder: target.id))
            }
        case "textDocument/rename":
            let params = try Self.params(LSP.RenameParams.self, body)
            return try await at(params.textDocument.uri, params.position) { workspace, path, _, location in
                let edits: [String: [TextReplacement]]
                do {
                    edits = try await workspace.rename(path, at: location, to: params.newName)
                } catch let error as WorkspaceError {
                    throw ResponseError(code: ResponseError.requestFailed, message: error.message.text(in: self.language))
                }
                return self.outbox.json(await self.workspaceEdit(edits.mapValues { $0.map { ($0.range, $0.text) } }, in: workspace))
            }
        case "textDocument/documentSymbol":
            let params = try Self.params(LSP.DocumentSymbolParams.self, body)
            guard let workspace = await workspace(), let path = path(params.textDocument.uri, in: workspace) else { return Self.emptyList }
            let text = await text(path, in: workspace)
            return outbox.json(await workspace.symbols(path).map { Self.documentSymbol($0, text: text) }) ?? Self.emptyList
        case "textDocument/codeAction":
            let params = try Self.params(LSP.CodeActionParams.self, body)
            guard let workspace = await workspace(), let path = path(params.textDocument.uri, in: workspace) else { return Self.emptyList }
            let text = await text(path, in: workspace)
            guard let start = text.location(params.range.start) else { return Self.emptyList }
            let end = text.location(params.range.end) ?? start
            return outbox.json(await codeActions(await workspace.fixes(path, in: start..<max(start, end)), in: workspace)) ?? Self.emptyList
        default:
            throw ResponseError(code: ResponseError.methodNotFound, message: "\(method) is not a method stdkit lsp knows")
        }
    }

    static let null = Array("null".utf8)
    static let emptyList = Array("[]".utf8)

    /// Runs `body` with the workspace, the document's path and text and the model's place of
    /// `position`; `null` when there is no project, the document is not in it, or the position
    /// is past its end.
    private func at(_ uri: String, _ position: LSP.Position,
                    _ body: (Workspace, String, DocumentText, SourceLocation) async throws -> [UInt8]?) async throws(ResponseError) -> [UInt8] {
        guard let workspace = await workspace(), let path = path(uri, in: workspace) else { return Self.null }
        let text = await text(path, in: workspace)
        guard let location = text.location(position) else { return Self.null }
        do {
            return try await body(workspace, path, text, location) ?? Self.null
        } catch let error as ResponseError {
            throw error
        } catch {
            throw ResponseError(code: ResponseError.internalError, message: "\(error)")
        }
    }

    private func locations(_ places: [Place], in workspace: Workspace) async -> [LSP.Location] {
        var texts: [String: DocumentText] = [:]
        var locations: [LSP.Location] = []
        for place in places {
            if texts[place.path] == nil { texts[place.path] = await text(place.path, in: workspace) }
            locations.append(LSP.Location(uri: uri(place.path, in: workspace), range: texts[place.path]!.range(place.range)))
        }
        return locations
    }

    func workspaceEdit(_ edits: [String: [(SourceRange, String)]], in workspace: Workspace) async -> LSP.WorkspaceEdit {
        var changes: [String: [LSP.TextEdit]] = [:]
        for (path, replacements) in edits {
            let text = await text(path, in: workspace)
            changes[uri(path, in: workspace), default: []] += replacements.map { LSP.TextEdit(range: text.range($0.0), newText: $0.1) }
        }
        return LSP.WorkspaceEdit(changes: changes)
    }

    /// A quick fix for each fix of each finding.
    func codeActions(_ findings: [Diagnostic], in workspace: Workspace) async -> [LSP.CodeAction] {
        var actions: [LSP.CodeAction] = []
        for finding in findings {
            let text = await text(finding.file, in: workspace)
            let known = uris
            let diagnostic = Self.diagnostic(finding, language: language, text: { $0 == finding.file ? text : nil }, uri: { known[$0] ?? workspace.url(of: $0).absoluteString })
            for fix in finding.fixes {
                let edits = Dictionary(grouping: fix.edits, by: \.file).mapValues { $0.map { ($0.range, $0.text) } }
                actions.append(LSP.CodeAction(title: fix.title.text(in: language), kind: "quickfix", diagnostics: [diagnostic],
                                              edit: await workspaceEdit(edits, in: workspace)))
            }
        }
        return actions
    }

    static func completionItem(_ candidate: CompletionCandidate, text: DocumentText) -> LSP.CompletionItem {
        let kind = switch candidate.kind {
        case .document: 17
        case .item: 18
        case .value: 20
        case .party: 21
        case .upstream: 9
        }
        return LSP.CompletionItem(label: candidate.label, kind: kind, detail: candidate.detail,
                                  textEdit: LSP.TextEdit(range: text.range(candidate.replacing), newText: candidate.label))
    }

    static func documentSymbol(_ symbol: Symbol, text: DocumentText) -> LSP.DocumentSymbol {
        LSP.DocumentSymbol(
            // The protocol refuses an empty name (an untitled heading).
            name: symbol.name.isEmpty ? "…" : symbol.name, detail: symbol.detail,
            kind: symbol.kind == .section ? 3 : 20,
            range: text.range(symbol.range), selectionRange: text.range(symbol.selection),
            children: symbol.children.isEmpty ? nil : symbol.children.map { documentSymbol($0, text: text) })
    }
}
