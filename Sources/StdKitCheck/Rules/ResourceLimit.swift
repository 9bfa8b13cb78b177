import StdKitModel
import StdKitSyntax

/// Input beyond what stdkit reads safely.
struct ResourceLimit: LoadTimeRule {
    let description = RuleDescription(
        id: "resource-limit", family: .syntax, scope: .document,
        summary: "a file exceeds a resource limit",
        explanation: """
            Some input would take unbounded time or memory, so it is reported and left out rather \
            than processed. The limits, each settable under `limits` in stdkit.yml: a file larger \
            than `file_size_mb` (5) is not read; a table row of more than `table_columns` (200) \
            cells is left out (cmark-gfm's time grows with the square of a row's cells); front matter \
            whose aliases expand to more than `yaml_nodes` (100,000) YAML nodes ("billion \
            laughs") is not read, and so is front matter nested more than 1,000 levels deep \
            (libyaml's fixed bound); a project of more than `documents` (200,000) documents is read \
            up to that many, by path. (Markdown nested deeper than `nesting_depth` is valid and \
            kept whole, its formatting flattened: `markdown-flattened`.)
            """)
}
