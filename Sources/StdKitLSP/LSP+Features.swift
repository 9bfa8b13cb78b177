extension LSP {
    struct CompletionItem: Codable, Sendable, Hashable {
        var label: String
        /// CompletionItemKind: 17 file, 18 reference, 20 enum member, 21 constant, 9 module.
        var kind: Int
        var detail: String
        var textEdit: TextEdit
    }

    struct CompletionList: Codable, Sendable {
        var isIncomplete: Bool
        var items: [CompletionItem]
    }

    struct MarkupContent: Codable, Sendable, Hashable {
        var kind: String
        var value: String
    }

    struct Hover: Codable, Sendable, Hashable {
        var contents: MarkupContent
        var range: Range
    }

    struct ReferenceParams: Decodable, Sendable {
        struct Context: Decodable, Sendable {
            var includeDeclaration: Bool
        }

        var textDocument: TextDocumentIdentifier
        var position: Position
        var context: Context?
    }

    struct RenameParams: Decodable, Sendable {
        var textDocument: TextDocumentIdentifier
        var position: Position
        var newName: String
    }

    struct PrepareRenameResult: Codable, Sendable, Hashable {
        var range: Range
        var placeholder: String
    }

    struct DocumentSymbolParams: Decodable, Sendable {
        var textDocument: TextDocumentIdentifier
    }

    struct DocumentSymbol: Codable, Sendable, Hashable {
        var name: String
        var detail: String?
        /// SymbolKind: 3 namespace (a section), 20 key (an item).
        var kind: Int
        var range: Range
        var selectionRange: Range
        var children: [DocumentSymbol]?
    }

    struct CodeActionParams: Decodable, Sendable {
        var textDocument: TextDocumentIdentifier
        var range: Range
    }

    struct CodeAction: Codable, Sendable, Hashable {
        var title: String
        var kind: String
        var diagnostics: [Diagnostic]?
        var edit: WorkspaceEdit
    }
}
