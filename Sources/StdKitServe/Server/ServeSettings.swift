import Foundation
import StdKitSyntax

/// How a `stdkit serve` process answers: where it listens, whether it lets browsers write, the
/// session token that proves a browser was given the start-up address, and the interface's
/// language.
public struct ServeSettings: Sendable {
    /// The address to listen on (127.0.0.1 unless `--host`).
    public var host: String
    /// The port (0: any free port, told once the server runs).
    public var port: Int
    /// `--edit`: writes allowed on an address other than the loopback.
    public var editOnAnyHost: Bool
    /// The session token: 32 hex digits, new for each process.
    public var token: String
    /// The language of the interface and of error messages.
    public var language: Language

    public init(host: String = "127.0.0.1", port: Int = 8000, editOnAnyHost: Bool = false, token: String = ServeSettings.newToken(), language: Language) {
        self.host = host
        self.port = port
        self.editOnAnyHost = editOnAnyHost
        self.token = token
        self.language = language
    }

    /// Whether `host` is an address only this machine reaches.
    public var isLoopback: Bool {
        ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased()) || host.hasPrefix("127.")
    }

    /// Whether a browser holding the token may change the project: always on the loopback;
    /// elsewhere only with `--edit` (DESIGN §16).
    public var allowsWrites: Bool { isLoopback || editOnAnyHost }

    /// 16 random bytes as 32 lowercase hex digits, from the system's generator.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// The host as written in a URL (an IPv6 address in brackets).
    var urlHost: String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }

    /// The origins the server is reached at on `port`: its host, and on the loopback the other
    /// names of this machine a browser may use.
    func origins(port: Int) -> Set<String> {
        var hosts = [urlHost]
        if isLoopback { hosts += ["127.0.0.1", "localhost", "[::1]"] }
        return Set(hosts.map { "http://\($0.lowercased()):\(port)" })
    }

    /// The address printed at start: the token in the query, which the server turns into a cookie.
    public func startURL(port: Int) -> String {
        "http://\(urlHost):\(port)/?token=\(token)"
    }
}
