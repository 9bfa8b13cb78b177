import StdKitSyntax

/// Compiler-style text: `file:line:column: severity: message [rule]`, notes on their own lines
/// in the same form after an indented hint, then a one-line summary.
public struct TextReporter: Sendable {
    public init() {}

    public func report(_ result: CheckResult) -> String {
        var output = ""
        for diagnostic in result.diagnostics {
            output += "\(diagnostic.file):\(diagnostic.location.line):\(diagnostic.location.column): "
            output += "\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.rule)]\n"
            if let hint = diagnostic.hint {
                output += "    hint: \(hint)\n"
            }
            for note in diagnostic.notes {
                output += "\(note.file):\(note.location.line):\(note.location.column): note: \(note.message)\n"
            }
        }
        output += summary(result) + "\n"
        return output
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
