import Foundation
import Testing
@testable import StdKitServe

@Suite struct ServeAssetsTests {
    /// The script the server injects into every page: it listens to `/events` for the contract's
    /// `changed` event and builds the editor inside `main#stdkit-editor`, sending the token on writes.
    @Test func theEditorScriptIsInTheBundle() throws {
        let script = String(decoding: try #require(ServeAssets.data(named: "serve.js")), as: UTF8.self)
        #expect(script.contains("new EventSource(\"/events\")"))
        #expect(script.contains("addEventListener(\"changed\""))
        #expect(script.contains("getElementById(\"stdkit-editor\")"))
        #expect(script.contains("headers[\"X-Stdkit-Token\"] = settings.token"))
        #expect(script.contains("meta[name=\"stdkit-token\"]"))
    }

    /// The stylesheet for the bar, the editor and the conflict view.
    @Test func theStylesheetIsInTheBundle() throws {
        let css = String(decoding: try #require(ServeAssets.data(named: "serve.css")), as: UTF8.self)
        #expect(css.contains("#stdkit-bar {"))
        #expect(css.contains("section.stdkit-conflict {"))
    }

    /// The placeholder of the first commit is gone: only the two files are served.
    @Test func thePlaceholderIsGone() {
        #expect(ServeAssets.data(named: "live.js") == nil)
    }

    @Test func aNameWithAFolderOrADotFileIsNoAsset() {
        #expect(ServeAssets.data(named: "../ServeAssets.swift") == nil)
        #expect(ServeAssets.data(named: ".keep") == nil)
        #expect(ServeAssets.data(named: "missing.js") == nil)
    }
}
