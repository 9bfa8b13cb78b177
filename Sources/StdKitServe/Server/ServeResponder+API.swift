import Foundation
import HTTPTypes
import Hummingbird
import StdKitModel
import StdKitSyntax

/// The JSON API under `/api/` and the event stream (docs/serve.md): each answer is the editing
/// core's (`EditSession`), written as the contract between server and browser says.
extension ServeResponder {
    func api(_ request: Request, path: String) async throws -> Response {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        let route = segments.joined(separator: "/")
        // `/api/documents/ID` and `/api/form/KIND`: the last segment is the id or the kind.
        let last = segments.count == 3 && segments[0] == "api" ? segments[2] : nil
        let session = server.session
        switch (request.method, route) {
        case (.get, "api/status"):
            let documents = await server.workspace.project.documents.count
            return json(.object([
                ("ready", .bool(true)), ("documents", .int(documents)), ("editable", .bool(server.requestGuard.mayEdit(request))),
                ("git", .bool(await session.isGitRepository)), ("lang", .string(language.rawValue)),
            ]))
        case (.get, "api/documents"):
            return json(.object([("documents", try Self.encoded(await session.summaries()))]))
        case (.post, "api/documents"):
            let body = try await readObject(request)
            let kind = try body.string("kind"), id = try body.string("id"), title = try body.string("title")
            let owner = try body.optionalString("owner")
            let document = try await edit { () async throws(EditError) in try await session.create(kind: kind, id: id, title: title, owner: owner) }
            await server.wrote(document.path, digest: document.digest, id: document.id)
            return json(try Self.encoded(document), status: .created)
        case (.get, "api/kinds"):
            return json(.object([("kinds", try Self.encoded(await session.kinds()))]))
        case (.post, "api/form/apply"):
            let body = try await readObject(request)
            let text = try body.string("text")
            let values = try Self.formValues(body["values"])
            let result = try await edit { () async throws(EditError) in try await session.applyForm(text: text, values: values) }
            return json(.object([("text", .string(result))]))
        case (.post, "api/preview"):
            let body = try await readObject(request)
            let id = try body.optionalString("id"), text = try body.string("text")
            return json(try Self.encoded(await session.preview(id: id, text: text)))
        case (.get, "api/complete"):
            let query = request.uri.queryParameters["q"].map(String.init) ?? ""
            let kinds = (request.uri.queryParameters["kinds"].map(String.init) ?? "").split(separator: ",").map(String.init).filter { !$0.isEmpty }
            let candidates = await session.complete(query, kinds: kinds, limit: 50)
            return json(.object([("candidates", try Self.encoded(Array(candidates.prefix(50))))]))
        case (.get, "api/problems"):
            let findings = await server.workspace.allFindings
            var files: [ServeJSON] = []
            var count = 0
            for path in findings.keys.sorted() {
                guard let list = findings[path], !list.isEmpty else { continue }
                count += list.count
                files.append(.object([("path", .string(path)), ("findings", try Self.encoded(list.map { Finding($0, in: language) }))]))
            }
            return json(.object([("count", .int(count)), ("files", .array(files))]))
        case (.post, "api/commit"):
            let body = try await readObject(request)
            let message = try body.string("message"), author = try body.string("author"), email = try body.optionalString("email")
            let outcome = try await edit { () async throws(EditError) in try await session.commit(message: message, author: author, email: email) }
            return json(try Self.encoded(outcome))
        case (.get, "events"):
            var headers = Self.headers(type: "text/event-stream; charset=utf-8")
            headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
            return Response(status: .ok, headers: headers, body: ResponseBody(asyncSequence: server.hub.subscribe()))
        case (.get, _) where segments.count == 3 && segments[1] == "documents", (.put, _) where segments.count == 3 && segments[1] == "documents":
            let id = last ?? ""
            try Self.checkID(id, path: path)
            if request.method == .get {
                let document = try await edit { () async throws(EditError) in try await session.document(id: id) }
                return json(try Self.encoded(document))
            }
            return try await save(request, id: id)
        case (.get, _) where segments.count == 3 && segments[1] == "form" && segments[2] != "apply":
            let kind = last ?? ""
            let form = try await edit { () async throws(EditError) in try await session.form(kind: kind) }
            return json(try Self.encoded(form))
        default:
            let known: Set<String> = ["api/status", "api/documents", "api/kinds", "api/form/apply", "api/preview", "api/complete", "api/problems", "api/commit", "events"]
            if known.contains(route) || (segments.count == 3 && segments[0] == "api" && ["documents", "form"].contains(segments[1])) {
                throw APIFailure.methodNotAllowed(request.method.rawValue, path)
            }
            throw APIFailure.notFound(path)
        }
    }

    /// `PUT /api/documents/ID`: saved, or the merge to resolve when the disk moved on from `base`.
    private func save(_ request: Request, id: String) async throws -> Response {
        let session = server.session
        let body = try await readObject(request)
        let text = try body.string("text"), base = try body.string("base")
        let outcome = try await edit { () async throws(EditError) in try await session.save(id: id, text: text, base: base) }
        switch outcome {
        case .saved(let digest, let findings):
            let documentPath = await server.workspace.project.document(id)?.path
            if let documentPath { await server.wrote(documentPath, digest: digest, id: id) }
            return json(.object([("digest", .string(digest)), ("findings", try Self.encoded(findings))]))
        case .stale(let stale):
            let documentPath = await server.workspace.project.document(id)?.path ?? id
            let encoded = try Self.encoded(stale)
            var failure = APIFailure(status: .conflict, code: "stale-base", message: .serveStaleBase(documentPath))
            failure.extra = [("merged", encoded["merged"] ?? .null), ("current", encoded["current"] ?? .null)]
            return json(failure)
        }
    }

    /// Runs an editing call, its refusal as the API's failure.
    private func edit<Value>(_ call: () async throws(EditError) -> Value) async throws(APIFailure) -> Value {
        do {
            return try await call()
        } catch {
            throw APIFailure(status: APIFailure.status(ofEditCode: error.code.rawValue), code: error.code.rawValue, message: error.message)
        }
    }

    /// A document id from the path, refused (404) when it could be no id, before any lookup.
    static func checkID(_ id: String, path: String) throws(APIFailure) {
        guard isPlausibleID(id) else { throw .notFound(path) }
    }

    /// The largest body read: 8 MiB, or the project's largest file if smaller.
    func bodyLimit() async -> Int {
        min(8 << 20, await server.workspace.project.config.limits.fileSize)
    }

    /// The request's body as a JSON object, read no further than the limit: a body declared or
    /// found larger is refused (413) as soon as that is known, never held whole.
    func readObject(_ request: Request) async throws(APIFailure) -> ServeJSON {
        let limit = await bodyLimit()
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit { throw .tooLarge(limit: limit) }
        var bytes: [UInt8] = []
        do {
            for try await chunk in request.body {
                guard bytes.count + chunk.readableBytes <= limit else { throw APIFailure.tooLarge(limit: limit) }
                bytes.append(contentsOf: chunk.readableBytesView)
            }
        } catch let failure as APIFailure {
            throw failure
        } catch {
            throw .badJSON()
        }
        guard String(bytes: bytes, encoding: .utf8) != nil else { throw .invalidUTF8() }
        guard let value = ServeJSON.parse(Data(bytes)), case .object = value else { throw .badJSON() }
        return value
    }

    /// A value of the editing core as JSON.
    static func encoded<Value: Encodable>(_ value: Value) throws(APIFailure) -> ServeJSON {
        guard let json = ServeJSON.encoding(value) else { throw .internalError() }
        return json
    }

    /// `values` of `/api/form/apply`: each a string, number, boolean, list of strings or null.
    static func formValues(_ value: ServeJSON?) throws(APIFailure) -> [String: FormValue] {
        guard case .object(let pairs) = value else { throw .missingField("values") }
        var values: [String: FormValue] = [:]
        for (name, value) in pairs {
            switch value {
            case .null: values[name] = .null
            case .bool(let flag): values[name] = .bool(flag)
            case .number(let number): values[name] = .number(number)
            case .string(let text): values[name] = .string(text)
            case .array(let elements):
                let texts = elements.compactMap(\.stringValue)
                guard texts.count == elements.count else { throw .missingField("values." + name) }
                values[name] = .list(texts)
            case .object: throw .missingField("values." + name)
            }
        }
        return values
    }
}

extension ServeJSON {
    /// The string field `key` of a request; 400 when missing or not a string.
    func string(_ key: String) throws(APIFailure) -> String {
        guard let text = self[key]?.stringValue else { throw .missingField(key) }
        return text
    }

    /// The field `key`, a string or null (or absent); 400 when something else.
    func optionalString(_ key: String) throws(APIFailure) -> String? {
        switch self[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw .missingField(key)
        }
    }
}
