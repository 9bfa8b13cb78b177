import StdKitSyntax

extension Diagnostic {
    /// The rules whose fixes edit only the reference the finding is at: the reference's text
    /// is one of its document's outward facts, so when the finding is kept and moved (the
    /// incremental check, the editor's live check) its fixes move with it, column for column.
    static let rulesFixingTheirReference: Set<String> = ["unresolved-reference", "withdrawn-reference"]

    /// The finding, kept from before while `changed` files were edited, with its fixes carried
    /// from the finding's old place `old` to its place now; nil when a fix edits a changed file
    /// where nothing says how its text moved (a link's destination lies after its text, which
    /// no fact records), and the finding must be found again.
    func carryingFixes(from old: SourceLocation, changed: (String) -> Bool) -> Diagnostic? {
        guard fixes.contains(where: { $0.edits.contains { changed($0.file) } }) else { return self }
        guard Self.rulesFixingTheirReference.contains(rule) else { return nil }
        var moved = self
        for fix in moved.fixes.indices {
            for index in moved.fixes[fix].edits.indices {
                let edit = moved.fixes[fix].edits[index]
                guard changed(edit.file) else { continue }
                guard edit.file == file, edit.range.lowerBound.line == old.line, edit.range.upperBound.line == old.line else { return nil }
                let start = SourceLocation(line: location.line, column: edit.range.lowerBound.column - old.column + location.column)
                let end = SourceLocation(line: location.line, column: edit.range.upperBound.column - old.column + location.column)
                moved.fixes[fix].edits[index].range = start..<end
            }
        }
        return moved
    }
}
