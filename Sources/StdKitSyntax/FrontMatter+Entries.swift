/// The top-level entries of a front matter, each with its exact text, for the code that rewrites
/// or leaves out single entries and must keep everything else byte for byte (approvals, the
/// content digest).
extension FrontMatter {
    /// One top-level entry: its key, the key's place, its value, and its lines as written.
    public struct Entry: Sendable, Equatable {
        public var key: String
        /// Where the key is written in the file.
        public var keyLocation: SourceLocation
        public var node: YAMLNode
        /// The entry's lines as written, from its key's line to the next key's line (comments
        /// and blank lines after a value belong to it), line endings included.
        public var text: String

        /// The file line of the key.
        public var line: Int { keyLocation.line }
    }

    /// The lines between the delimiters split at the entries.
    public struct Entries: Sendable, Equatable {
        /// Comments and blank lines before the first key, as written.
        public var header: String
        public var entries: [Entry]

        public subscript(key: String) -> Entry? { entries.first { $0.key == key } }
    }

    /// The entries of the front matter whose YAML reads as `result` (from `read`: each reader
    /// reads the YAML once and passes the root on); nil unless the front matter is closed and
    /// reads without a diagnostic as a mapping (or nothing) of distinct scalar keys, each on a
    /// line of its own after the previous one. `firstLine` is the line `result` counts the
    /// YAML's first line as: the file's by default, 1 for a reader that counts from the YAML
    /// (the merge, whose conflicts are placed relative to the front matter).
    public func entries(of result: YAMLReader.Result, firstLine: Int? = nil) -> Entries? {
        let yamlFirstLine = firstLine ?? self.yamlFirstLine
        guard state == .closed, result.diagnostics.isEmpty else { return nil }
        guard result.root == nil || result.root?.mapping != nil else { return nil }
        let pairs = result.root?.mapping ?? []
        var lines: [Substring] = []
        var reader = LineReader(String(content))
        while let line = reader.next() { lines.append(reader.text[line.content.startIndex..<line.ending.endIndex]) }
        let starts = pairs.map { $0.key.location.line - yamlFirstLine }
        guard starts.allSatisfy({ $0 >= 0 && $0 < lines.count }), starts == starts.sorted(), Set(starts).count == starts.count else { return nil }
        var entries: [Entry] = []
        for (index, pair) in pairs.enumerated() {
            // A key written twice, or a key that is not a scalar, cannot be told apart by key.
            guard let key = pair.key.scalar, !entries.contains(where: { $0.key == key }) else { return nil }
            let end = index + 1 < starts.count ? starts[index + 1] : lines.count
            entries.append(Entry(key: key, keyLocation: pair.key.location, node: pair.value, text: lines[starts[index]..<end].joined()))
        }
        return Entries(header: lines[0..<(starts.first ?? lines.count)].joined(), entries: entries)
    }

    /// The entries, reading the YAML here (for a caller that has not read it already).
    public func entries(file: String) -> Entries? {
        read(file: file).flatMap { entries(of: $0) }
    }
}
