import HTTPTypes
import Hummingbird
import StdKitSyntax

/// An answer of the API that is not a success: its status, a kebab-case code a script can test,
/// and a message in the project's language — always sent as
/// `{"error":{"code":…,"message":…}}`, with whatever else the answer carries (a stale save's
/// merge) beside `error`.
struct APIFailure: Error, Sendable {
    var status: HTTPResponse.Status
    var code: String
    var message: Message
    /// Fields beside `error` (`merged` and `current` of a stale save).
    var extra: [(String, ServeJSON)] = []

    static func forbidden() -> APIFailure { APIFailure(status: .forbidden, code: "forbidden", message: .serveForbidden()) }
    static func readOnly() -> APIFailure { APIFailure(status: .forbidden, code: "read-only", message: .serveReadOnly()) }
    static func tooLarge(limit: Int) -> APIFailure { APIFailure(status: .contentTooLarge, code: "too-large", message: .serveTooLarge(limit: limit)) }
    static func badJSON() -> APIFailure { APIFailure(status: .badRequest, code: "bad-json", message: .serveBadJSON()) }
    static func missingField(_ field: String) -> APIFailure { APIFailure(status: .badRequest, code: "bad-json", message: .serveMissingField(field)) }
    static func invalidUTF8() -> APIFailure { APIFailure(status: .unprocessableContent, code: "invalid-text", message: .serveInvalidUTF8()) }
    static func notFound(_ path: String) -> APIFailure { APIFailure(status: .notFound, code: "not-found", message: .serveNotFound(path)) }
    static func methodNotAllowed(_ method: String, _ path: String) -> APIFailure {
        APIFailure(status: .methodNotAllowed, code: "method-not-allowed", message: .serveMethodNotAllowed(method, path))
    }
    static func internalError() -> APIFailure { APIFailure(status: .internalServerError, code: "io", message: .serveInternal()) }

    /// The status of each of the editing core's error codes (docs/serve.md lists them).
    static func status(ofEditCode code: String) -> HTTPResponse.Status {
        switch code {
        case "not-found": .notFound
        case "id-taken", "nothing-to-commit": .conflict
        case "too-large": .contentTooLarge
        case "not-a-repository": .badRequest
        case "unknown-kind", "malformed-id", "unknown-party", "invalid-text", "missing-value", "unchangeable": .unprocessableContent
        default: .internalServerError
        }
    }

    /// The JSON body.
    func body(in language: Language) -> ServeJSON {
        .object([("error", .object([("code", .string(code)), ("message", .string(message.text(in: language)))]))] + extra)
    }
}

extension APIFailure {
    static func badPath() -> APIFailure { APIFailure(status: .badRequest, code: "bad-path", message: .serveBadPath()) }
    static func wrongHost(_ host: String, address: String) -> APIFailure {
        APIFailure(status: .misdirectedRequest, code: "wrong-host", message: .serveWrongHost(host, address: address))
    }
}
