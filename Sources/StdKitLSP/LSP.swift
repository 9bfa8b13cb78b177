/// The Language Server Protocol 3.17's messages that `stdkit lsp` reads and writes, as
/// `Codable` values (only the fields we use: a decoder ignores the rest, optional fields we do
/// not set are left out).
enum LSP {
    struct Position: Codable, Sendable, Hashable {
        var line: Int
        var character: Int
    }

    struct Range: Codable, Sendable, Hashable {
        var start: Position
        var end: Position
    }

    struct Location: Codable, Sendable, Hashable {
        var uri: String
        var range: Range
    }

    struct TextEdit: Codable, Sendable, Hashable {
        var range: Range
        var newText: String
    }

    struct WorkspaceEdit: Codable, Sendable, Hashable {
        /// Edits by document URI.
        var changes: [String: [TextEdit]]
    }

    struct TextDocumentIdentifier: Codable, Sendable, Hashable {
        var uri: String
    }

    struct TextDocumentPositionParams: Codable, Sendable, Hashable {
        var textDocument: TextDocumentIdentifier
        var position: Position
    }

    struct CancelParams: Codable, Sendable {
        var id: JSONValue
    }

    enum MessageType: Int, Codable, Sendable {
        case error = 1, warning, info, log
    }

    /// `window/showMessage` and `window/logMessage`.
    struct MessageParams: Codable, Sendable {
        var type: MessageType
        var message: String
    }
}
