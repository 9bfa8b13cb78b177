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
