import Foundation
import HTTPTypes
import Hummingbird
import StdKitSyntax
import Testing
@testable import StdKitServe

/// DNS rebinding (docs/serve.md "Safety"): on the loopback the server answers only requests that
/// name this machine, so that a page of another site whose name was pointed at 127.0.0.1 cannot
/// read the project through the browser.
@Suite struct ServerHostTests {
    static func request(authority: String?) -> Request {
        Request(head: HTTPRequest(method: .get, scheme: "http", authority: authority, path: "/api/documents"), body: RequestBody(buffer: ByteBuffer()))
    }

    static func refuses(_ guarding: RequestGuard, _ authority: String?) -> Bool {
        do {
            try guarding.checkHost(request(authority: authority))
            return false
        } catch {
            #expect(error.status == .misdirectedRequest)
            #expect(error.code == "wrong-host")
            return true
        }
    }

    static let loopback = RequestGuard(settings: ServeSettings(host: "127.0.0.1", port: 8000, token: "t", language: .en), port: 8000)

    @Test(arguments: ["127.0.0.1:8000", "127.0.0.1", "localhost:8000", "LOCALHOST:8000", "localhost", "[::1]:8000", "[::1]",
                      "127.0.0.2:8000", "editor.localhost:8000"])
    func theNamesOfThisMachineAreAnswered(_ authority: String) {
        #expect(!Self.refuses(Self.loopback, authority))
    }

    @Test(arguments: ["evil.example:8000", "evil.example", "127.0.0.1.evil.example:8000", "localhost.evil.example", "evil-localhost:8000",
                      "127.0.0.256:8000", "127.0.0:8000", "127.1:8000", "[::2]:8000", "0.0.0.0:8000", "192.168.1.5:8000", ":8000", ""])
    func anyOtherNameIsRefused(_ authority: String) {
        #expect(Self.refuses(Self.loopback, authority))
    }

    @Test func aRequestWithoutHostIsAnswered() {
        // HTTP/1.0 has no Host, and no browser sends a request without one.
        #expect(!Self.refuses(Self.loopback, nil))
    }

    @Test func onAnotherAddressTheNameIsNotChecked() {
        // The names people use for a shared machine are not known; it is read-only there.
        let shared = RequestGuard(settings: ServeSettings(host: "0.0.0.0", port: 8000, token: "t", language: .en), port: 8000)
        #expect(!Self.refuses(shared, "teachers-pc.school.example:8000"))
        #expect(!Self.refuses(shared, "evil.example"))
    }

    @Test func theRefusalNamesTheAddressToOpenInTheUsersLanguage() throws {
        let guarding = RequestGuard(settings: ServeSettings(host: "127.0.0.1", port: 8000, token: "t", language: .zhCN), port: 8123)
        do {
            try guarding.checkHost(Self.request(authority: "evil.example:8123"))
            Issue.record("evil.example was answered")
        } catch {
            #expect(error.message.text(in: .en).contains("only at http://127.0.0.1:8123, not at evil.example:8123"))
            #expect(error.message.text(in: .zhCN).contains("只在 http://127.0.0.1:8123 应答，不应答 evil.example:8123"))
        }
    }

    @Test func hostNamesLoseTheirPortAndCase() {
        #expect(RequestGuard.hostName(of: "LocalHost:8000") == "localhost")
        #expect(RequestGuard.hostName(of: "[::1]:8000") == "[::1]")
        #expect(RequestGuard.hostName(of: "[::1]") == "[::1]")
        #expect(RequestGuard.hostName(of: "127.0.0.1") == "127.0.0.1")
    }
}

/// The same on a real socket: nothing of the project, not a page, not the API, not the event
/// stream, not the token's cookie, goes to a request naming another host.
@Suite struct ServerLiveHostTests {
    @Test func aRebindingPageReadsNothing() async throws {
        let fixture = try await ServerFixture(port: 0)
        defer { fixture.remove() }
        let (ports, ready) = AsyncStream.makeStream(of: Int.self)
        let running = Task { try await fixture.server.run { port in ready.yield(port) } }
        defer { running.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let title = try #require(await fixture.workspace.project.document("COURSE-MACHINE-OPERATION")?.title)
        let evil = "rebound.evil.example:\(port)"
        // The waits bound a hung server, not its speed: under the whole suite the first answer of
        // a server in this process can take seconds.
        for path in ["/", "/documents/machine-operation.html", "/api/documents", "/api/documents/COURSE-MACHINE-OPERATION", "/api/problems",
                     "/_stdkit/problems", "/events", "/?token=\(ServerFixture.token)"] {
            let answer = try await blocking { try ServerSocketClient.exchange(port: port, "GET", path, host: evil, timeout: .seconds(30)) }
            #expect(answer.status == 421, "\(path)")
            #expect(!answer.body.contains(title), "\(path)")
            #expect(!answer.body.contains("COURSE-MACHINE-OPERATION"), "\(path)")
            #expect(answer.headers["set-cookie"] == nil, "\(path)")
            if path.hasPrefix("/api/") || path == "/events" {
                #expect(answer.body.contains("\"code\":\"wrong-host\""), "\(path)")
            }
        }
        // The same requests under this machine's names are answered.
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"] {
            let page = try await blocking { try ServerSocketClient.exchange(port: port, "GET", "/documents/machine-operation.html", host: host, timeout: .seconds(30)) }
            #expect(page.status == 200, "\(host)")
            #expect(page.body.contains(title), "\(host)")
            let api = try await blocking { try ServerSocketClient.exchange(port: port, "GET", "/api/documents/COURSE-MACHINE-OPERATION", host: host, timeout: .seconds(30)) }
            #expect(api.status == 200, "\(host)")
        }
    }
}
