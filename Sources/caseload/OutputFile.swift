import Foundation
import Glibc

/// Files a command writes for the person (exports), with the care the store gives its own: readable
/// by the owner only, and never left half-written.
enum OutputFile {
    /// Writes `bytes` to a temporary file beside `path`, flushes it to disk, renames it over `path`
    /// and flushes the folder, so a crash leaves the old file or the new one, never part of it.
    /// The file is 0600 whatever was there before: exports hold what link workers know about services.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        let temporary = folder + "/." + (path as NSString).lastPathComponent
            + "." + String(UInt32.random(in: .min ... .max), radix: 16) + ".tmp"

        let fd = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure(errno, path, "creating a temporary file in \(folder)") }
        var failed: (step: String, code: Int32)?
        if !writeAll(bytes, to: fd) {
            failed = ("writing", errno)
        } else if fsync(fd) != 0 {
            failed = ("flushing it to disk", errno)
        }
        // A failed close may be a delayed write error (NFS): the file cannot be trusted either way.
        if close(fd) != 0 && failed == nil { failed = ("closing it", errno) }
        if failed == nil && rename(temporary, path) != 0 { failed = ("renaming it into place", errno) }
        if let failed {
            unlink(temporary)
            throw failure(failed.code, path, failed.step)
        }
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if folderFD >= 0 { close(folderFD) } }
        guard folderFD >= 0, fsync(folderFD) == 0 else {
            let reason = String(cString: strerror(errno))
            throw CommandFailure("wrote \(path), but flushing \(folder) to disk failed (\(reason)): it may not survive a power cut")
        }
    }

    /// Carries on after partial writes and interrupted calls; false with `errno` set on failure.
    private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                // Zero bytes written to a regular file would loop for ever: report it as an I/O error.
                if written == 0 { errno = EIO }
                return false
            }
            offset += written
        }
        return true
    }

    /// The caller passes `errno` first, before building any text can change it.
    private static func failure(_ code: Int32, _ path: String, _ step: String) -> CommandFailure {
        CommandFailure("cannot write \(path): \(step) failed (\(String(cString: strerror(code))))")
    }
}
