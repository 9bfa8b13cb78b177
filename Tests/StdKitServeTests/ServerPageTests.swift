import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import StdKitServe

/// The live site: pages of `stdkit build` from memory with the bar, meta tags and assets the
/// server adds; the start-up token turned into a cookie; the editor's shells.
@Suite struct ServerPageTests {
    @Test func theIndexIsTheBuildsPageWithTheServersAdditions() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.cacheControl] == "no-store")
                let html = response.text
                #expect(html.contains("<link rel=\"stylesheet\" href=\"/_stdkit/serve.css\">\n<script src=\"/_stdkit/serve.js\" defer></script>\n"
                    + "<meta name=\"stdkit-serve\" content='{\"editable\":false,\"id\":null,\"lang\":\"en\"}'>\n</head>"))
                #expect(!html.contains("stdkit-token"))
                #expect(html.contains("<div id=\"stdkit-bar\" lang=\"en\">\n<nav class=\"stdkit-actions\"><a class=\"stdkit-problems\" href=\"/_stdkit/problems\">Problems (0)</a></nav>\n</div>"))
                #expect(html.contains("Operating packaging machines"))
            }
            try await client.execute(uri: "/index.html", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func aDocumentPageCarriesItsIdItsFindingsAndWithTheCookieTheTokenAndTheEditLinks() async throws {
        let fixture = try await ServerFixture { folder in
            let url = folder.appendingPathComponent(ServerAPITests.course)
            let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "#R2", with: "#R9")
            try Data(text.utf8).write(to: url)
        }
        defer { fixture.remove() }
        try await fixture.test { client in
            try await client.execute(uri: "/documents/machine-operation.html", method: .get, headers: ServerFixture.cookie) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("<meta name=\"stdkit-serve\" content='{\"editable\":true,\"id\":\"COURSE-MACHINE-OPERATION\",\"lang\":\"en\"}'>"))
                #expect(html.contains("<meta name=\"stdkit-token\" content=\"\(ServerFixture.token)\">"))
                #expect(html.contains("<a class=\"stdkit-edit\" href=\"/_stdkit/edit/COURSE-MACHINE-OPERATION\">Edit</a>"))
                #expect(html.contains("<a class=\"stdkit-new\" href=\"/_stdkit/new\">New</a>"))
                #expect(html.contains("<a class=\"stdkit-commit\" href=\"/_stdkit/commit\">Commit</a>"))
                #expect(html.contains("<li class=\"stdkit-finding stdkit-error\" data-line=\"25\"><code class=\"stdkit-rule\">unresolved-reference</code>"))
            }
            try await client.execute(uri: "/documents/machine-operation.html", method: .get) { response in
                #expect(!response.text.contains("stdkit-token"))
                #expect(!response.text.contains("stdkit-edit"))
            }
        }
    }

    @Test func theStartUpTokenBecomesACookieAndLeavesTheAddress() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            try await client.execute(uri: "/?token=\(ServerFixture.token)", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/")
                #expect(response.headers[.setCookie] == "stdkit_token=\(ServerFixture.token); HttpOnly; SameSite=Strict; Path=/")
            }
            try await client.execute(uri: "/documents/machine-operation.html?token=ffffffffffffffffffffffffffffffff", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/documents/machine-operation.html")
                #expect(response.headers[.setCookie] == nil)
            }
        }
    }

    @Test func theEditorShellsAndTheAssetsAreServed() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            try await client.execute(uri: "/_stdkit/edit/COURSE-MACHINE-OPERATION", method: .get, headers: ServerFixture.cookie) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<main id=\"stdkit-editor\" data-page=\"edit\" data-id=\"COURSE-MACHINE-OPERATION\"></main>"))
                #expect(response.text.components(separatedBy: "<main").count == 2)
                #expect(response.text.contains("href=\"../../assets/style.css\""))
                #expect(response.text.contains("<meta name=\"stdkit-token\""))
            }
            try await client.execute(uri: "/_stdkit/edit/COURSE-NONE", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/_stdkit/new", method: .get) { response in
                #expect(response.text.contains("<main id=\"stdkit-editor\" data-page=\"new\"></main>"))
            }
            try await client.execute(uri: "/_stdkit/commit", method: .get) { response in
                #expect(response.text.contains("<main id=\"stdkit-editor\" data-page=\"commit\"></main>"))
            }
            try await client.execute(uri: "/_stdkit/serve.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(response.text == String(decoding: ServeAssets.data(named: "serve.js") ?? Data(), as: UTF8.self))
            }
            try await client.execute(uri: "/assets/style.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
            }
            try await client.execute(uri: "/documents/none.html", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            }
        }
    }

    @Test func aSavedChangeIsOnTheNextPage() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let base = fixture.digest(ServerAPITests.course)
        let edited = try #require(fixture.text(ServerAPITests.course)).replacingOccurrences(of: "Format changeover", with: "Format changeover 换型")
        try await fixture.test { client in
            try await client.execute(uri: "/documents/machine-operation.html", method: .get) { response in
                #expect(!response.text.contains("换型"))
            }
            try await client.execute(uri: "/api/documents/COURSE-MACHINE-OPERATION", method: .put, headers: ServerFixture.writeHeaders(),
                                     body: ServerFixture.body(["text": edited, "base": base])) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/documents/machine-operation.html", method: .get) { response in
                #expect(response.text.contains("Format changeover 换型"))
            }
        }
    }

    @Test func theInterfaceIsChineseForAChineseProject() async throws {
        let fixture = try await ServerFixture(language: .zhCN)
        defer { fixture.remove() }
        try await fixture.test { client in
            try await client.execute(uri: "/documents/machine-operation.html", method: .get, headers: ServerFixture.cookie) { response in
                #expect(response.text.contains(">问题 (0)</a>"))
                #expect(response.text.contains(">编辑</a>"))
                #expect(response.text.contains(">新建</a>"))
                #expect(response.text.contains(">提交</a>"))
                #expect(response.text.contains("\"lang\":\"zh-CN\""))
            }
            try await client.execute(uri: "/api/documents/NONE", method: .get) { response in
                let message = (response.object["error"] as? [String: Any])?["message"] as? String
                #expect(message?.contains("NONE") == true)
            }
        }
    }

    @Test func everythingFromADocumentIsEscaped() async throws {
        let fixture = try await ServerFixture { folder in
            let url = folder.appendingPathComponent(ServerAPITests.course)
            let text = try String(contentsOf: url, encoding: .utf8)
                .replacingOccurrences(of: "title: Operating packaging machines", with: "title: \"<script>alert(1)</script>\"")
                .replacingOccurrences(of: "#R2", with: "#R9<img src=x onerror=alert(2)>")
            try Data(text.utf8).write(to: url)
        }
        defer { fixture.remove() }
        try await fixture.test { client in
            for uri in ["/documents/machine-operation.html", "/", "/_stdkit/problems"] {
                try await client.execute(uri: uri, method: .get, headers: ServerFixture.cookie) { response in
                    #expect(!response.text.contains("<script>alert(1)"), "\(uri)")
                    #expect(!response.text.contains("<img src=x"), "\(uri)")
                }
            }
        }
    }
}
