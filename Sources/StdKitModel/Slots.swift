import Foundation

/// Results computed concurrently (`DispatchQueue.concurrentPerform`), each in its slot, read in
/// order once every iteration has ended — so that work spread over the cores gives the same
/// output as one after the other.
public final class Slots<Value>: @unchecked Sendable {
    // Safe: each slot is written by one iteration only, under the lock, and read after all
    // iterations have ended.
    private var values: [Value?]
    private let lock = NSLock()

    public init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    public func set(_ index: Int, _ value: Value) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    /// The values in order; a slot never set is left out.
    public var all: [Value] { values.compactMap { $0 } }
}
