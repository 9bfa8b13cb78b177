import StdKitModel
import StdKitSyntax

/// A symbolic link in the project folder: not followed.
struct SymbolicLink: LoadTimeRule {
    let description = RuleDescription(
        id: "symbolic-link", family: .syntax, scope: .document, severity: .warning,
        summary: "a symbolic link is not followed",
        explanation: """
            stdkit reads the files of the project folder itself and never follows a symbolic \
            link: a link can loop back into the folder, or lead outside the project to files no \
            party meant to publish. Each link that `exclude` does not exclude is named, so that \
            nothing is skipped silently; put the file or folder itself in the project, or \
            exclude the link.
            """)
}
