import Foundation
import StdKitSyntax

/// The headless browser stdkit prints PDFs with (DESIGN §8: Chromium is already what the
/// browser test runs). Found as the browser test finds it: `STDKIT_CHROMIUM`, else `chromium`,
/// `chromium-browser` or `google-chrome` on `PATH`.
public struct Chromium: Sendable {
    /// The browser's executable.
    public var executable: URL

    /// The environment variable naming the browser to use.
    public static let variable = "STDKIT_CHROMIUM"
    /// The names looked for on `PATH`, in order.
    public static let names = ["chromium", "chromium-browser", "google-chrome"]
    /// How long printing may take before the browser is stopped: the flagship programme with all
    /// its courses takes a few seconds; a browser that hangs must not hang the command.
    public static let defaultTimeout = 120

    public init(executable: URL) {
        self.executable = executable
    }

    /// The browser named by `STDKIT_CHROMIUM` in `environment` — and only it when it is set: a
    /// path the user named that is not there is reported, not quietly replaced by another
    /// browser — else the first of `names` on its `PATH`.
    public static func find(in environment: [String: String]) throws(PDFError) -> Chromium {
        if let named = environment[variable], !named.isEmpty {
            guard isProgram(named) else {
                throw PDFError(.pdfChromiumMissing(looked: ["\(variable)=\(named)"]))
            }
            return Chromium(executable: URL(fileURLWithPath: named))
        }
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
        for name in names {
            for folder in folders {
                let path = folder + "/" + name
                if isProgram(path) { return Chromium(executable: URL(fileURLWithPath: path)) }
            }
        }
        throw PDFError(.pdfChromiumMissing(looked: names + [variable]))
    }

    /// Whether `path` is a file that may be run (a folder is "executable" too, to the system).
    static func isProgram(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    /// The arguments that print `page` to `output`: the new headless mode, no sandbox (it
    /// needs user namespaces, which containers and CI often lack), a profile of its own in
    /// `profile` (so that it never meets a browser already running), and none of Chromium's own
    /// header and footer (date, title and file path): the print stylesheet numbers the pages.
    static func arguments(page: URL, output: URL, profile: URL) -> [String] {
        ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
         "--disable-extensions", "--hide-scrollbars", "--no-pdf-header-footer",
         "--user-data-dir=\(profile.path)", "--print-to-pdf=\(output.path)", page.absoluteString]
    }

    /// Prints the page at `page` (a file) to the PDF `output`, waiting at most `timeout`
    /// seconds. The browser's standard error goes to a file in `work` (not a pipe: it writes
    /// more than a pipe holds, and reading both pipes while waiting is more machinery than a
    /// file). Throws with its last lines when it fails, is stopped, or leaves no PDF.
    public func printToPDF(page: URL, output: URL, work: URL, timeout: Int = defaultTimeout) throws(PDFError) {
        let errorsFile = work.appendingPathComponent("chromium-stderr.txt")
        let process = Process()
        process.executableURL = executable
        process.arguments = Self.arguments(page: page, output: output, profile: work.appendingPathComponent("profile"))
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            guard FileManager.default.createFile(atPath: errorsFile.path, contents: nil) else {
                throw PDFError(.pdfCannotWrite(errorsFile.path, reason: "cannot create the file"))
            }
            let errors = try FileHandle(forWritingTo: errorsFile)
            defer { try? errors.close() }
            process.standardError = errors
            try process.run()
        } catch let error as PDFError {
            throw error
        } catch {
            throw PDFError(.pdfChromiumFailed(status: -1, lines: "\(executable.path): \(error.localizedDescription)"))
        }
        if finished.wait(timeout: .now() + .seconds(timeout)) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + .seconds(5)) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
            throw PDFError(.pdfChromiumTimeout(seconds: timeout, lines: Self.lastLines(of: errorsFile)))
        }
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let status = Int(process.terminationStatus)
            throw PDFError(.pdfChromiumFailed(status: process.terminationReason == .exit ? status : 128 + status,
                                              lines: Self.lastLines(of: errorsFile)))
        }
        guard let handle = try? FileHandle(forReadingFrom: output), let start = try? handle.read(upToCount: 5),
              start == Data("%PDF-".utf8) else {
            throw PDFError(.pdfNoOutput(lines: Self.lastLines(of: errorsFile)))
        }
        try? handle.close()
    }

    /// The last lines the browser wrote on standard error, without its complaints about a
    /// missing D-Bus (every run in a container or CI has them, and they are never the cause).
    static func lastLines(of file: URL, count: Int = 6) -> String {
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.contains(":ERROR:dbus/") }
        return lines.isEmpty ? "—" : lines.suffix(count).joined(separator: "\n")
    }
}
