import Foundation
import Synchronization
import Testing
@testable import StdKitModel

@Suite("Parallel.map")
struct ParallelTests {
    struct Failed: Error, Equatable {
        var value: Int
    }

    /// The pieces cover every position once, in order, none empty, at most 32 of them (the
    /// schema validation and the resolution of references hand out their work in these).
    @Test func piecesCoverEveryPositionOnceInOrder() {
        for count in [0, 1, 2, 31, 32, 33, 75, 10_000] {
            let pieces = Parallel.pieces(count)
            #expect(pieces.flatMap { Array($0) } == Array(0..<count), "\(count)")
            #expect(pieces.count == min(count, 32))
            #expect(pieces.allSatisfy { !$0.isEmpty })
        }
    }

    /// Each element is changed in place exactly once and the results come back in order; an
    /// array that is the only reference to its storage is changed where it is, not copied.
    @Test func updateInPiecesChangesEachElementOnceInPlace() {
        for count in [0, 1, 2, 33, 10_000] {
            var elements = (0..<count).map { "第\($0)" }
            let before = elements.withUnsafeBufferPointer { $0.baseAddress }
            let results = Parallel.updateInPieces(&elements) { element -> Int in
                if element.hasSuffix("97") { usleep(1_000) }
                element += "项"
                return element.count
            }
            #expect(elements == (0..<count).map { "第\($0)项" }, "\(count)")
            #expect(results == elements.map(\.count))
            #expect(elements.withUnsafeBufferPointer { $0.baseAddress } == before || count == 0)
        }
    }

    /// Results come back in input order, each element transformed exactly once, however the
    /// iterations interleave (some are made slow so that later ones finish first).
    @Test func orderIsKeptAndEveryElementIsDoneOnce() {
        let calls = Mutex([Int: Int]())
        let inputs = Array(0..<1_000)
        let outputs = Parallel.map(inputs) { value -> String in
            if value % 97 == 0 { usleep(2_000) }
            calls.withLock { $0[value, default: 0] += 1 }
            return "第\(value)"
        }
        #expect(outputs == inputs.map { "第\($0)" })
        let counted = calls.withLock { $0 }
        #expect(counted.count == 1_000)
        #expect(counted.values.allSatisfy { $0 == 1 })
    }

    @Test func emptyInputGivesEmptyOutput() {
        let calls = Mutex(0)
        let outputs = Parallel.map([Int]()) { value -> Int in
            calls.withLock { $0 += 1 }
            return value
        }
        #expect(outputs.isEmpty)
        #expect(calls.withLock { $0 } == 0)
    }

    /// The error thrown is the first by input order, not the first to happen, and every element
    /// is still tried.
    @Test func theFirstErrorInInputOrderIsThrown() {
        let calls = Mutex(0)
        #expect(throws: Failed(value: 3)) {
            _ = try Parallel.map(Array(0..<200)) { value throws(Failed) -> Int in
                calls.withLock { $0 += 1 }
                if value == 3 { usleep(20_000) }  // finishes last
                if [3, 150, 199].contains(value) { throw Failed(value: value) }
                return value
            }
        }
        #expect(calls.withLock { $0 } == 200)
    }

    /// Progress is told each count once, in increasing order, ending at the total.
    @Test func progressCountsUpOneAtATime() {
        let seen = Mutex([Int]())
        _ = Parallel.map(Array(0..<300), progress: { done in seen.withLock { $0.append(done) } }) { $0 * 2 }
        #expect(seen.withLock { $0 } == Array(1...300))
    }

    @Test func forEachRunsEveryElementOnce() {
        let sum = Mutex(0)
        Parallel.forEach(Array(1...100)) { value in sum.withLock { $0 += value } }
        #expect(sum.withLock { $0 } == 5_050)
    }
}
