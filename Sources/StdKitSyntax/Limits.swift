/// Bounds on input that would otherwise take unbounded time or memory, set in `stdkit.yml`
/// under `limits` (docs/format.md). Input beyond them is reported (`resource-limit`) and left
/// out, never processed.
public struct Limits: Sendable, Hashable {
    /// The largest file read, in bytes (`file_size_mb`, default 5 MB).
    public var fileSize = 5 * 1024 * 1024
    /// The most cells a table row may have (`table_columns`, default 200): cmark-gfm's time grows
    /// with the square of a row's cells (20,000 take seconds), so wider rows never reach it.
    public var tableColumns = 200
    /// The deepest nesting of blocks and inlines kept (`nesting_depth`, default 100): deeper
    /// formatting is flattened (its text kept, `markdown-flattened`), so that nothing walking
    /// the tree can exhaust its stack.
    public var nestingDepth = 100
    /// The most YAML nodes a front matter may expand to (`yaml_nodes`, default 100,000:
    /// "billion laughs").
    public var yamlNodes = YAMLReader.defaultNodeLimit
    /// The most documents a project may hold (`documents`, default 200,000).
    public var documents = 200_000

    public init() {}
}
