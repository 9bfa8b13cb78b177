extension LSP {
    struct TextDocumentItem: Decodable, Sendable {
        var uri: String
        var version: Int
        var text: String
    }

    struct VersionedTextDocumentIdentifier: Decodable, Sendable {
        var uri: String
        var version: Int
    }

    struct DidOpenParams: Decodable, Sendable {
        var textDocument: TextDocumentItem
    }

    struct ContentChange: Decodable, Sendable {
        var range: Range?
        var text: String
    }

    struct DidChangeParams: Decodable, Sendable {
        var textDocument: VersionedTextDocumentIdentifier
        var contentChanges: [ContentChange]
    }

    struct DidSaveParams: Decodable, Sendable {
        var textDocument: TextDocumentIdentifier
        var text: String?
    }

    struct DidCloseParams: Decodable, Sendable {
        var textDocument: TextDocumentIdentifier
    }

    struct Diagnostic: Codable, Sendable, Hashable {
        struct Related: Codable, Sendable, Hashable {
            var location: Location
            var message: String
        }

        var range: Range
        /// 1 error, 2 warning, 3 information, 4 hint.
        var severity: Int
        var code: String
        var source: String
        var message: String
        var relatedInformation: [Related]?
    }

    struct PublishDiagnosticsParams: Codable, Sendable {
        var uri: String
        var version: Int?
        var diagnostics: [Diagnostic]
    }
}
