import Foundation

/// The one writer of the server's output: each message framed and written whole, so that
/// answers finished on different tasks never interleave their bytes.
final class Outbox: @unchecked Sendable {
    private let lock = NSLock()
    private let write: @Sendable ([UInt8]) -> Void
    private let encoder: JSONEncoder

    init(write: @escaping @Sendable ([UInt8]) -> Void) {
        self.write = write
        encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
    }

    /// The JSON text of `value` (nil when it cannot be encoded, which our types never are not).
    func json(_ value: some Encodable) -> [UInt8]? {
        try? Array(encoder.encode(value))
    }

    func respond(to id: JSONValue, result: [UInt8]) {
        send(Array(#"{"jsonrpc":"2.0","id":"#.utf8) + (json(id) ?? Array("null".utf8)) + Array(#","result":"#.utf8) + result + [0x7D])
    }

    func respond(to id: JSONValue, error: ResponseError) {
        guard let error = json(error) else { return }
        send(Array(#"{"jsonrpc":"2.0","id":"#.utf8) + (json(id) ?? Array("null".utf8)) + Array(#","error":"#.utf8) + error + [0x7D])
    }

    func notify(_ method: String, _ params: some Encodable) {
        guard let params = json(params), let method = json(method) else { return }
        send(Array(#"{"jsonrpc":"2.0","method":"#.utf8) + method + Array(#","params":"#.utf8) + params + [0x7D])
    }

    /// A request of the server's to the client (whose answer the server does not wait for).
    func request(id: Int, _ method: String, _ params: some Encodable) {
        guard let params = json(params), let method = json(method) else { return }
        send(Array(#"{"jsonrpc":"2.0","id":\#(id),"method":"#.utf8) + method + Array(#","params":"#.utf8) + params + [0x7D])
    }

    private func send(_ body: [UInt8]) {
        let framed = FrameDecoder.frame(body)
        lock.lock()
        defer { lock.unlock() }
        write(framed)
    }
}
