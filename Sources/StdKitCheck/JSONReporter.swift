import Foundation
import StdKitSyntax

/// The versioned JSON envelope of DESIGN §4.1. Its own Codable types, not the internal model.
/// Messages, hints and notes are in `language`; keys, rule ids and paths never change.
public struct JSONReporter: Sendable {
    /// The envelope as a value, for a command that puts findings inside its own JSON
    /// (`stdkit upstream diff`'s findings after updating).
    public struct Envelope: Encodable {
        var version = "1"
        var diagnostics: [Entry]
        var summary: Summary
    }

    public struct Entry: Encodable {
        var rule: String
        var severity: String
        var file: String
        var line: Int
        var column: Int
        var message: String
        var notes: [NoteEntry]
        var hint: String?
        /// The edits that fix the finding, where the check can tell them; left out when none
        /// (as `hint`), so that the envelope of a check without fixes is as it was.
        var fixes: [FixEntry]?
    }

    /// A fix: its title in the language and its edits, each replacing the text from `line`:
    /// `column` up to `endLine`:`endColumn` (exclusive; columns in characters, as everywhere)
    /// by `text`.
    public struct FixEntry: Encodable {
        var title: String
        var edits: [EditEntry]
    }

    public struct EditEntry: Encodable {
        var file: String
        var line: Int
        var column: Int
        var endLine: Int
        var endColumn: Int
        var text: String
    }

    public struct NoteEntry: Encodable {
        var file: String
        var line: Int
        var column: Int
        var message: String
    }

    public struct Summary: Encodable {
        var errors: Int
        var warnings: Int
        var notes: Int
        var files: Int
    }

    public var language: Language

    public init(language: Language = .en) {
        self.language = language
    }

    public func report(_ result: CheckResult) -> String {
        JSONOutput.encode(envelope(result)) + "\n"
    }

    /// The findings of `result` in the envelope's shape.
    public func envelope(_ result: CheckResult) -> Envelope {
        let entries = result.diagnostics.map { diagnostic in
            Entry(rule: diagnostic.rule, severity: diagnostic.severity.rawValue, file: diagnostic.file,
                  line: diagnostic.location.line, column: diagnostic.location.column, message: diagnostic.message.text(in: language),
                  notes: diagnostic.notes.map {
                      NoteEntry(file: $0.file, line: $0.location.line, column: $0.location.column, message: $0.message.text(in: language))
                  },
                  hint: diagnostic.hint?.text(in: language),
                  fixes: diagnostic.fixes.isEmpty ? nil : diagnostic.fixes.map { fix in
                      FixEntry(title: fix.title.text(in: language), edits: fix.edits.map {
                          EditEntry(file: $0.file, line: $0.range.lowerBound.line, column: $0.range.lowerBound.column,
                                    endLine: $0.range.upperBound.line, endColumn: $0.range.upperBound.column, text: $0.text)
                      })
                  })
        }
        return Envelope(diagnostics: entries, summary: Summary(
            errors: result.count(.error), warnings: result.count(.warning), notes: result.noteCount, files: result.fileCount))
    }
}

