import Foundation
import StdKitModel

/// Where a command writes: standard output and standard error, injected so that tests run
/// commands in process and read what they printed.
public struct OutputSink: Sendable {
    private let writeText: @Sendable (String) -> Void
    private let writeBytes: (@Sendable ([UInt8]) -> Void)?

    /// A sink of text; `bytes`, when given, takes output that is not UTF-8 as it is (else it is
    /// decoded, and what is not UTF-8 shown as U+FFFD).
    public init(_ write: @escaping @Sendable (String) -> Void, bytes: (@Sendable ([UInt8]) -> Void)? = nil) {
        self.writeText = write
        self.writeBytes = bytes
    }

    public func write(_ text: String) {
        writeText(text)
    }

    /// Writes bytes as they are (a merged file that is not UTF-8).
    public func write(_ bytes: [UInt8]) {
        if let writeBytes { writeBytes(bytes) } else { writeText(String(decoding: bytes, as: UTF8.self)) }
    }

    /// The process's standard output.
    public static let standardOutput = OutputSink({ text in
        FileHandle.standardOutput.write(Data(text.utf8))
    }, bytes: { bytes in
        FileHandle.standardOutput.write(Data(bytes))
    })

    /// The process's standard error.
    public static let standardError = OutputSink { text in
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// What a command runs in: the current folder, its output sinks and whether they are a
/// terminal.
public struct CommandEnvironment: Sendable {
    public var currentDirectory: URL
    public var output: OutputSink
    public var errors: OutputSink
    /// Whether standard output is a terminal (for colour).
    public var outputIsTerminal: Bool
    /// Whether standard error is a terminal: progress is shown there, and only then.
    public var errorsIsTerminal: Bool
    /// The environment variables (NO_COLOR).
    public var variables: [String: String]

    public init(currentDirectory: URL, output: OutputSink, errors: OutputSink, outputIsTerminal: Bool = false,
                errorsIsTerminal: Bool = false, variables: [String: String] = [:]) {
        self.currentDirectory = currentDirectory
        self.output = output
        self.errors = errors
        self.outputIsTerminal = outputIsTerminal
        self.errorsIsTerminal = errorsIsTerminal
        self.variables = variables
    }

    /// Whether NO_COLOR (no-color.org) asks for no colour.
    var noColor: Bool { !(variables["NO_COLOR"] ?? "").isEmpty }

    /// A progress line on standard error for long reads, when it is a terminal; nil otherwise,
    /// so pipes and CI logs stay clean.
    var loadingProgress: ProjectLoader.Progress? {
        guard errorsIsTerminal else { return nil }
        let errors = self.errors
        return { done, total in
            guard total >= 1_000 else { return }
            errors.write(done < total ? "\rreading \(done)/\(total) files…" : "\r\u{1B}[K")
        }
    }

    /// The environment of the running process.
    public static var process: CommandEnvironment {
        CommandEnvironment(
            currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
            output: .standardOutput, errors: .standardError,
            outputIsTerminal: isatty(STDOUT_FILENO) != 0, errorsIsTerminal: isatty(STDERR_FILENO) != 0,
            variables: ProcessInfo.processInfo.environment)
    }

    /// `path` made absolute against the current folder.
    func url(for path: String) -> URL {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL }
        return currentDirectory.appendingPathComponent(path).standardizedFileURL
    }

    /// How to show `url` to the user: relative to the current folder when inside it.
    func displayPath(_ url: URL) -> String {
        let base = currentDirectory.standardizedFileURL.path
        let full = url.standardizedFileURL.path
        if full == base { return "." }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full
    }
}

/// A failure that stops a command: a usage or I/O problem (exit status 2).
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
}
