import Foundation
import Glibc

/// One writer per data folder: an exclusive `flock` on `<dir>/.lock`, a file that is never replaced
/// (a data file's inode changes at every save, which would silently split the lock).
///
/// `flock` belongs to the open file description, so it is released when the descriptor closes,
/// including when the process dies, and two opens of the file conflict even within one process.
struct DirectoryLock {
    static let fileName = ".lock"
    let fd: Int32

    /// Takes the lock, or says why the folder must be opened read-only.
    enum Outcome {
        case locked(DirectoryLock)
        case readOnly(ReadOnlyReason)
    }

    static func acquire(in directory: String, operations: FileOperations) -> Outcome {
        let fd: Int32
        do {
            fd = try operations.open(directory + "/" + fileName, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        } catch {
            return .readOnly(error.meansNotWritable ? .directoryNotWritable : .lockUnavailable(error))
        }
        do {
            try operations.lockExclusive(fd)
        } catch {
            let reason: ReadOnlyReason = error.code == EWOULDBLOCK
                ? .otherInstance(pid: readPid(fd)) : .lockUnavailable(error)
            try? operations.close(fd)
            return .readOnly(reason)
        }
        // The lock file may be writable while the folder is not (permissions changed since it was made).
        do {
            try operations.checkWritable(directory)
        } catch {
            try? operations.close(fd)
            return .readOnly(error.meansNotWritable ? .directoryNotWritable : .lockUnavailable(error))
        }
        writePid(fd)
        return .locked(DirectoryLock(fd: fd))
    }

    func release(operations: FileOperations) {
        try? operations.close(fd)
    }

    /// The holder's pid, for the banner. Best effort: the holder may not have written it yet.
    private static func readPid(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self)
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Best effort: the pid only improves a message; the lock itself is what keeps writers apart.
    private static func writePid(_ fd: Int32) {
        let bytes = Array("\(getpid())\n".utf8)
        guard ftruncate(fd, 0) == 0 else { return }
        _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }
}
