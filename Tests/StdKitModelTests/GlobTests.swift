import Testing
@testable import StdKitModel

@Suite("Glob patterns")
struct GlobTests {
    @Test(arguments: [
        ("**/*.md", "a.md", true),
        ("**/*.md", "jobs/a.md", true),
        ("**/*.md", "a/b/c/标准.md", true),
        ("**/*.md", "a.mdx", false),
        ("*.md", "jobs/a.md", false),
        ("_site/**", "_site/index.md", true),
        ("_site/**", "_site", true),
        ("_site/**", "site/x.md", false),
        ("README.md", "README.md", true),
        ("README.md", "jobs/README.md", false),
        ("jobs/?.md", "jobs/a.md", true),
        ("jobs/?.md", "jobs/ab.md", false),
        ("**/drafts/**", "x/drafts/y/z.md", true),
    ])
    func matching(pattern: String, path: String, matches: Bool) {
        #expect(Glob(pattern).matches(path) == matches)
    }
}

@Suite("Glob patterns against their definition")
struct GlobDefinitionTests {
    /// The definition, on Unicode scalars: `*` any run of characters within a segment, `?` one
    /// character, `**` any number of segments.
    static func reference(_ pattern: String, _ path: String) -> Bool {
        func segment(_ p: ArraySlice<Unicode.Scalar>, _ t: ArraySlice<Unicode.Scalar>) -> Bool {
            guard let head = p.first else { return t.isEmpty }
            if head == "*" { return (0...t.count).contains { segment(p.dropFirst(), t.dropFirst($0)) } }
            if head == "?" { return !t.isEmpty && segment(p.dropFirst(), t.dropFirst()) }
            return t.first == head && segment(p.dropFirst(), t.dropFirst())
        }
        func parts(_ p: ArraySlice<Substring>, _ t: ArraySlice<Substring>) -> Bool {
            guard let head = p.first else { return t.isEmpty }
            if head == "**" { return (0...t.count).contains { parts(p.dropFirst(), t.dropFirst($0)) } }
            guard let first = t.first, segment(Array(head.unicodeScalars)[...], Array(first.unicodeScalars)[...]) else { return false }
            return parts(p.dropFirst(), t.dropFirst())
        }
        return parts(pattern.split(separator: "/")[...], path.split(separator: "/")[...])
    }

    /// Matching runs on bytes; on random patterns and paths of ASCII, Chinese and accented
    /// characters it gives what the definition gives.
    @Test func bytesMatchTheDefinition() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ count: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(count))
        }
        let characters = ["a", "b", "中", "文", "é", ".", "md"]
        let patternPieces = characters + ["*", "?", "*", "?"]
        func segment(_ pieces: [String]) -> String { (0..<(1 + next(4))).map { _ in pieces[next(pieces.count)] }.joined() }
        var matched = 0
        for _ in 0..<5_000 {
            let pattern = (0..<(1 + next(3))).map { _ in next(5) == 0 ? "**" : segment(patternPieces) }.joined(separator: "/")
            let path = (0..<(1 + next(3))).map { _ in segment(characters) }.joined(separator: "/")
            let expected = Self.reference(pattern, path)
            #expect(Glob(pattern).matches(path) == expected, "\(pattern) on \(path)")
            if expected { matched += 1 }
        }
        #expect(matched > 200, "many cases match, not only none")
    }
}
