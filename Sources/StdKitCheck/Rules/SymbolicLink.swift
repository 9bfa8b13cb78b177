import StdKitModel
import StdKitSyntax

/// A symbolic link in the project folder: not followed.
struct SymbolicLink: LoadTimeRule {
    let description = RuleDescription(
        id: "symbolic-link", family: .syntax, scope: .document, severity: .warning)
}
