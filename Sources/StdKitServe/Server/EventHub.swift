import Foundation
import Hummingbird
import Synchronization

/// The browsers listening on `/events` (server-sent events): each change of the project is sent
/// to every one of them as `event: changed` with the paths and ids it concerns; a comment every
/// 15 s keeps proxies and browsers from closing a quiet connection. A browser that goes away
/// ends its stream (the response writer stops reading it), which removes it.
final class EventHub: Sendable {
    private struct State {
        var subscribers: [Int: AsyncStream<ByteBuffer>.Continuation] = [:]
        var next = 0
        var closed = false
    }

    private let state = Mutex(State())
    private let keepAlive: Duration
    private let ticker = Mutex<Task<Void, Never>?>(nil)

    init(keepAlive: Duration = .seconds(15)) {
        self.keepAlive = keepAlive
    }

    /// The number of browsers listening (tests).
    var count: Int { state.withLock { $0.subscribers.count } }

    /// A new listener's stream: a first comment at once (so the browser knows it is connected),
    /// then the changes. Empty and finished when the hub is closed.
    func subscribe() -> AsyncStream<ByteBuffer> {
        let (stream, continuation) = AsyncStream.makeStream(of: ByteBuffer.self, bufferingPolicy: .bufferingNewest(64))
        let id: Int? = state.withLock { state in
            guard !state.closed else { return nil }
            state.next += 1
            state.subscribers[state.next] = continuation
            return state.next
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        continuation.yield(ByteBuffer(string: "retry: 1000\n: connected\n\n"))
        startTicking()
        return stream
    }

    /// Tells every listener that `paths` (project paths) and the documents `ids` changed.
    func announce(paths: [String], ids: [String]) {
        let data = ServeJSON.object([("paths", .strings(paths.sorted())), ("ids", .strings(ids.sorted()))]).text
        send("event: changed\ndata: \(data)\n\n")
    }

    /// Ends every stream and refuses new listeners: the server is stopping.
    func close() {
        let subscribers = state.withLock { state in
            state.closed = true
            defer { state.subscribers = [:] }
            return Array(state.subscribers.values)
        }
        for continuation in subscribers { continuation.finish() }
        ticker.withLock { $0?.cancel() }
    }

    private func send(_ text: String) {
        let subscribers = state.withLock { Array($0.subscribers.values) }
        for continuation in subscribers { continuation.yield(ByteBuffer(string: text)) }
    }

    private func startTicking() {
        ticker.withLock { task in
            guard task == nil else { return }
            let interval = keepAlive
            task = Task { [weak self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    guard let self, !Task.isCancelled else { return }
                    self.send(": keep-alive\n\n")
                }
            }
        }
    }
}
