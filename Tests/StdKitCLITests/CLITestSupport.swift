import Foundation
import Synchronization
@testable import StdKitCLI

/// Collects what a command writes.
final class Capture: Sendable {
    private let text = Mutex("")

    var value: String { text.withLock { $0 } }

    var sink: OutputSink {
        OutputSink { [self] chunk in text.withLock { $0 += chunk } }
    }
}

/// Runs `stdkit` in process with captured output.
struct CLIRun {
    var status: Int32
    var output: String
    var errors: String

    static func run(_ arguments: [String], in directory: URL = CLIRun.repository, outputIsTerminal: Bool = false,
                    variables: [String: String] = [:]) async -> CLIRun {
        let output = Capture()
        let errors = Capture()
        let environment = CommandEnvironment(currentDirectory: directory, output: output.sink, errors: errors.sink,
                                             outputIsTerminal: outputIsTerminal, variables: variables)
        let status = await StdKit.run(arguments, in: environment)
        return CLIRun(status: status, output: output.value, errors: errors.value)
    }

    /// The repository's root folder.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().standardizedFileURL

    static let checkFixtures = "Tests/StdKitCheckTests/Fixtures"
    static let allForms = "Tests/StdKitModelTests/Fixtures/all-forms"

    /// A new empty temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
