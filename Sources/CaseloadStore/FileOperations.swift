import Foundation
import Glibc  // Linux only, as is the whole app

/// The system calls the store makes, as replaceable closures so that tests can make any one of them
/// fail (for example with `ENOSPC` on `write`) and prove that nothing on disk is damaged.
///
/// Each closure makes one call and throws the `errno` it got; retry and clean-up decisions belong to
/// the callers, so they are tested too. `FileOperations.system` is the real thing.
public struct FileOperations: Sendable {
    /// `open(2)`; returns the descriptor. With `O_CREAT` the file gets exactly `mode`, whatever the umask.
    public var open: @Sendable (_ path: String, _ flags: Int32, _ mode: mode_t) throws(SystemError) -> Int32
    /// One `write(2)`; returns how many bytes were written, which may be fewer than asked.
    public var write: @Sendable (_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemError) -> Int
    public var fsync: @Sendable (_ fd: Int32) throws(SystemError) -> Void
    public var close: @Sendable (_ fd: Int32) throws(SystemError) -> Void
    public var rename: @Sendable (_ from: String, _ to: String) throws(SystemError) -> Void
    /// Opens a directory, fsyncs it (making a rename inside it durable) and closes it.
    public var syncDirectory: @Sendable (_ path: String) throws(SystemError) -> Void
    public var unlink: @Sendable (_ path: String) throws(SystemError) -> Void
    /// Reads a whole regular file. A directory fails with `EISDIR`, any other non-regular file with `EINVAL`,
    /// a file larger than `limit` bytes with `EFBIG`.
    public var readFile: @Sendable (_ path: String, _ limit: Int) throws(SystemError) -> [UInt8]
    /// The last `count` bytes of a regular file (all of it when shorter), with `readFile`'s errors;
    /// `ENOENT` when there is no such file. Lets an append check how the file ends without reading it all.
    public var readTail: @Sendable (_ path: String, _ count: Int) throws(SystemError) -> [UInt8]
    /// When the file's contents last changed (`stat(2)`'s `st_mtim`).
    public var modificationDate: @Sendable (_ path: String) throws(SystemError) -> Date
    /// The names in a directory, without `.` and `..`, in no particular order.
    public var listDirectory: @Sendable (_ path: String) throws(SystemError) -> [String]
    /// Succeeds when the process may create and rename files in the directory (`access(W_OK|X_OK)`).
    public var checkWritable: @Sendable (_ directory: String) throws(SystemError) -> Void
    /// `flock(fd, LOCK_EX | LOCK_NB)`: `EWOULDBLOCK` when another open file holds the lock.
    public var lockExclusive: @Sendable (_ fd: Int32) throws(SystemError) -> Void
    /// `link(2)`: a second name for an existing file, as backups use for record files.
    public var link: @Sendable (_ existing: String, _ new: String) throws(SystemError) -> Void
    /// `stat(2)`: what tells one version of a file from another without reading it.
    public var identity: @Sendable (_ path: String) throws(SystemError) -> FileIdentity

    public init(
        open: @escaping @Sendable (String, Int32, mode_t) throws(SystemError) -> Int32,
        write: @escaping @Sendable (Int32, UnsafeRawBufferPointer) throws(SystemError) -> Int,
        fsync: @escaping @Sendable (Int32) throws(SystemError) -> Void,
        close: @escaping @Sendable (Int32) throws(SystemError) -> Void,
        rename: @escaping @Sendable (String, String) throws(SystemError) -> Void,
        syncDirectory: @escaping @Sendable (String) throws(SystemError) -> Void,
        unlink: @escaping @Sendable (String) throws(SystemError) -> Void,
        readFile: @escaping @Sendable (String, Int) throws(SystemError) -> [UInt8],
        readTail: @escaping @Sendable (String, Int) throws(SystemError) -> [UInt8],
        modificationDate: @escaping @Sendable (String) throws(SystemError) -> Date,
        listDirectory: @escaping @Sendable (String) throws(SystemError) -> [String],
        checkWritable: @escaping @Sendable (String) throws(SystemError) -> Void,
        lockExclusive: @escaping @Sendable (Int32) throws(SystemError) -> Void,
        link: @escaping @Sendable (String, String) throws(SystemError) -> Void,
        identity: @escaping @Sendable (String) throws(SystemError) -> FileIdentity = SystemFiles.identity
    ) {
        self.open = open
        self.write = write
        self.fsync = fsync
        self.close = close
        self.rename = rename
        self.syncDirectory = syncDirectory
        self.unlink = unlink
        self.readFile = readFile
        self.readTail = readTail
        self.modificationDate = modificationDate
        self.listDirectory = listDirectory
        self.checkWritable = checkWritable
        self.lockExclusive = lockExclusive
        self.link = link
        self.identity = identity
    }
}

extension FileOperations {
    public static let system = FileOperations(
        open: { (path, flags, mode) throws(SystemError) -> Int32 in
            let fd = Glibc.open(path, flags, mode)
            guard fd >= 0 else { throw .current }
            // The umask may have taken bits away; health data files are owner read-write, no more, no less.
            if flags & O_CREAT != 0 { _ = fchmod(fd, mode) }
            return fd
        },
        write: { (fd, bytes) throws(SystemError) -> Int in
            let written = Glibc.write(fd, bytes.baseAddress, bytes.count)
            guard written >= 0 else { throw .current }
            return written
        },
        fsync: { (fd) throws(SystemError) in
            guard Glibc.fsync(fd) == 0 else { throw .current }
        },
        close: { (fd) throws(SystemError) in
            // Never retry close on Linux: the descriptor is released even when close reports EINTR.
            guard Glibc.close(fd) == 0 else { throw .current }
        },
        rename: { (from, to) throws(SystemError) in
            guard Glibc.rename(from, to) == 0 else { throw .current }
        },
        syncDirectory: { (path) throws(SystemError) in
            let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else { throw .current }
            defer { _ = Glibc.close(fd) }
            guard Glibc.fsync(fd) == 0 else { throw .current }
        },
        unlink: { (path) throws(SystemError) in
            guard Glibc.unlink(path) == 0 else { throw .current }
        },
        readFile: { (path, limit) throws(SystemError) -> [UInt8] in
            try SystemFiles.readWholeFile(path, limit: limit)
        },
        readTail: { (path, count) throws(SystemError) -> [UInt8] in
            try SystemFiles.readTail(path, count: count)
        },
        modificationDate: { (path) throws(SystemError) -> Date in
            var info = stat()
            guard stat(path, &info) == 0 else { throw .current }
            return Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9)
        },
        listDirectory: { (path) throws(SystemError) -> [String] in
            try SystemFiles.listDirectory(path)
        },
        checkWritable: { (directory) throws(SystemError) in
            guard access(directory, W_OK | X_OK) == 0 else { throw .current }
        },
        lockExclusive: { (fd) throws(SystemError) in
            while flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let error = SystemError.current
                if error.code != EINTR { throw error }
            }
        },
        link: { (existing, new) throws(SystemError) in
            guard Glibc.link(existing, new) == 0 else { throw .current }
        }
    )
}

/// One version of a file as `stat(2)` sees it. Saves replace a file by rename, so a new version
/// has a new inode; an edit in place changes the size or the modification time. Equal identities
/// mean the contents were not changed through any normal means. The change time is left out:
/// backups hard-link every record file, which changes it without changing the contents.
public struct FileIdentity: Hashable, Sendable {
    public var inode: UInt64
    public var size: Int64
    /// Nanoseconds since 1970.
    public var modified: Int64

    public init(inode: UInt64, size: Int64, modified: Int64) {
        self.inode = inode
        self.size = size
        self.modified = modified
    }
}

/// Plain system-call helpers shared by `FileOperations.system` and the lock.
public enum SystemFiles {
    @Sendable public static func identity(_ path: String) throws(SystemError) -> FileIdentity {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .current }
        return FileIdentity(
            inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    static func readWholeFile(_ path: String, limit: Int) throws(SystemError) -> [UInt8] {
        try withRegularFile(path) { (fd, size) throws(SystemError) in
            guard size <= limit else { throw SystemError(EFBIG) }
            return try readAll(fd, sizeHint: size, limit: limit)
        }
    }

    static func readTail(_ path: String, count: Int) throws(SystemError) -> [UInt8] {
        try withRegularFile(path) { (fd, size) throws(SystemError) in
            guard lseek(fd, off_t(max(0, size - count)), SEEK_SET) >= 0 else { throw .current }
            return try readAll(fd, sizeHint: min(size, count), limit: count)
        }
    }

    /// Opens `path` for reading, refusing anything but a regular file, and passes its descriptor and size.
    private static func withRegularFile(
        _ path: String, _ body: (Int32, Int) throws(SystemError) -> [UInt8]
    ) throws(SystemError) -> [UInt8] {
        // O_NONBLOCK so that a stray named pipe cannot hang us; it has no effect on regular files.
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw .current }
        defer { _ = Glibc.close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .current }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw SystemError(EISDIR)
        default: throw SystemError(EINVAL)
        }
        return try body(fd, Int(info.st_size))
    }

    /// Where `path` points when it is a symbolic link to nothing (its target, as written in the
    /// link); nil when it is anything else. Asked after a read failed with `ENOENT`, which a
    /// missing file and a dangling link both give.
    static func danglingLinkTarget(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
        guard stat(path, &info) != 0, errno == ENOENT else { return nil }
        var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &target, target.count - 1)
        guard count >= 0 else { return "" }
        return String(decoding: target[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func listDirectory(_ path: String) throws(SystemError) -> [String] {
        guard let dir = opendir(path) else { throw .current }
        defer { closedir(dir) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { throw .current }
                return names
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
    }

    /// Reads from the current offset to the end, retrying on EINTR.
    static func readAll(_ fd: Int32, sizeHint: Int = 0, limit: Int) throws(SystemError) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(sizeHint)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                let error = SystemError.current
                if error.code == EINTR { continue }
                throw error
            }
            if count == 0 { return result }
            result.append(contentsOf: chunk[0..<count])
            if result.count > limit { throw SystemError(EFBIG) }
        }
    }
}
