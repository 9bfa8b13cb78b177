import Foundation
import HTTPTypes
import Hummingbird
import StdKitModel
import StdKitSyntax

/// Every request of `stdkit serve`, routed by its method and path (docs/serve.md lists them).
/// One responder of our own rather than Hummingbird's router: the site's paths are any path,
/// and each one is checked for `..` after percent-decoding, before anything is looked up.
struct ServeResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let server: StdKitServer

    var language: Language { server.settings.language }

    func respond(to request: Request, context: Context) async throws -> Response {
        let raw = request.uri.path
        let isAPI = raw.hasPrefix("/api/") || raw == "/api" || raw == "/events"
        do {
            // Before anything is read or looked up: see `checkHost`.
            try server.requestGuard.checkHost(request)
            guard let path = Self.decodedPath(raw) else { throw APIFailure.badPath() }
            if Self.isWrite(request.method) {
                // Checked before anything else: a refused write reads no body and changes nothing.
                try server.requestGuard.checkWrite(request)
            }
            if isAPI { return try await api(request, path: path) }
            return try await page(request, path: path)
        } catch let failure as APIFailure {
            return isAPI || Self.isWrite(request.method) ? json(failure) : htmlFailure(failure)
        } catch {
            return isAPI ? json(.internalError()) : htmlFailure(.internalError())
        }
    }

    static func isWrite(_ method: HTTPRequest.Method) -> Bool {
        method != .get && method != .head && method != .options
    }

    /// The request's path percent-decoded, nil when it could name something outside the site:
    /// a `..` or `.` segment (in any encoding, since it is decoded first), a backslash, a NUL,
    /// or bytes that are not UTF-8.
    static func decodedPath(_ raw: String) -> String? {
        guard raw.hasPrefix("/"), let decoded = raw.removingPercentEncoding else { return nil }
        guard !decoded.contains("\\"), !decoded.contains("\0"), !decoded.contains("//") else { return nil }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        return decoded
    }

    // MARK: Pages

    private func page(_ request: Request, path: String) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            throw APIFailure.methodNotAllowed(request.method.rawValue, path)
        }
        // The start-up address: the token becomes a cookie, and the address is shown without it.
        if let token = request.uri.queryParameters["token"] {
            var headers = HTTPFields()
            headers[.location] = path
            headers[.cacheControl] = "no-store"
            if RequestGuard.same(String(token), server.settings.token) {
                headers[.setCookie] = server.requestGuard.cookieHeader
            }
            return Response(status: .seeOther, headers: headers)
        }
        if path.hasPrefix("/_stdkit/") { return try await ownPage(request, name: String(path.dropFirst("/_stdkit/".count))) }
        var sitePath = String(path.dropFirst())
        if sitePath.isEmpty || sitePath.hasSuffix("/") { sitePath += "index.html" }
        switch await server.site.file(at: sitePath) {
        case .missing:
            throw APIFailure.notFound(path)
        case .failed(let reason):
            return Response(status: .internalServerError, headers: Self.headers(type: "text/plain; charset=utf-8"), body: Self.body(reason + "\n"))
        case .file(let data, let document):
            let type = Self.contentType(of: sitePath)
            guard type.hasPrefix("text/html") else { return Response(status: .ok, headers: Self.headers(type: type), body: Self.body(data)) }
            let html = await decorate(String(decoding: data, as: UTF8.self), request: request, documentPath: document)
            return Response(status: .ok, headers: Self.headers(type: type), body: Self.body(html))
        }
    }

    /// The page with the bar, the meta tags and the editor's assets (PageDecoration).
    private func decorate(_ html: String, request: Request, documentPath: String?) async -> String {
        let workspace = server.workspace
        let (id, findings, problems) = await workspace.pageFacts(documentPath: documentPath)
        let decoration = PageDecoration(documentID: id, findings: findings, problems: problems,
                                        token: server.requestGuard.mayEdit(request) ? server.settings.token : nil, language: language)
        return decoration.apply(to: html)
    }

    /// `/_stdkit/…`: the problems page, the editor's shells, the editor's assets.
    private func ownPage(_ request: Request, name: String) async throws -> Response {
        let segments = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch segments.first {
        case "problems" where segments.count == 1:
            let findings = await server.workspace.allFindings
            let snapshot = await server.site.current()
            guard case .success(let site) = snapshot else { throw APIFailure.internalError() }
            let problems = ProblemsPage(findings: findings, pages: site.index.pageOfPath, language: language)
            let layout = site.builder.layoutPage(at: "_stdkit/problems", title: problems.title, kind: "problems", body: problems.body)
            let html = await decorate(layout, request: request, documentPath: nil)
            return Response(status: .ok, headers: Self.headers(type: "text/html; charset=utf-8"), body: Self.body(html))
        case "edit" where segments.count == 2, "new" where segments.count == 1, "commit" where segments.count == 1:
            let page = EditorShell.Page(rawValue: segments[0])!
            var documentPath: String?
            if page == .edit {
                guard Self.isPlausibleID(segments[1]), let document = await server.workspace.project.document(segments[1]) else {
                    throw APIFailure.notFound("/_stdkit/" + name)
                }
                documentPath = document.path
            }
            let shell = EditorShell(page: page, documentID: page == .edit ? segments[1] : nil, language: language)
            guard case .success(let site) = await server.site.current() else { throw APIFailure.internalError() }
            let layout = site.builder.layoutPage(at: "_stdkit/" + name, title: shell.title, kind: "editor", body: EditorShell.marker)
            let html = await decorate(shell.place(in: layout), request: request, documentPath: documentPath)
            return Response(status: .ok, headers: Self.headers(type: "text/html; charset=utf-8"), body: Self.body(html))
        default:
            guard segments.count == 1, let data = ServeAssets.data(named: name) else { throw APIFailure.notFound("/_stdkit/" + name) }
            return Response(status: .ok, headers: Self.headers(type: Self.contentType(of: name)), body: Self.body(data))
        }
    }

    // MARK: Answers

    static func headers(type: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return headers
    }

    static func body(_ data: Data) -> ResponseBody { ResponseBody(byteBuffer: ByteBuffer(bytes: data)) }
    static func body(_ text: String) -> ResponseBody { ResponseBody(byteBuffer: ByteBuffer(string: text)) }

    func json(_ value: ServeJSON, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: Self.headers(type: "application/json; charset=utf-8"), body: Self.body(value.text))
    }

    func json(_ failure: APIFailure) -> Response {
        json(failure.body(in: language), status: failure.status)
    }

    private func htmlFailure(_ failure: APIFailure) -> Response {
        let text = ASCIIEscaper.html(failure.message.text(in: language))
        let html = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\"><title>\(failure.status.code)</title></head>"
            + "<body><h1>\(failure.status.code)</h1><p>\(text)</p><p><a href=\"/\">/</a></p></body></html>\n"
        return Response(status: failure.status, headers: Self.headers(type: "text/html; charset=utf-8"), body: Self.body(html))
    }

    /// The type of a site file by its extension.
    static func contentType(of path: String) -> String {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "pdf": return "application/pdf"
        case "txt", "md", "csv": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }

    /// Whether `id` could be a document id (`DOC`, `ns:DOC`): ASCII letters, digits, `-_.:`,
    /// at most 200 of them. Anything else is not looked up.
    static func isPlausibleID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 200 && id.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.:".unicodeScalars.contains($0)) }
            && !id.hasPrefix(".")
    }
}
