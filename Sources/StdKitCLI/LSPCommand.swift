import ArgumentParser
import Foundation
import StdKitLSP
import StdKitSyntax

/// `stdkit lsp`: the language server, for editors (DESIGN §17, docs/editors.md).
struct LSPCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server for editors (Language Server Protocol 3.17 over standard input and output).",
        discussion: """
            An editor starts it and talks to it: diagnostics as you type, completion of ids, hover, \
            go to definition, find references, rename, document symbols and quick fixes. The project \
            is the folder the editor opens (or the one above it with stdkit.yml). Nothing is printed \
            on standard output but the protocol; logs go to standard error. See docs/editors.md.
            """)

    @Option(help: ArgumentHelp("Language: zh-CN or en (default: STDKIT_LANG, else the project's lang, else the locale).", valueName: "lang"))
    var lang: Language?

    @Flag(help: "Talk over standard input and output (the only way; accepted because clients pass it).")
    var stdio = false

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        let lang = self.lang
        let errors = environment.errors
        let server = LanguageServer(
            input: STDIN_FILENO,
            output: { bytes in environment.output.write(bytes) },
            configuration: LanguageServer.Configuration(
                currentDirectory: environment.currentDirectory,
                language: { root in environment.language(option: lang, projectRoot: root) },
                log: { errors.write($0 + "\n") }))
        return await server.run()
    }
}
