import HTTPTypes
import Hummingbird

/// Who may change the project (DESIGN §16, docs/serve.md "Safety"). A write must carry the
/// session token twice — in the `X-Stdkit-Token` header, which a page of another site cannot set
/// without a preflight we never answer, and in the `stdkit_token` cookie, which only a browser
/// given the start-up address holds (`SameSite=Strict`: never sent from another site) — and must
/// not come from another origin (`Origin`, `Sec-Fetch-Site`, when the browser sends them). On an
/// address other than the loopback nothing is written unless the server was started with `--edit`.
struct RequestGuard: Sendable {
    var settings: ServeSettings
    /// The port the server listens on (known once it runs, for the origin it answers at).
    var port: Int

    static let tokenHeader = HTTPField.Name("X-Stdkit-Token")!
    static let fetchSiteHeader = HTTPField.Name("Sec-Fetch-Site")!
    static let cookieName = "stdkit_token"

    /// Whether `request` holds the session's cookie: pages then carry the token for the editor.
    func holdsCookie(_ request: Request) -> Bool {
        guard let cookie = request.cookies[Self.cookieName]?.value else { return false }
        return Self.same(cookie, settings.token)
    }

    /// Whether pages answered to `request` may offer editing (and carry the token).
    func mayEdit(_ request: Request) -> Bool {
        settings.allowsWrites && holdsCookie(request)
    }

    /// Throws the refusal of a write that is not allowed; returns when it is.
    func checkWrite(_ request: Request) throws(APIFailure) {
        guard settings.allowsWrites else { throw .readOnly() }
        guard let header = request.headers[Self.tokenHeader], Self.same(header, settings.token), holdsCookie(request) else {
            throw .forbidden()
        }
        if let origin = request.headers[.origin], !settings.origins(port: port).contains(origin.lowercased()) {
            throw .forbidden()
        }
        if let site = request.headers[Self.fetchSiteHeader], site.lowercased() != "same-origin" {
            throw .forbidden()
        }
    }

    /// Throws the refusal of a request that names another host than this server, when it listens
    /// on the loopback. A page of another site can have its own name resolve to 127.0.0.1 a moment
    /// after it loaded (DNS rebinding): the browser then sends that page's requests here as
    /// same-origin for *its* name, and could read the project. It cannot change the `Host` it
    /// sends, so only the names of this machine are answered. A request without `Host` (HTTP/1.0)
    /// comes from no browser and is answered. On another address the names people use are not
    /// known, and the server is read-only there unless `--edit`.
    func checkHost(_ request: Request) throws(APIFailure) {
        guard settings.isLoopback, let authority = request.head.authority else { return }
        let name = Self.hostName(of: authority)
        guard Self.isLoopbackName(name) || name == settings.urlHost.lowercased() else {
            throw .wrongHost(authority, address: "http://\(settings.urlHost):\(port)")
        }
    }

    /// The name of `authority` without its port, lowercased: `[::1]:8000` → `[::1]`.
    static func hostName(of authority: String) -> String {
        let lowered = authority.lowercased()
        if lowered.hasPrefix("[") {
            return lowered.firstIndex(of: "]").map { String(lowered[...$0]) } ?? lowered
        }
        return lowered.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? lowered
    }

    /// Names that reach only this machine and that no other site can make its own: the IPv4
    /// loopback block, `[::1]`, and `localhost` with its subdomains (RFC 6761; browsers resolve
    /// them to the loopback themselves).
    static func isLoopbackName(_ name: String) -> Bool {
        if name == "localhost" || name.hasSuffix(".localhost") || name == "[::1]" { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) && (Int(part) ?? 256) <= 255
        }
    }

    /// Compares in time independent of where the texts differ, so that the token cannot be
    /// guessed a digit at a time.
    static func same(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }

    /// The `Set-Cookie` value that keeps the token in the browser for this session.
    var cookieHeader: String {
        "\(Self.cookieName)=\(settings.token); HttpOnly; SameSite=Strict; Path=/"
    }
}
