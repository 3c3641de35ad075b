import Foundation

/// Collects what each worker of a `concurrentPerform` produced. Worker `w` of `n` handles items
/// `w, w + n, w + 2n, …`, so striped work stays balanced when files differ in size.
final class WorkerResults<Item: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var byWorker: [[Item]]

    init(workers: Int) {
        byWorker = Array(repeating: [], count: workers)
    }

    func set(_ items: [Item], for worker: Int) {
        lock.lock()
        defer { lock.unlock() }
        byWorker[worker] = items
    }

    /// Every item back in the order of the input, `count` in all.
    func interleaved(count: Int) -> [Item] {
        lock.lock()
        defer { lock.unlock() }
        let workers = byWorker.count
        return (0..<count).map { byWorker[$0 % workers][$0 / workers] }
    }
}
