import StdKitModel
import StdKitSyntax

/// Input beyond what stdkit reads safely.
struct ResourceLimit: LoadTimeRule {
    let description = RuleDescription(
        id: "resource-limit", family: .syntax, scope: .document)
}
