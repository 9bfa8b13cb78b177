import StdKitSyntax

/// Why `stdkit export --format pdf` wrote nothing, in words for the person running it: what
/// happened and what to do. The words are a `Message`, shown in the project's language.
public struct PDFError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: Message

    public init(_ message: Message) {
        self.message = message
    }

    public func text(in language: Language) -> String {
        message.text(in: language)
    }

    public var description: String { text(in: .en) }
}

extension Message {
    /// No browser to print with: what was looked for, what to install, and that Word export
    /// needs none.
    static func pdfChromiumMissing(looked: [String]) -> Message {
        Message("pdf.chromium-missing", ["looked": .list(looked, .and)])
    }
    /// The browser exited with a failure; `lines` are the last lines it wrote on standard error.
    static func pdfChromiumFailed(status: Int, lines: String) -> Message {
        Message("pdf.chromium-failed", ["status": .number(status), "lines": .verbatim(lines)])
    }
    /// The browser did not finish within the limit and was stopped.
    static func pdfChromiumTimeout(seconds: Int, lines: String) -> Message {
        Message("pdf.chromium-timeout", ["seconds": .number(seconds), "lines": .verbatim(lines)])
    }
    /// The browser said it was done but left no PDF (or something else than a PDF).
    static func pdfNoOutput(lines: String) -> Message {
        Message("pdf.no-output", ["lines": .verbatim(lines)])
    }
    /// The site the PDF is printed from could not be built (a theme of the project).
    static func pdfSiteFailed(_ reason: String) -> Message { Message("pdf.site-failed", ["reason": .verbatim(reason)]) }
    /// A file could not be written (the temporary site, or the PDF itself).
    static func pdfCannotWrite(_ path: String, reason: String) -> Message {
        Message("pdf.cannot-write", ["path": .verbatim(path), "reason": .verbatim(reason)])
    }
}
