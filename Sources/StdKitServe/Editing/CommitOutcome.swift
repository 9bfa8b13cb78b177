/// A commit made by 提交 (`POST /api/commit`): its sha and the files it recorded (relative to
/// the project folder).
public struct CommitOutcome: Sendable, Codable, Hashable {
    public var commit: String
    public var files: [String]

    public init(commit: String, files: [String]) {
        self.commit = commit
        self.files = files
    }
}
