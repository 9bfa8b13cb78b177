import Foundation
import StdKitSyntax

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, which the
/// runner turns into annotations on the pull request. Notes and hints follow in the message.
public struct GitHubReporter: Sendable {
    public init() {}

    public func report(_ result: CheckResult) -> String {
        var output = ""
        for diagnostic in result.diagnostics {
            let command: String
            switch diagnostic.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .note: command = "notice"
            }
            var message = diagnostic.message
            if let hint = diagnostic.hint { message += "\nhint: \(hint)" }
            for note in diagnostic.notes {
                message += "\n\(note.file):\(note.location.line):\(note.location.column): \(note.message)"
            }
            output += "::\(command) file=\(Self.property(diagnostic.file)),line=\(diagnostic.location.line),"
            output += "col=\(diagnostic.location.column),title=\(Self.property(diagnostic.rule))::\(Self.data(message))\n"
        }
        output += TextReporter().summary(result) + "\n"
        return output
    }

    /// Escapes the message of a workflow command.
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes a property of a workflow command.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
