import StdKitModel
import StdKitSyntax

/// A project's own kind schema that cannot be read.
struct SchemaInvalid: LoadTimeRule {
    let description = RuleDescription(
        id: "schema-invalid", family: .syntax, scope: .document,
        summary: "a kind schema of the project is invalid",
        explanation: """
            A file in the project's `schemas/` folder defines or overrides a document kind. It must \
            name its `kind` and give each field a known type (string, integer, number, boolean, date, \
            id, version, party, reference, enum, list, mapping, semesters, any).
            """)
}
