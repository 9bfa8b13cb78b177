import StdKitSyntax

/// Compiler-style text: `file:line:column: severity: message [rule]`, then the source line with
/// a caret under the column, an indented hint, notes in the same form, and a one-line summary.
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

        func severity(_ severity: Severity) -> String {
            switch severity {
            case .error: apply("1;31", "error")
            case .warning: apply("1;33", "warning")
            case .note: apply("1;36", "note")
            }
        }

        func bold(_ text: String) -> String { apply("1", text) }
        func caret(_ text: String) -> String { apply("1;32", text) }
        func faint(_ text: String) -> String { apply("2", text) }
    }

    public var style: Style
    /// The texts the findings' lines are quoted from.
    public var sourceTexts: SourceTexts?

    public init(style: Style = .plain, sourceTexts: SourceTexts? = nil) {
        self.style = style
        self.sourceTexts = sourceTexts
    }

    public func report(_ result: CheckResult) -> String {
        var output = ""
        // The lines of the file being reported, indexed once: findings come file by file, a
        // file can hold thousands, and only one file's index is held at a time.
        var current: (file: String, source: SourceText?)?
        for diagnostic in result.diagnostics {
            output += style.bold("\(diagnostic.file):\(diagnostic.location.line):\(diagnostic.location.column):") + " "
            output += "\(style.severity(diagnostic.severity)): \(style.bold(diagnostic.message)) [\(diagnostic.rule)]\n"
            if current?.file != diagnostic.file {
                current = (diagnostic.file, sourceTexts?(diagnostic.file).map(SourceText.init))
            }
            if let line = current?.source?.line(diagnostic.location.line) {
                output += snippet(line, number: diagnostic.location.line, column: diagnostic.location.column)
            }
            if let hint = diagnostic.hint {
                output += "    hint: \(hint)\n"
            }
            for note in diagnostic.notes {
                output += style.bold("\(note.file):\(note.location.line):\(note.location.column):") + " \(style.severity(.note)): \(note.message)\n"
            }
        }
        output += summary(result) + "\n"
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
        let files = result.fileCount == 1 ? "1 file" : "\(result.fileCount) files"
        var parts: [String] = []
        for (severity, word) in [(Severity.error, "error"), (.warning, "warning"), (.note, "note")] {
            let count = result.count(severity)
            if count > 0 { parts.append("\(count) \(word)\(count == 1 ? "" : "s")") }
        }
        return "checked \(files): " + (parts.isEmpty ? "no problems" : parts.joined(separator: ", "))
    }
}
