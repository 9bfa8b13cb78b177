import Foundation
import StdKitSyntax

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, which the
/// runner turns into annotations on the pull request. Notes and hints follow in the message,
/// all in `language`.
public struct GitHubReporter: Sendable {
    public var language: Language

    public init(language: Language = .en) {
        self.language = language
    }

    public func report(_ result: CheckResult) -> String {
        var output = ""
        for diagnostic in result.diagnostics {
            let command: String
            switch diagnostic.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .note: command = "notice"
            }
            var message = diagnostic.message.text(in: language)
            if let hint = diagnostic.hint { message += "\n" + Message("report.hint", ["hint": .message(hint)]).text(in: language) }
            for note in diagnostic.notes {
                message += "\n\(note.file):\(note.location.line):\(note.location.column): \(note.message.text(in: language))"
            }
            output += "::\(command) file=\(Self.property(diagnostic.file)),line=\(diagnostic.location.line),"
            output += "col=\(diagnostic.location.column),title=\(Self.property(diagnostic.rule))::\(Self.data(message))\n"
        }
        output += TextReporter(language: language).summary(result) + "\n"
        return output
    }

    /// Escapes the message of a workflow command (by bytes: `"\r\n"` is one `Character`, which a
    /// replacement of `"\n"` would not find, and a line break left in would end the command).
    static let data = ASCIIEscaper(["%": "%25", "\r": "%0D", "\n": "%0A"])

    /// Escapes a property of a workflow command.
    static let property = ASCIIEscaper(["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
}
