import StdKitModel
import StdKitSyntax

/// A project's own kind schema that cannot be read.
struct SchemaInvalid: LoadTimeRule {
    let description = RuleDescription(
        id: "schema-invalid", family: .syntax, scope: .document)
}
