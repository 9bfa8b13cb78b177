import Foundation
import Testing
@testable import StdKitServe

@Suite struct ServeAssetsTests {
    @Test func theLiveReloadScriptIsInTheBundle() throws {
        let script = try #require(ServeAssets.data(named: "live.js"))
        #expect(String(decoding: script, as: UTF8.self).contains("EventSource(\"/events\")"))
    }

    @Test func aNameWithAFolderOrADotFileIsNoAsset() {
        #expect(ServeAssets.data(named: "../ServeAssets.swift") == nil)
        #expect(ServeAssets.data(named: ".keep") == nil)
        #expect(ServeAssets.data(named: "missing.js") == nil)
    }
}
