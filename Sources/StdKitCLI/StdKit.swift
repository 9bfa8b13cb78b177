import ArgumentParser
import Foundation

/// The entry point of the `stdkit` executable, testable in process.
public enum StdKit {
    /// stdkit's version.
    public static let version = "0.1.0"

    /// Parses `arguments` (without the program name), runs the command and returns the exit
    /// status: 0 clean, 1 findings at error level, 2 usage or I/O failure.
    public static func run(_ arguments: [String], in environment: CommandEnvironment) async -> Int32 {
        let command: any ParsableCommand
        do {
            command = try StdKitCommand.parseAsRoot(arguments)
        } catch {
            return report(error, in: environment)
        }
        guard let runnable = command as? any EnvironmentCommand else {
            // `stdkit help CMD`, or a command group alone: the help of the command named.
            environment.output.write(StdKitCommand.helpMessage(for: helpTarget(arguments)) + "\n")
            return 0
        }
        do {
            return try await runnable.run(in: environment)
        } catch let failure as CommandFailure {
            environment.errors.write("error: \(failure.description)\n")
            return 2
        } catch {
            return report(error, in: environment)
        }
    }

    /// The deepest command the arguments name (`help version bump` → `version bump`).
    static func helpTarget(_ arguments: [String]) -> ParsableCommand.Type {
        var target: ParsableCommand.Type = StdKitCommand.self
        for argument in arguments.drop(while: { $0 == "help" }) {
            guard let next = target.configuration.subcommands.first(where: { $0.configuration.commandName == argument }) else { break }
            target = next
        }
        return target
    }

    /// Help, version and completion requests print and succeed; usage errors fail with 2.
    private static func report(_ error: any Error, in environment: CommandEnvironment) -> Int32 {
        let message = StdKitCommand.fullMessage(for: error)
        if StdKitCommand.exitCode(for: error) == .success {
            environment.output.write(message.isEmpty ? "" : message + "\n")
            return 0
        }
        environment.errors.write(message + "\n")
        return 2
    }
}

/// A subcommand that runs in an injected environment and returns its exit status.
protocol EnvironmentCommand: ParsableCommand {
    func run(in environment: CommandEnvironment) async throws -> Int32
}

/// `stdkit`: the root command.
struct StdKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stdkit",
        abstract: "Co-author vocational teaching standards as Markdown in git: check, trace, diff, merge, publish.",
        discussion: """
            Run 'stdkit check' before every commit. Exit status: 0 clean, 1 findings at error level, \
            2 usage or I/O failure.
            """,
        version: StdKit.version,
        subcommands: [InitCommand.self, NewCommand.self, CheckCommand.self, DiffCommand.self, MergeCommand.self, BuildCommand.self, CatalogueCommand.self, ModelCommand.self, TraceCommand.self, ExportCommand.self, ImportCommand.self, LogCommand.self, VersionCommand.self, ApproveCommand.self, ReviewCommand.self, UpstreamCommand.self, RulesCommand.self, SchemaCommand.self, GitCommand.self, LSPCommand.self, ServeCommand.self])
}
