import StdKitModel
import StdKitSyntax

/// Input beyond what stdkit reads safely.
struct ResourceLimit: LoadTimeRule {
    let description = RuleDescription(
        id: "resource-limit", family: .syntax,
        summary: "a file exceeds a resource limit",
        explanation: """
            Some input would take unbounded time or memory: YAML aliases that expand to more than \
            100,000 nodes ("billion laughs"). Such input is rejected rather than processed.
            """)
}
