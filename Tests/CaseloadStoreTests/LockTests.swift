import CaseloadKit
@testable import CaseloadStore
import Foundation
import Glibc
import Testing

@Suite("One writer")
struct LockTests {
    /// The store relies on this: flock locks belong to the open file description, so two opens of
    /// the same file in one process conflict, just as two processes would.
    @Test func flockConflictsBetweenTwoOpensInOneProcess() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("probe").path
            let first = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            let second = open(path, O_RDWR | O_CLOEXEC)
            defer { close(first); close(second) }
            #expect(flock(first, LOCK_EX | LOCK_NB) == 0)
            #expect(flock(second, LOCK_EX | LOCK_NB) == -1)
            #expect(errno == EWOULDBLOCK)
        }
    }

    @Test func secondOpenerIsReadOnlyAndToldThePid() throws {
        try withTemporaryDirectory { dir in
            let writer = try ClientStore.open(directory: dir, now: pinnedNow)
            #expect(writer.access == .readWrite)
            #expect(String(decoding: try bytes(at: dir.appendingPathComponent(".lock")), as: UTF8.self)
                == "\(getpid())\n")

            let reader = try ClientStore.open(directory: dir, now: pinnedNow)
            #expect(reader.access == .readOnly(.otherInstance(pid: getpid())))
            #expect(reader.access.description == "read-only: open in another window (pid \(getpid()))")

            let error = #expect(throws: StoreError.self) { try reader.save(try fullClient(), previous: nil, at: pinnedNow) }
            #expect(error?.description
                == "Could not save C-0042: the caseload is read-only: open in another window (pid \(getpid())).")
            #expect(try names(in: clientsFolder(dir)).isEmpty)

            // The reader still sees what the writer saves.
            let client = try fullClient()
            try writer.save(client, previous: nil, at: pinnedNow)
            #expect(reader.loadClients().clients == [client])
        }
    }

    @Test func closingReleasesTheLock() throws {
        try withTemporaryDirectory { dir in
            let writer = try ClientStore.open(directory: dir, now: pinnedNow)
            writer.close()
            writer.close()  // harmless twice
            let error = #expect(throws: StoreError.self) { try writer.save(try fullClient(), previous: nil, at: pinnedNow) }
            #expect(error == .closed(reference: "C-0042"))
            #expect(try reopensReadWrite(dir))
        }
    }

    @Test func droppingTheStoreReleasesTheLock() throws {
        try withTemporaryDirectory { dir in
            do { _ = try ClientStore.open(directory: dir, now: pinnedNow) }
            #expect(try reopensReadWrite(dir))
        }
    }

    @Test func readOnlyStoreDoesNotTakeTheLock() throws {
        try withTemporaryDirectory { dir in
            let writer = try ClientStore.open(directory: dir, now: pinnedNow)
            let reader = try ClientStore.open(directory: dir, now: pinnedNow)
            writer.close()
            #expect(reader.access.isReadOnly)
            #expect(try reopensReadWrite(dir))
        }
    }

    @Test func emptyLockFileMeansNoPid() throws {
        try withTemporaryDirectory { dir in
            try ClientStore.open(directory: dir, now: pinnedNow).close()
            let path = dir.appendingPathComponent(".lock").path
            let holder = open(path, O_RDWR | O_TRUNC | O_CLOEXEC)
            defer { close(holder) }
            #expect(flock(holder, LOCK_EX | LOCK_NB) == 0)
            #expect(try ClientStore.open(directory: dir, now: pinnedNow).access
                == .readOnly(.otherInstance(pid: nil)))
        }
    }

    /// A real second process, as when two terminals open the same caseload.
    @Test func anotherProcessHoldingTheLockMakesUsReadOnly() throws {
        try withTemporaryDirectory { dir in
            try ClientStore.open(directory: dir, now: pinnedNow).close()
            let lockPath = dir.appendingPathComponent(".lock").path
            let child = Process()
            child.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
            // The shell writes its pid like Caseload does, then becomes a short sleep holding the lock.
            child.arguments = ["-n", lockPath, "/bin/sh", "-c", "echo $$ > \"$0\"; exec sleep 20", lockPath]
            try child.run()
            defer { child.waitUntilExit() }

            var holderPid: Int32?
            for _ in 0..<200 where holderPid == nil {
                let text = (try? String(contentsOfFile: lockPath, encoding: .utf8)) ?? ""
                if text.hasSuffix("\n"), let pid = Int32(text.dropLast()), pid != getpid() { holderPid = pid }
                else { usleep(10_000) }
            }
            let pid = try #require(holderPid)
            defer { kill(pid, SIGKILL) }  // the sleep we started (SIGTERM may be masked); flock then exits

            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            #expect(store.access == .readOnly(.otherInstance(pid: pid)))
        }
    }
}
