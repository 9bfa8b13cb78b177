import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import StdKitServe

/// Each safety rule of docs/serve.md tried: the write is refused with its code and nothing on
/// disk changes.
@Suite struct ServerSafetyTests {
    static let save = "/api/documents/COURSE-MACHINE-OPERATION"

    /// A save that would change the course, with `headers`.
    static func attempt(_ fixture: ServerFixture, headers: HTTPFields, uri: String = save, method: HTTPRequest.Method = .put) async throws -> (HTTPResponse.Status, String?) {
        let text = (fixture.text(ServerAPITests.course) ?? "") + "\nchanged\n"
        let base = fixture.digest(ServerAPITests.course)
        return try await fixture.test { client in
            try await client.execute(uri: uri, method: method, headers: headers, body: ServerFixture.body(["text": text, "base": base])) { response in
                (response.status, response.errorCode)
            }
        }
    }

    static func without(_ name: HTTPField.Name, _ headers: HTTPFields = ServerFixture.writeHeaders()) -> HTTPFields {
        var headers = headers
        headers[name] = nil
        return headers
    }

    static func with(_ name: HTTPField.Name, _ value: String) -> HTTPFields {
        var headers = ServerFixture.writeHeaders()
        headers[name] = value
        return headers
    }

    static let refusals: [(String, HTTPFields)] = [
        ("no token at all", HTTPFields([HTTPField(name: .contentType, value: "application/json")])),
        ("header without cookie", without(.cookie)),
        ("cookie without header", without(HTTPField.Name("X-Stdkit-Token")!)),
        ("wrong token in both", {
            var headers = ServerFixture.writeHeaders()
            headers[HTTPField.Name("X-Stdkit-Token")!] = "ffffffffffffffffffffffffffffffff"
            headers[.cookie] = "stdkit_token=ffffffffffffffffffffffffffffffff"
            return headers
        }()),
        ("wrong header, right cookie", with(HTTPField.Name("X-Stdkit-Token")!, "0123456789abcdef0123456789abcdee")),
        ("another origin", with(.origin, "http://evil.example")),
        ("another port", with(.origin, "http://127.0.0.1:8001")),
        ("null origin", with(.origin, "null")),
        ("cross-site fetch", with(HTTPField.Name("Sec-Fetch-Site")!, "cross-site")),
        ("same-site fetch", with(HTTPField.Name("Sec-Fetch-Site")!, "same-site")),
    ]

    @Test(arguments: refusals)
    func aWriteWithoutTheTokenOrFromAnotherOriginIsRefused(_ name: String, _ headers: HTTPFields) async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let before = fixture.snapshot()
        let (status, code) = try await Self.attempt(fixture, headers: headers)
        #expect(status == .forbidden, "\(name)")
        #expect(code == "forbidden", "\(name)")
        #expect(fixture.snapshot() == before, "\(name)")
    }

    @Test func everyKindOfWriteIsGuarded() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let before = fixture.snapshot()
        let headers = Self.without(.cookie)
        for (uri, method) in [("/api/documents", HTTPRequest.Method.post), ("/api/form/apply", .post), ("/api/preview", .post),
                              ("/api/commit", .post), (Self.save, .delete), ("/index.html", .post), ("/nowhere", .patch)] {
            let (status, code) = try await Self.attempt(fixture, headers: headers, uri: uri, method: method)
            #expect(status == .forbidden, "\(method) \(uri)")
            #expect(code == "forbidden", "\(method) \(uri)")
        }
        #expect(fixture.snapshot() == before)
    }

    @Test func theOwnOriginUnderAnotherLoopbackNameIsAccepted() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let (status, _) = try await Self.attempt(fixture, headers: Self.with(.origin, "http://localhost:8000"))
        #expect(status == .ok)
    }

    @Test func onAnotherAddressTheServerIsReadOnlyUnlessStartedWithEdit() async throws {
        let fixture = try await ServerFixture(host: "0.0.0.0")
        defer { fixture.remove() }
        let before = fixture.snapshot()
        let (status, code) = try await Self.attempt(fixture, headers: ServerFixture.writeHeaders(origin: "http://0.0.0.0:8000"))
        #expect(status == .forbidden)
        #expect(code == "read-only")
        #expect(fixture.snapshot() == before)
        try await fixture.test { client in
            try await client.execute(uri: "/documents/machine-operation.html", method: .get, headers: ServerFixture.cookie) { response in
                #expect(response.status == .ok)
                #expect(!response.text.contains("stdkit-token"))
                #expect(response.text.contains("\"editable\":false"))
            }
        }

        let editable = try await ServerFixture(host: "0.0.0.0", edit: true)
        defer { editable.remove() }
        let (allowed, _) = try await Self.attempt(editable, headers: ServerFixture.writeHeaders(origin: "http://0.0.0.0:8000"))
        #expect(allowed == .ok)
    }

    static let escapes = [
        "/../stdkit.yml", "/%2e%2e/stdkit.yml", "/%2E%2E/%2E%2E/etc/passwd", "/documents/..%2f..%2fstdkit.yml", "/documents/%2e%2e%2fstdkit.yml",
        "/./stdkit.yml", "//etc/passwd", "/documents/..\\..\\stdkit.yml", "/documents/%5c..%5cstdkit.yml", "/_stdkit/..%2f..%2fPackage.swift",
        "/_stdkit/%2e%2e/ServeAssets.swift", "/stdkit.yml", "/machine-operation.md", "/documents/machine-operation.md", "/documents/stdkit.yml",
        "/.git/config", "/documents/%00.html", "/api/documents/..%2f..%2fstdkit.yml", "/api/documents/%2e%2e",
    ]

    @Test(arguments: escapes)
    func noPathOutsideTheSiteIsRead(_ uri: String) async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect([.badRequest, .notFound].contains(response.status), "\(uri)")
                #expect(!response.text.contains("Riverside"), "\(uri)")
                #expect(!response.text.contains("root:"), "\(uri)")
            }
        }
    }

    @Test(arguments: ["/api/documents/..%2F..%2Fstdkit.yml", "/api/documents/%2e%2e", "/api/documents/..", "/api/documents/%2Fetc%2Fpasswd",
                      "/api/documents/COURSE-MACHINE-OPERATION%2F..%2F..%2Fx"])
    func noWriteOutsideTheProjectEvenWithTheToken(_ uri: String) async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let before = fixture.snapshot()
        let (status, _) = try await Self.attempt(fixture, headers: ServerFixture.writeHeaders(), uri: uri)
        #expect([.badRequest, .notFound].contains(status), "\(uri)")
        #expect(fixture.snapshot() == before, "\(uri)")
    }

    @Test func aFileLinkedThroughASymbolicLinkOutOfTheProjectIsNotServed() async throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-secret-\(UUID().uuidString).png")
        try Data("secret bytes".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        let fixture = try await ServerFixture { folder in
            try Data("plain image".utf8).write(to: folder.appendingPathComponent("plain.png"))
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("linked.png"), withDestinationURL: secret)
            let url = folder.appendingPathComponent(ServerAPITests.course)
            let text = try String(contentsOf: url, encoding: .utf8) + "\n![a](plain.png) ![b](linked.png)\n"
            try Data(text.utf8).write(to: url)
        }
        defer { fixture.remove() }
        try await fixture.test { client in
            try await client.execute(uri: "/documents/plain.png", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/png")
                #expect(response.text == "plain image")
            }
            try await client.execute(uri: "/documents/linked.png", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(!response.text.contains("secret"))
            }
        }
    }

    @Test func aBodyOverTheLimitIsRefusedBeforeItIsRead() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let before = fixture.snapshot()
        // The project's file limit (5 MB by default) is below 8 MiB: it is the limit.
        let big = ByteBuffer(repeating: UInt8(ascii: "a"), count: 5 * 1024 * 1024 + 1)
        try await fixture.test { client in
            try await client.execute(uri: Self.save, method: .put, headers: ServerFixture.writeHeaders(), body: big) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.errorCode == "too-large")
            }
        }
        #expect(fixture.snapshot() == before)
    }
}

/// The 50 MB body over a real socket: the answer comes while the body is still being sent.
@Suite struct ServerLiveSafetyTests {
    @Test func fiftyMegabytesAreRefusedFastAndNothingIsWritten() async throws {
        let fixture = try await ServerFixture(port: 0)
        defer { fixture.remove() }
        let before = fixture.snapshot()
        let (ports, ready) = AsyncStream.makeStream(of: Int.self)
        let running = Task { try await fixture.server.run { port in ready.yield(port) } }
        defer { running.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let length = 50 * 1024 * 1024
        let headers = [("X-Stdkit-Token", ServerFixture.token), ("Cookie", "stdkit_token=\(ServerFixture.token)"),
                       ("Origin", "http://127.0.0.1:\(port)"), ("Content-Type", "application/json"), ("Sec-Fetch-Site", "same-origin")]
        let started = ContinuousClock.now
        let text = try await blocking { () -> String in
            let client = try ServerSocketClient(port: port)
            client.send(ServerSocketClient.head("PUT", "/api/documents/COURSE-MACHINE-OPERATION", headers: headers, length: length))
            // A first megabyte only: the answer must not wait for the rest.
            client.send([UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20))
            return client.read(timeout: .seconds(30)) { $0.contains("\r\n\r\n") && $0.contains("}}") }
        }
        let answer = ServerSocketClient.parse(text)
        #expect(answer.status == 413)
        #expect(answer.body.contains("\"code\":\"too-large\""))
        // Answered with 49 of the 50 MB never sent: the body was not waited for. (No bound on the
        // time: under the whole suite the in-process server may wait seconds for a thread.)
        _ = started
        #expect(fixture.snapshot() == before)
    }
}
