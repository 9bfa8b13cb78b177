import Testing
@testable import StdKitLSP

@Suite struct FrameDecoderTests {
    @Test func cutsMessagesArrivingInPiecesAndTogether() {
        var decoder = FrameDecoder()
        let one = FrameDecoder.frame(Array(#"{"a":1}"#.utf8))
        let two = FrameDecoder.frame(Array(#"{"b":"中文"}"#.utf8))
        decoder.append(one.prefix(5))
        #expect(decoder.next() == nil)
        decoder.append(one.dropFirst(5) + two)
        #expect(decoder.next() == .body(Array(#"{"a":1}"#.utf8)))
        #expect(decoder.next() == .body(Array(#"{"b":"中文"}"#.utf8)))
        #expect(decoder.next() == nil)
    }

    @Test func acceptsOtherHeaderFieldsAndBareLineFeeds() {
        var decoder = FrameDecoder()
        decoder.append(Array("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 2\r\n\r\n{}".utf8))
        decoder.append(Array("Content-Length: 4\n\nnull".utf8))
        #expect(decoder.next() == .body(Array("{}".utf8)))
        #expect(decoder.next() == .body(Array("null".utf8)))
    }

    @Test func aHeaderWithoutLengthIsReportedAndTheNextMessageRead() {
        var decoder = FrameDecoder()
        decoder.append(Array("Content-Type: text\r\n\r\n{\"x\":1}".utf8) + FrameDecoder.frame(Array("[]".utf8)))
        #expect(decoder.next() == .malformedHeader("a header without a valid Content-Length: Content-Type: text"))
        #expect(decoder.next() == .body(Array("[]".utf8)))
        #expect(decoder.next() == nil)
    }

    @Test func aBodyOverTheLimitIsSkippedAsItArrives() {
        var decoder = FrameDecoder(limit: 10)
        decoder.append(Array("Content-Length: 20\r\n\r\n0123456789".utf8))
        #expect(decoder.next() == .tooLarge(20))
        #expect(decoder.next() == nil)
        decoder.append(Array("0123456789".utf8) + FrameDecoder.frame(Array("{}".utf8)))
        #expect(decoder.next() == .body(Array("{}".utf8)))
    }
}
