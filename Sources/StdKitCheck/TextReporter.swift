import StdKitModel
import StdKitSyntax

/// Compiler-style text: `file:line:column: severity: message [rule]`, then the source line with
/// a caret under the column, an indented hint, notes in the same form, and a one-line summary.
///
/// Messages, hints, notes, the severity words and the summary are in `language`; paths and
/// rule ids are as they are.
///
/// The caret is placed by display width, so it stands under the right character after Chinese
/// text, which a terminal draws two cells wide.
public struct TextReporter: Sendable {
    /// The text of a file by the name the user sees, or nil when unknown.
    public typealias SourceTexts = @Sendable (_ file: String) -> String?

    /// ANSI colours, or none.
    public struct Style: Sendable {
        public var enabled: Bool

        public init(enabled: Bool) {
            self.enabled = enabled
        }

        public static let plain = Style(enabled: false)

        func apply(_ code: String, _ text: String) -> String {
            enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
        }

        func severity(_ severity: Severity, in language: Language) -> String {
            let word = Message.severity(severity).text(in: language)
            switch severity {
            case .error: return apply("1;31", word)
            case .warning: return apply("1;33", word)
            case .note: return apply("1;36", word)
            }
        }

        func bold(_ text: String) -> String { apply("1", text) }
        func caret(_ text: String) -> String { apply("1;32", text) }
        func faint(_ text: String) -> String { apply("2", text) }
    }

    public var style: Style
    /// The texts the findings' lines are quoted from.
    public var sourceTexts: SourceTexts?
    public var language: Language

    public init(style: Style = .plain, sourceTexts: SourceTexts? = nil, language: Language = .en) {
        self.style = style
        self.sourceTexts = sourceTexts
        self.language = language
    }

    public func report(_ result: CheckResult) -> String {
        var whole = ""
        report(result) { whole += $0 }
        return whole
    }

    /// The report handed to `write` in pieces of about 64 KB, in order: a large project's report
    /// (powershell-docs: 36,510 findings, 10 MB) is then never held whole, nor copied to be written.
    /// The pieces (runs of whole files, about 256 findings each; a file's findings are never
    /// split, so one file with thousands of them is one larger piece) are formatted on every
    /// core, 16 at a time, and each batch is written in order as it ends: one after the other, the
    /// report of powershell-docs was half a second on one core at the end of its check.
    public func report(_ result: CheckResult, to write: (String) -> Void) {
        let diagnostics = result.diagnostics
        let pieces = Self.pieces(of: diagnostics, size: 256)
        var next = 0
        while next < pieces.count {
            let batch = Array(pieces[next..<min(next + 16, pieces.count)])
            for text in Parallel.map(batch, { format(diagnostics[$0]) }) { write(text) }
            next += batch.count
        }
        write(summary(result) + "\n")
    }

    /// Consecutive ranges covering `diagnostics`, each of at least `size` findings (the last of
    /// fewer) and ending where a file's findings end, so that each file's lines are indexed in
    /// one piece.
    static func pieces(of diagnostics: [Diagnostic], size: Int) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = 0
        while start < diagnostics.count {
            var end = min(start + size, diagnostics.count)
            while end < diagnostics.count, diagnostics[end].file == diagnostics[end - 1].file { end += 1 }
            pieces.append(start..<end)
            start = end
        }
        return pieces
    }

    /// The report's text for `diagnostics`, without the summary.
    func format(_ diagnostics: ArraySlice<Diagnostic>) -> String {
        var output = ""
        // The lines of the file being reported, indexed once: findings come file by file, a
        // file can hold thousands, and only one file's index is held at a time.
        var current: (file: String, source: SourceText?)?
        for diagnostic in diagnostics {
            output += style.bold("\(diagnostic.file):\(diagnostic.location.line):\(diagnostic.location.column):") + " "
            output += "\(style.severity(diagnostic.severity, in: language)): \(style.bold(diagnostic.message.text(in: language))) [\(diagnostic.rule)]\n"
            if current?.file != diagnostic.file {
                current = (diagnostic.file, sourceTexts?(diagnostic.file).map(SourceText.init))
            }
            if let line = current?.source?.line(diagnostic.location.line) {
                output += snippet(line, number: diagnostic.location.line, column: diagnostic.location.column)
            }
            if let hint = diagnostic.hint {
                output += "    " + Message.hint(hint).text(in: language) + "\n"
            }
            for note in diagnostic.notes {
                output += style.bold("\(note.file):\(note.location.line):\(note.location.column):")
                    + " \(style.severity(.note, in: language)): \(note.message.text(in: language))\n"
            }
        }
        return output
    }

    /// The line, numbered, and a caret under `column` (1-based, in characters).
    func snippet(_ line: Substring, number: Int, column: Int) -> String {
        let gutter = String(number)
        let pad = String(repeating: " ", count: gutter.count)
        var marker = ""
        for scalar in line.unicodeScalars.prefix(max(0, column - 1)) {
            marker += scalar == "\t" ? "\t" : String(repeating: " ", count: TerminalText.width(of: scalar))
        }
        return style.faint(" \(gutter) | ") + line + "\n" + style.faint(" \(pad) | ") + marker + style.caret("^") + "\n"
    }

    /// "checked 14 files: 1 error, 2 warnings" or "checked 14 files: no problems".
    public func summary(_ result: CheckResult) -> String {
        Message.summary(files: result.fileCount, errors: result.count(.error), warnings: result.count(.warning), notes: result.count(.note))
            .text(in: language)
    }
}

extension Message {
    fileprivate static func severity(_ severity: Severity) -> Message {
        switch severity {
        case .error: Message("report.error")
        case .warning: Message("report.warning")
        case .note: Message("report.note")
        }
    }

    fileprivate static func hint(_ hint: Message) -> Message {
        Message("report.hint", ["hint": .message(hint)])
    }

    static func summary(files: Int, errors: Int, warnings: Int, notes: Int) -> Message {
        var parts: [Message] = []
        if errors > 0 { parts.append(Message(errors == 1 ? "report.errors.one" : "report.errors", ["count": .number(errors)])) }
        if warnings > 0 { parts.append(Message(warnings == 1 ? "report.warnings.one" : "report.warnings", ["count": .number(warnings)])) }
        if notes > 0 { parts.append(Message(notes == 1 ? "report.notes.one" : "report.notes", ["count": .number(notes)])) }
        return Message("report.summary", [
            "files": .message(Message(files == 1 ? "report.files.one" : "report.files", ["count": .number(files)])),
            "findings": parts.isEmpty ? .message(Message("report.no-problems")) : .messages(parts, .and),
        ])
    }
}
