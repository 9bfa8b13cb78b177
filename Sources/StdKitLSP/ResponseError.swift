/// A request's failure as JSON-RPC and the Language Server Protocol number it.
public struct ResponseError: Error, Sendable, Hashable, Codable {
    public var code: Int
    public var message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    /// The body is not JSON.
    public static let parseError = -32700
    /// JSON, but not a request or notification (no method, an id that is neither number nor string).
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let internalError = -32603
    /// A request before `initialize`.
    public static let serverNotInitialized = -32002
    /// The client cancelled the request before it was answered.
    public static let requestCancelled = -32800
    /// The request was valid but could not be done (a rename to a taken id).
    public static let requestFailed = -32803
}
