/// A save against a base the disk has moved on from (`409 stale-base`): the three-way merge of
/// the base, the author's text and the disk's, and the disk's text and digest — the base of the
/// next save once the author has resolved the merge.
public struct Stale: Sendable, Codable, Hashable {
    /// The merge of base, ours (the request's text) and theirs (the disk's).
    public struct MergedText: Sendable, Codable, Hashable {
        public var text: String
        public var conflicts: [Conflict]
        /// Why the structured merge was not used (or the base was unknown), nil when it was.
        public var fallback: String?
        public var notes: [String]

        public init(text: String, conflicts: [Conflict], fallback: String?, notes: [String]) {
            self.text = text
            self.conflicts = conflicts
            self.fallback = fallback
            self.notes = notes
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(text, forKey: .text)
            try container.encode(conflicts, forKey: .conflicts)
            try container.encode(fallback, forKey: .fallback)
            try container.encode(notes, forKey: .notes)
        }
    }

    /// A conflict left in the merged text: the 1-based line of its `<<<<<<<` marker and where it
    /// is ("课程目标 › LO3").
    public struct Conflict: Sendable, Codable, Hashable {
        public var line: Int
        public var place: String

        public init(line: Int, place: String) {
            self.line = line
            self.place = place
        }
    }

    /// The file as it is on disk now.
    public struct CurrentText: Sendable, Codable, Hashable {
        public var text: String
        public var digest: String

        public init(text: String, digest: String) {
            self.text = text
            self.digest = digest
        }
    }

    public var merged: MergedText
    public var current: CurrentText

    public init(merged: MergedText, current: CurrentText) {
        self.merged = merged
        self.current = current
    }
}
