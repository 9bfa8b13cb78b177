import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain HTTP/1.1 client over a POSIX socket, for what the in-process client cannot show: an
/// event stream read as it arrives, a 50 MB body sent in pieces while the answer comes back, a
/// server in another process.
///
/// Every call blocks: async tests call it through `blocking`, off Swift's cooperative threads,
/// which the server in the same process needs (two of them on a two-core machine).
final class ServerSocketClient: @unchecked Sendable {
    // Unchecked: one test uses a client from one `blocking` call at a time.
    let fd: Int32
    private var received: [UInt8] = []

    /// Connects to 127.0.0.1:`port`.
    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketError.failed("socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw SocketError.failed("connect to port \(port)")
        }
    }

    deinit { close(fd) }

    enum SocketError: Error { case failed(String) }

    /// Sends all of `bytes`; false when the server closed the connection meanwhile.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// The head of a request; `Connection: close` so that the answer ends with the connection.
    /// `host` is the `Host` line (nil: none, as HTTP/1.0 allows).
    static func head(_ method: String, _ path: String, host: String? = "127.0.0.1", headers: [(String, String)] = [], length: Int? = nil) -> String {
        var lines = ["\(method) \(path) HTTP/1.1"] + (host.map { ["Host: \($0)"] } ?? []) + ["Connection: close"]
        lines += headers.map { "\($0.0): \($0.1)" }
        if let length { lines.append("Content-Length: \(length)") }
        return lines.joined(separator: "\r\n") + "\r\n\r\n"
    }

    /// Reads what arrives within `timeout`, until `done` holds for everything read so far or the
    /// server closes; returns everything read.
    func read(timeout: Duration, until done: (String) -> Bool = { _ in false }) -> String {
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while ContinuousClock.now < deadline {
            let text = String(decoding: received, as: UTF8.self)
            if done(text) { return text }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let left = deadline - ContinuousClock.now
            let milliseconds = max(1, Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
            guard poll(&poller, 1, milliseconds) > 0 else { continue }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// A whole request and its answer: status, headers (lowercased names) and body.
    static func exchange(port: Int, _ method: String, _ path: String, host: String? = "127.0.0.1", headers: [(String, String)] = [], body: [UInt8]? = nil,
                         timeout: Duration = .seconds(10)) throws -> (status: Int, headers: [String: String], body: String) {
        let client = try ServerSocketClient(port: port)
        client.send(head(method, path, host: host, headers: headers, length: body?.count))
        if let body { client.send(body) }
        return parse(client.read(timeout: timeout))
    }

    /// An answer's status, headers and body (a chunked body is joined).
    static func parse(_ text: String) -> (status: Int, headers: [String: String], body: String) {
        guard let split = text.range(of: "\r\n\r\n") else { return (0, [:], text) }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = lines.first.flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Int($0) } ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = String(text[split.upperBound...])
        if headers["transfer-encoding"] == "chunked" { body = unchunk(body) }
        return (status, headers, body)
    }

    private static func unchunk(_ text: String) -> String {
        var bytes = Array(text.utf8)[...]
        var output: [UInt8] = []
        while let end = bytes.firstIndex(of: UInt8(ascii: "\r")) {
            let size = Int(String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self), radix: 16) ?? 0
            bytes = bytes[(end + 2)...]
            if size == 0 || bytes.count < size { break }
            output += bytes.prefix(size)
            bytes = bytes.dropFirst(size + 2)
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// Runs `body` on a thread of its own, so that blocking socket calls do not hold one of the
/// cooperative threads the server under test runs on.
func blocking<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
