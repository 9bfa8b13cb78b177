import ArgumentParser
import Dispatch
import Foundation
import StdKitModel
import StdKitServe
import StdKitSyntax
import StdKitWorkspace

/// `stdkit serve`: the site in a browser, live and editable (DESIGN §16, docs/serve.md).
struct ServeCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the project's site from memory, live as files change, with the browser editor.",
        discussion: """
            Prints the address to open (with a session token) and answers until interrupted. Every \
            page shows the check's findings; open browsers reload within half a second of a change. \
            Listens on 127.0.0.1 unless --host; on any other address it is read-only unless --edit. \
            See docs/serve.md. Exit status 2 when the port is in use or the project cannot be read.
            """)

    @Argument(help: "The project folder (default: the project of the current folder).")
    var directory: String?

    @Option(help: "The port to listen on; 0 picks a free one (printed).")
    var port = 8000

    @Option(help: "The address to listen on. Another address than 127.0.0.1 serves read-only unless --edit.")
    var host = "127.0.0.1"

    @Flag(help: "Allow changes (with the session token) on an address other than the loopback.")
    var edit = false

    @Option(help: ArgumentHelp("Language: zh-CN or en (default: STDKIT_LANG, else the project's lang, else the locale).", valueName: "lang"))
    var lang: Language?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535 (0: any free port)") }
    }

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        let selection = try ProjectSelection(paths: directory.map { [$0] } ?? [], environment: environment)
        guard let entry = selection.entries.first else { return 2 }
        let language = environment.language(option: lang, projectRoot: entry.root)
        let errors = environment.errors
        errors.write(Message.serveLoading(environment.displayPath(entry.root)).text(in: language) + "\n")
        let clock = ContinuousClock()
        let started = clock.now
        var timings = Timings()
        // A save cut short by a crash or `kill -9` left its temporary file (the document is whole).
        InterruptedSaves.removeLeftovers(under: entry.root)
        timings.lap("serve: leftovers of interrupted saves")
        let settings = ServeSettings(host: host, port: port, editOnAnyHost: edit, language: language)
        let server: StdKitServer
        do {
            server = try await StdKitServer.start(root: entry.root, language: language, settings: settings, toolVersion: StdKit.version)
        } catch {
            throw CommandFailure(description: "cannot read the project in \(environment.displayPath(entry.root)): \(error)")
        }
        timings.lap("serve: read and checked (and the site begun)")
        do {
            let watcher = try server.watch()
            // A change on disk is then seen only at the next look: said, with what to do about it.
            if let fallback = watcher.fallback,
               let notice = Message.servePolling(environment.displayPath(entry.root), every: watcher.pollInterval, because: fallback) {
                errors.write(notice.text(in: language) + "\n")
            }
        } catch {
            errors.write(error.message.text(in: language) + "\n")
        }
        timings.lap("serve: the watcher set up")
        let output = environment.output
        let documents = await server.workspace.project.documents.count
        let task = Task {
            try await server.run { port in
                var timings = Timings()
                await server.prepare()
                timings.lap("serve: listening, the index page ready")
                let elapsed = clock.now - started
                let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
                errors.write(Message.serveReady(documents: documents, milliseconds: milliseconds).text(in: language) + "\n")
                if !settings.allowsWrites { errors.write(Message.serveReadOnlyNotice(settings.host).text(in: language) + "\n") }
                let url = settings.startURL(port: port)
                output.write("stdkit serve: \(url)\n")
                if language == .zhCN { output.write(Message.serveOpen(url).text(in: language) + "\n") }
            }
        }
        // Ctrl-C and `kill` stop the server: the event streams are closed and the listener shut.
        let signals = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { task.cancel() }
            source.resume()
            return source
        }
        defer { signals.forEach { $0.cancel() } }
        do {
            try await task.value
        } catch let failure as ServeFailure {
            errors.write(failure.message.text(in: language) + "\n")
            return 2
        }
        return 0
    }
}
