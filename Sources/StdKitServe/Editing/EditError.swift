import StdKitSyntax

/// Why an edit was refused, by a code the HTTP API answers (`{"error":{"code":…}}`) and a
/// message in the project's language that says what to do.
public struct EditError: Error, Sendable {
    /// What went wrong, in the API's kebab-case.
    public enum Code: String, Sendable, Codable {
        case notFound = "not-found"
        case idTaken = "id-taken"
        case unknownKind = "unknown-kind"
        case malformedID = "malformed-id"
        case unknownParty = "unknown-party"
        case invalidText = "invalid-text"
        case tooLarge = "too-large"
        case notARepository = "not-a-repository"
        case nothingToCommit = "nothing-to-commit"
        case missingValue = "missing-value"
        case unchangeable
        case io
    }

    public var code: Code
    public var message: Message

    public init(_ code: Code, _ message: Message) {
        self.code = code
        self.message = message
    }
}
