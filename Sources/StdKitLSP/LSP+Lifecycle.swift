extension LSP {
    struct InitializeParams: Decodable, Sendable {
        var processId: Int?
        var rootUri: String?
        var rootPath: String?
        var workspaceFolders: [WorkspaceFolder]?
        var capabilities: ClientCapabilities?
    }

    struct WorkspaceFolder: Codable, Sendable {
        var uri: String
        var name: String?
    }

    struct ClientCapabilities: Decodable, Sendable {
        struct General: Decodable, Sendable {
            var positionEncodings: [String]?
        }

        struct Workspace: Decodable, Sendable {
            struct DynamicRegistration: Decodable, Sendable {
                var dynamicRegistration: Bool?
            }

            var didChangeWatchedFiles: DynamicRegistration?
        }

        var general: General?
        var workspace: Workspace?
    }

    struct InitializeResult: Encodable, Sendable {
        struct ServerInfo: Encodable, Sendable {
            var name: String
            var version: String
        }

        var capabilities: ServerCapabilities
        var serverInfo: ServerInfo
    }

    struct ServerCapabilities: Encodable, Sendable {
        struct TextDocumentSync: Encodable, Sendable {
            struct Save: Encodable, Sendable {
                var includeText: Bool
            }

            var openClose = true
            /// 2: incremental.
            var change = 2
            var save = Save(includeText: true)
        }

        struct CompletionOptions: Encodable, Sendable {
            var triggerCharacters: [String]
        }

        struct RenameOptions: Encodable, Sendable {
            var prepareProvider = true
        }

        struct CodeActionOptions: Encodable, Sendable {
            var codeActionKinds = ["quickfix"]
        }

        var positionEncoding: String
        var textDocumentSync = TextDocumentSync()
        var completionProvider: CompletionOptions
        var hoverProvider = true
        var definitionProvider = true
        var referencesProvider = true
        var renameProvider = RenameOptions()
        var documentSymbolProvider = true
        var codeActionProvider = CodeActionOptions()
    }

    /// `client/registerCapability`, for the file watcher.
    struct RegistrationParams: Encodable, Sendable {
        struct Registration: Encodable, Sendable {
            var id: String
            var method: String
            var registerOptions: WatchOptions
        }

        struct WatchOptions: Encodable, Sendable {
            struct Watcher: Encodable, Sendable {
                var globPattern: String
            }

            var watchers: [Watcher]
        }

        var registrations: [Registration]
    }

    struct DidChangeWatchedFilesParams: Decodable, Sendable {
        struct FileEvent: Decodable, Sendable {
            var uri: String
            var type: Int
        }

        var changes: [FileEvent]
    }
}
