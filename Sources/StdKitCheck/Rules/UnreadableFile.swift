import StdKitModel
import StdKitSyntax

/// A file the settings include cannot be read (permissions, a broken link).
struct UnreadableFile: LoadTimeRule {
    let description = RuleDescription(
        id: "unreadable-file", family: .syntax, scope: .document,
        summary: "a file cannot be read",
        explanation: """
            A file that `include` selects could not be opened or read, so nothing in it is checked. \
            Check that it exists and that you may read it. The other files are checked regardless.
            """)
}
