import Foundation

/// The one way stdkit runs work on every core: `map` computes a transform of each element
/// concurrently (`DispatchQueue.concurrentPerform`, as many threads as there are cores) and
/// returns the results in the order of the input — so that work spread over the cores gives
/// the same output as one element after the other.
public enum Parallel {
    /// `transform` of each of `inputs`, in their order, computed on every core. `progress`, when
    /// given, is called after each element with the number done so far, one call at a time and
    /// in increasing order. When transforms throw, the error of the first element (in input
    /// order) that failed is thrown, after every element has been tried.
    public static func map<Input: Sendable, Output: Sendable, Failure: Error>(
        _ inputs: [Input], progress: (@Sendable (_ done: Int) -> Void)? = nil,
        _ transform: @Sendable (Input) throws(Failure) -> Output
    ) throws(Failure) -> [Output] {
        if inputs.isEmpty { return [] }
        let results = Results<Output, Failure>(count: inputs.count, progress: progress)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            do throws(Failure) {
                results.set(index, .success(try transform(inputs[index])))
            } catch {
                results.set(index, .failure(error))
            }
        }
        return try results.values()
    }

    /// `count` positions cut into consecutive ranges of about equal length, enough of them for
    /// the cores to share (none for none): work too small to be worth a task per position is
    /// handed out in these, and the results joined in order are in the positions' order.
    public static func pieces(_ count: Int) -> [Range<Int>] {
        let number = min(count, 32)
        return (0..<number).map { piece in (count * piece / number)..<(count * (piece + 1) / number) }
    }

    /// `transform` of each of `elements`, which it may change in place, worked out on every core
    /// in pieces (`pieces`); the results in the elements' order. Each call has its element to
    /// itself, and the array is changed where it is (its storage is not copied when it is the
    /// only reference to it, nor each element's when it is).
    public static func updateInPieces<Element: Sendable, Output: Sendable>(
        _ elements: inout [Element], _ transform: @Sendable (inout Element) -> Output
    ) -> [Output] {
        elements.withUnsafeMutableBufferPointer { buffer in
            let shared = DisjointElements(buffer: buffer)
            return Array(map(pieces(buffer.count)) { piece in piece.map { transform(&shared.buffer[$0]) } }.joined())
        }
    }

    /// `body` for each of `inputs`, on every core; returns when every call has ended.
    public static func forEach<Input: Sendable>(_ inputs: [Input], _ body: @Sendable (Input) -> Void) {
        _ = map(inputs, body)
    }
}

/// The elements `Parallel.updateInPieces` changes.
private struct DisjointElements<Element>: @unchecked Sendable {
    // Safe: the buffer outlives the `map` that uses it (`withUnsafeMutableBufferPointer`), and
    // each position is in exactly one piece, so no two threads ever touch the same element.
    let buffer: UnsafeMutableBufferPointer<Element>
}

/// The results of one `Parallel.map`, a slot per input.
private final class Results<Output, Failure: Error>: @unchecked Sendable {
    // Safe: `slots` is allocated and initialised before the first iteration starts and freed
    // only in deinit; iteration `i` writes slot `i` only, once, so no two threads ever write the
    // same memory, and each write is made under `lock`, which also orders it before the read.
    // `values()` reads the slots only after `concurrentPerform` has returned, that is after
    // every iteration has ended. `done` is read and written under `lock` only.
    private let slots: UnsafeMutablePointer<Result<Output, Failure>?>
    private let count: Int
    private let lock = NSLock()
    private var done = 0
    private let progress: (@Sendable (Int) -> Void)?

    init(count: Int, progress: (@Sendable (Int) -> Void)?) {
        self.count = count
        self.progress = progress
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ result: Result<Output, Failure>) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = result
        done += 1
        progress?(done)
    }

    /// Every result in order, or the first failure; called once all slots are set.
    func values() throws(Failure) -> [Output] {
        var outputs: [Output] = []
        outputs.reserveCapacity(count)
        for index in 0..<count {
            switch slots[index] {
            case .success(let output): outputs.append(output)
            case .failure(let error): throw error
            case nil: preconditionFailure("concurrentPerform returned before iteration \(index) ended")
            }
        }
        return outputs
    }
}
