import CaseloadKit
@testable import CaseloadStore
import Foundation
import Glibc
import Synchronization
import Testing

/// A fresh folder for one test, removed afterwards even if the test changed its permissions.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("caseload-store-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
    defer {
        // Give back any permissions a test took away so that the folder can be removed.
        if let walker = FileManager.default.enumerator(atPath: url.path) {
            for case let name as String in walker { _ = chmod(url.path + "/" + name, 0o700) }
        }
        _ = chmod(url.path, 0o700)
        try? FileManager.default.removeItem(at: url)
    }
    return try body(url)
}

/// 2026-09-09T14:05:00Z: whole seconds, which is what the files keep.
let pinnedNow = Date(timeIntervalSince1970: 1_788_962_700)

func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

/// A client with every optional field set, so that a round trip exercises the whole record.
func fullClient(reference: String = "C-0042", name: String = "Margaret Oduya") throws -> Client {
    Client(
        id: UUID(), reference: reference, name: name, preferredName: "Peggy",
        dateOfBirth: day("1948-03-17"), nhsNumber: try NHSNumber("9434765919"), phone: "07700 900123",
        email: "peggy@example.org", address: "Flat 2/1, 14 Mill Lane, Leeds LS1 4AB",
        preferredContact: .phone, practice: "Mill Lane Surgery",
        referral: Referral(date: day("2026-08-03"), referrerName: "Dr A. Khan", referrerRole: .gp,
                           reason: "Lonely since husband died; \"not getting out\".",
                           needs: [.loneliness, .bereavement], consentToContact: true),
        status: .discharged,
        discharge: Discharge(reason: .goalsMet, date: day("2026-09-01"), note: "Joined the lunch club"),
        firstContactDate: day("2026-08-05"),
        statusHistory: [StatusChange(date: day("2026-08-05"), from: .waiting, to: .active),
                        StatusChange(date: day("2026-09-01"), from: .active, to: .discharged, note: "Goals met")],
        riskNote: "Dog in the house; visit in pairs.", discussInSupervision: true,
        createdAt: pinnedNow, updatedAt: pinnedNow.addingTimeInterval(3600))
}

func bytes(at url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

func write(_ text: String, to url: URL) throws { try Data(text.utf8).write(to: url) }

/// Permission bits only, such as 0o600.
func mode(of url: URL) -> mode_t {
    var info = stat()
    guard stat(url.path, &info) == 0 else { return 0 }
    return info.st_mode & 0o7777
}

func names(in url: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
}

func clientsFolder(_ dir: URL) -> URL { dir.appendingPathComponent("clients", isDirectory: true) }

func clientFile(_ dir: URL, _ id: UUID) -> URL { dir.appendingPathComponent(ClientStore.relativePath(for: id)) }

func auditFile(_ dir: URL) -> URL { dir.appendingPathComponent("audit.jsonl") }

func auditLines(_ dir: URL) throws -> [String] {
    String(decoding: try bytes(at: auditFile(dir)), as: UTF8.self).split(separator: "\n").map(String.init)
}

/// The calls of an append to the audit log, in order.
enum AuditCall: CaseIterable, Sendable {
    case readTail, open, write, fsync, close, syncDirectory
}

private enum TornWrite {
    case writePart(Int)
    case fail(Int32)
}

/// Makes chosen system calls fail, once each, on top of the real ones.
final class FaultPlan: Sendable {
    private struct State {
        var failures: [WriteStep: (code: Int32, successesLeft: Int)] = [:]
        var auditFailures: [AuditCall: Int32] = [:]
        /// The open audit log, whose calls `auditFailures` applies to.
        var auditFD: Int32?
        var auditTear: (keep: Int, code: Int32, kept: Bool)?
        var openFailure: (suffix: String, code: Int32)?
        var lockFailure: Int32?
        var checkWritableFailure: Int32?
        var readFailures: [String: Int32] = [:]
        var interruptNextWrite = false
        var maxBytesPerWrite = Int.max
    }
    private let state = Mutex(State())

    /// The next call for `step` in a save fails with `code`; or, given `successes`, the call after
    /// that many more have succeeded (the third file of a batch, say).
    func fail(_ step: WriteStep, with code: Int32, after successes: Int = 0) {
        state.withLock { $0.failures[step] = (code, successes) }
    }
    /// The next open of a path ending in `suffix` fails (to break the lock file, say).
    func failOpen(ofPathEndingIn suffix: String, with code: Int32) {
        state.withLock { $0.openFailure = (suffix, code) }
    }
    func failLock(with code: Int32) { state.withLock { $0.lockFailure = code } }
    func failCheckWritable(with code: Int32) { state.withLock { $0.checkWritableFailure = code } }
    func failRead(ofPathEndingIn suffix: String, with code: Int32) { state.withLock { $0.readFailures[suffix] = code } }
    /// The next such call on the audit log fails with `code`.
    func failAudit(_ call: AuditCall, with code: Int32) { state.withLock { $0.auditFailures[call] = code } }
    /// The next write to the audit log writes only `keep` bytes, and the one after fails with `code`.
    func tearNextAuditWrite(keeping keep: Int, with code: Int32) {
        state.withLock { $0.auditTear = (keep, code, false) }
    }
    func interruptNextWrite() { state.withLock { $0.interruptNextWrite = true } }
    func limitWrites(to count: Int) { state.withLock { $0.maxBytesPerWrite = count } }

    private func take(_ step: WriteStep) -> SystemError? {
        state.withLock { state in
            guard let failure = state.failures[step] else { return nil }
            if failure.successesLeft > 0 {
                state.failures[step]?.successesLeft -= 1
                return nil
            }
            state.failures[step] = nil
            return SystemError(failure.code)
        }
    }

    private func takeAudit(_ call: AuditCall, fd: Int32? = nil) -> SystemError? {
        state.withLock { state in
            if let fd, fd != state.auditFD { return nil }
            return state.auditFailures.removeValue(forKey: call).map(SystemError.init)
        }
    }

    private static func isAuditLog(_ path: String) -> Bool { path.hasSuffix("/audit.jsonl") }

    var operations: FileOperations {
        let base = FileOperations.system
        var ops = base
        ops.open = { (path, flags, mode) throws(SystemError) -> Int32 in
            let failure: SystemError? = self.state.withLock { state in
                if let (suffix, code) = state.openFailure, path.hasSuffix(suffix) {
                    state.openFailure = nil
                    return SystemError(code)
                }
                return nil
            }
            if let failure { throw failure }
            // Only the save's temporary file is opened with O_EXCL.
            if flags & O_EXCL != 0, let failure = self.take(.createTemporaryFile) { throw failure }
            guard Self.isAuditLog(path) else { return try base.open(path, flags, mode) }
            if let failure = self.takeAudit(.open) { throw failure }
            let fd = try base.open(path, flags, mode)
            self.state.withLock { $0.auditFD = fd }
            return fd
        }
        ops.readTail = { (path, count) throws(SystemError) -> [UInt8] in
            if Self.isAuditLog(path), let failure = self.takeAudit(.readTail) { throw failure }
            return try base.readTail(path, count)
        }
        ops.write = { (fd, buffer) throws(SystemError) -> Int in
            if let failure = self.take(.write) ?? self.takeAudit(.write, fd: fd) { throw failure }
            let tear: TornWrite? = self.state.withLock { state in
                guard fd == state.auditFD, let tear = state.auditTear else { return nil }
                if tear.kept {
                    state.auditTear = nil
                    return .fail(tear.code)
                }
                state.auditTear?.kept = true
                return .writePart(tear.keep)
            }
            switch tear {
            case .writePart(let keep)?: return try base.write(fd, UnsafeRawBufferPointer(rebasing: buffer.prefix(keep)))
            case .fail(let code)?: throw SystemError(code)
            case nil: break
            }
            let (interrupt, limit) = self.state.withLock { state in
                defer { state.interruptNextWrite = false }
                return (state.interruptNextWrite, state.maxBytesPerWrite)
            }
            if interrupt { throw SystemError(EINTR) }
            return try base.write(fd, UnsafeRawBufferPointer(rebasing: buffer.prefix(limit)))
        }
        ops.fsync = { (fd) throws(SystemError) in
            if let failure = self.take(.flush) ?? self.takeAudit(.fsync, fd: fd) { throw failure }
            try base.fsync(fd)
        }
        ops.close = { (fd) throws(SystemError) in
            // As on Linux, the descriptor is released even when close reports an error.
            try base.close(fd)
            let auditFailure: SystemError? = self.state.withLock { state in
                guard fd == state.auditFD else { return nil }
                state.auditFD = nil
                return state.auditFailures.removeValue(forKey: .close).map(SystemError.init)
            }
            if let failure = self.take(.close) ?? auditFailure { throw failure }
        }
        ops.rename = { (from, to) throws(SystemError) in
            if let failure = self.take(.rename) { throw failure }
            try base.rename(from, to)
        }
        ops.syncDirectory = { (path) throws(SystemError) in
            if let failure = self.take(.syncDirectory) { throw failure }
            // The audit log lives in the data folder; saves sync `clients/` or `assets/`.
            if !path.hasSuffix("/clients"), !path.hasSuffix("/assets"), let failure = self.takeAudit(.syncDirectory) {
                throw failure
            }
            try base.syncDirectory(path)
        }
        ops.readFile = { (path, limit) throws(SystemError) -> [UInt8] in
            let failure: SystemError? = self.state.withLock { state in
                state.readFailures.first(where: { path.hasSuffix($0.key) }).map { SystemError($0.value) }
            }
            if let failure { throw failure }
            return try base.readFile(path, limit)
        }
        ops.lockExclusive = { (fd) throws(SystemError) in
            if let code = self.state.withLock({ state in
                defer { state.lockFailure = nil }
                return state.lockFailure
            }) {
                throw SystemError(code)
            }
            try base.lockExclusive(fd)
        }
        ops.checkWritable = { (path) throws(SystemError) in
            if let code = self.state.withLock({ state in
                defer { state.checkWritableFailure = nil }
                return state.checkWritableFailure
            }) { throw SystemError(code) }
            try base.checkWritable(path)
        }
        return ops
    }
}

/// Whether the folder can be opened for writing again once its lock was let go. Other tests in
/// this process start programs (the end-to-end tests start tmux); a child holds copies of every
/// descriptor, our lock's included, from fork until exec, so a release can take a moment to show.
func reopensReadWrite(_ dir: URL) throws -> Bool {
    for _ in 0..<100 {
        if try ClientStore.open(directory: dir, now: pinnedNow).access == .readWrite { return true }
        usleep(10_000)
    }
    return false
}
