import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StdKitModel
import StdKitSyntax
import StdKitWorkspace
@testable import StdKitServe

/// A server on a temporary copy of a project, answered in process (HummingbirdTesting's
/// `.router`) or on a real socket (`.live`), with the requests a browser holding the token makes.
struct ServerFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The token of every fixture: tests compare it with what pages carry.
    static let token = "0123456789abcdef0123456789abcdef"

    let folder: URL
    let workspace: Workspace
    let server: StdKitServer

    /// A copy of `source` (relative to the repository), `prepare`d before it is read.
    init(_ source: String = "examples/minimal", host: String = "127.0.0.1", port: Int = 8000, edit: Bool = false, language: Language = .en,
         prepare: (URL) throws -> Void = { _ in }) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-serve-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(source), to: folder)
        try prepare(folder)
        workspace = try await Workspace(root: folder, language: language)
        let settings = ServeSettings(host: host, port: port, editOnAnyHost: edit, token: Self.token, language: language)
        server = StdKitServer(workspace: workspace, session: EditSession(workspace: workspace), settings: settings, toolVersion: "test")
    }

    func remove() {
        server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs `body` with a client of the server answering in process.
    func test<Value>(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await server.application().test(.router, body)
    }

    // MARK: Requests

    /// The headers of a write from the server's own page: token header, cookie, same origin.
    static func writeHeaders(origin: String? = "http://127.0.0.1:8000", json: Bool = true) -> HTTPFields {
        var headers = HTTPFields()
        headers[HTTPField.Name("X-Stdkit-Token")!] = token
        headers[.cookie] = "stdkit_token=\(token)"
        if let origin { headers[.origin] = origin }
        headers[HTTPField.Name("Sec-Fetch-Site")!] = "same-origin"
        if json { headers[.contentType] = "application/json" }
        return headers
    }

    /// The headers of a page request from a browser holding the cookie.
    static var cookie: HTTPFields {
        var headers = HTTPFields()
        headers[.cookie] = "stdkit_token=\(token)"
        return headers
    }

    static func body(_ object: [String: Any?]) -> ByteBuffer {
        let cleaned = object.mapValues { $0 ?? NSNull() }
        return ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: cleaned, options: [.sortedKeys]))
    }

    // MARK: The folder

    func url(_ path: String) -> URL { folder.appendingPathComponent(path) }

    func bytes(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: url(path).path).map(Array.init)
    }

    func text(_ path: String) -> String? {
        bytes(path).map { String(decoding: $0, as: UTF8.self) }
    }

    func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: url(path))
    }

    /// `sha256:` and the hex digest of the file's bytes, computed here, not by the server.
    func digest(_ path: String) -> String {
        "sha256:" + Digests.sha256(bytes(path) ?? [])
    }

    /// Every file of the folder (hidden ones too) with its bytes: what "nothing changed" compares.
    func snapshot() -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url(path).path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = bytes(path)
            }
        }
        return files
    }

    @discardableResult
    func git(_ arguments: String...) throws -> String {
        String(decoding: try GitRepository.git(arguments, in: folder), as: UTF8.self)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as JSON.
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(buffer: body)) }

    var object: [String: Any] { (json as? [String: Any]) ?? [:] }

    /// `error.code` of a failure.
    var errorCode: String? { (object["error"] as? [String: Any])?["code"] as? String }
}

extension Data {
    init(buffer: ByteBuffer) {
        self.init(buffer.readableBytesView)
    }
}
