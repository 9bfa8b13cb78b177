import StdKitSyntax

/// CriticMarkup of a document's change (`{++added++}`, `{--removed--}`, `{~~old~>new~~}`), for
/// reviewers who read changes in a Markdown editor rather than in git.
public enum CriticMarkup {
    /// The new text with the change from `old` marked: line by line, and word by word where a
    /// line was changed rather than added or removed.
    public static func render(old: String, new: String) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let (removed, inserted) = a.editOffsets(to: b)
        var output: [String] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            var gone: [String] = []
            var come: [String] = []
            while i < a.count, removed.contains(i) { gone.append(a[i]); i += 1 }
            while j < b.count, inserted.contains(j) { come.append(b[j]); j += 1 }
            if !gone.isEmpty || !come.isEmpty {
                output += hunk(gone, come)
                continue
            }
            if j < b.count { output.append(b[j]) }
            i += 1
            j += 1
        }
        return output.joined(separator: "\n")
    }

    private static func hunk(_ gone: [String], _ come: [String]) -> [String] {
        if gone.isEmpty { return ["{++" + come.joined(separator: "\n") + "++}"] }
        if come.isEmpty { return ["{--" + gone.joined(separator: "\n") + "--}"] }
        guard gone.count == come.count else {
            return ["{~~" + gone.joined(separator: "\n") + "~>" + come.joined(separator: "\n") + "~~}"]
        }
        return zip(gone, come).map { old, new in words(old, new) }
    }

    /// One changed line, word by word; a removal followed by an addition is a substitution.
    static func words(_ old: String, _ new: String) -> String {
        let segments = WordDiff(old: old, new: new).segments
        var result = ""
        var index = 0
        while index < segments.count {
            let segment = segments[index]
            let lead = segment.text.prefix { $0 == " " }
            let text = segment.text.dropFirst(lead.count)
            switch segment.kind {
            case .same:
                result += segment.text
            case .removed:
                if index + 1 < segments.count, segments[index + 1].kind == .added {
                    let next = segments[index + 1].text
                    result += lead + "{~~" + text + "~>" + next.drop(while: { $0 == " " }) + "~~}"
                    index += 1
                } else {
                    result += lead + "{--" + text + "--}"
                }
            case .added:
                result += lead + "{++" + text + "++}"
            }
            index += 1
        }
        // Keep the line's own indentation, which word tokens fold away.
        let indentation = new.prefix { $0 == " " || $0 == "\t" }
        return String(indentation) + String(result.drop(while: { $0 == " " }))
    }
}
