import StdKitModel
import StdKitSyntax

/// A file the settings include cannot be read (permissions, a broken link).
struct UnreadableFile: LoadTimeRule {
    let description = RuleDescription(
        id: "unreadable-file", family: .syntax, scope: .document)
}
