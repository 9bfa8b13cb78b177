import Foundation

/// Where a command writes: standard output and standard error, injected so that tests run
/// commands in process and read what they printed.
public struct OutputSink: Sendable {
    private let writeText: @Sendable (String) -> Void

    public init(_ write: @escaping @Sendable (String) -> Void) {
        self.writeText = write
    }

    public func write(_ text: String) {
        writeText(text)
    }

    /// The process's standard output.
    public static let standardOutput = OutputSink { text in
        FileHandle.standardOutput.write(Data(text.utf8))
    }

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
    /// Whether standard output is a terminal (for progress and colour).
    public var outputIsTerminal: Bool

    public init(currentDirectory: URL, output: OutputSink, errors: OutputSink, outputIsTerminal: Bool = false) {
        self.currentDirectory = currentDirectory
        self.output = output
        self.errors = errors
        self.outputIsTerminal = outputIsTerminal
    }

    /// The environment of the running process.
    public static var process: CommandEnvironment {
        CommandEnvironment(
            currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
            output: .standardOutput, errors: .standardError, outputIsTerminal: isatty(STDOUT_FILENO) != 0)
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
