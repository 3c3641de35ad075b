import Glibc

/// The steps of a durable save, so that an error can say which one failed.
public enum WriteStep: String, Sendable, Equatable, CaseIterable {
    case createTemporaryFile, write, flush, close, rename, syncDirectory
}

/// A durable write that failed at `step` with `reason`.
public struct WriteFailure: Error, Equatable, Sendable {
    public let step: WriteStep
    public let reason: SystemError

    /// True once the rename has happened: the new bytes are in place but may not survive a power cut.
    public var replacedTarget: Bool { step == .syncDirectory }
}

/// The prefix and suffix of temporary files, which loading ignores and opening tidies away.
enum TemporaryFile {
    static func name(for target: String) -> String {
        "." + target + "." + String(UInt32.random(in: .min ... .max), radix: 16) + ".tmp"
    }

    static func isTemporary(_ name: String) -> Bool { name.hasPrefix(".") && name.hasSuffix(".tmp") }
}

/// A durable write of several files (`writeDurably(_:in:)`) that failed at `failure.step`.
struct BatchWriteFailure: Error, Equatable {
    /// How many files, from the first, were renamed into place: each holds its new bytes in full,
    /// every later one is untouched. At `.syncDirectory` that is all of them, unconfirmed.
    let replaced: Int
    /// The index of the file being written when it failed; nil when the folder sync failed.
    let failedFile: Int?
    let failure: WriteFailure
}

extension FileOperations {
    /// Replaces `fileName` in `directory` with `bytes` so that, whatever happens, the file holds either
    /// the old bytes or the new ones in full: write a temporary file beside it, fsync, rename over the
    /// target, fsync the directory. On failure before the rename the target is untouched and the
    /// temporary file is removed.
    func writeDurably(_ bytes: [UInt8], to fileName: String, in directory: String) throws(WriteFailure) {
        let temporary = try writeTemporaryFile(bytes, for: fileName, in: directory)
        do {
            try rename(temporary, directory + "/" + fileName)
        } catch {
            try? unlink(temporary)
            throw WriteFailure(step: .rename, reason: error)
        }
        do {
            try syncDirectory(directory)
        } catch {
            throw WriteFailure(step: .syncDirectory, reason: error)
        }
    }

    /// Replaces several files in one folder, each one old or new in full as `writeDurably` does, but
    /// with one folder fsync for them all rather than one each: every temporary file is written and
    /// fsynced first, then all are renamed, then the folder is synced once. A failure while writing
    /// the temporary files changes nothing; a failed rename leaves the files before it replaced
    /// (and synced, as far as the disk allows) and the rest untouched. No temporary file is left.
    func writeDurably(_ files: [(name: String, bytes: [UInt8])], in directory: String) throws(BatchWriteFailure) {
        var temporaries: [String] = []
        for (index, file) in files.enumerated() {
            do {
                temporaries.append(try writeTemporaryFile(file.bytes, for: file.name, in: directory))
            } catch {
                for temporary in temporaries { try? unlink(temporary) }
                throw BatchWriteFailure(replaced: 0, failedFile: index, failure: error)
            }
        }
        for (index, temporary) in temporaries.enumerated() {
            do {
                try rename(temporary, directory + "/" + files[index].name)
            } catch {
                for unused in temporaries[index...] { try? unlink(unused) }
                // The renames already done stand; give them the best chance of surviving a power cut.
                if index > 0 { try? syncDirectory(directory) }
                throw BatchWriteFailure(
                    replaced: index, failedFile: index, failure: WriteFailure(step: .rename, reason: error))
            }
        }
        do {
            try syncDirectory(directory)
        } catch {
            throw BatchWriteFailure(
                replaced: files.count, failedFile: nil, failure: WriteFailure(step: .syncDirectory, reason: error))
        }
    }

    /// Writes `bytes` to a new temporary file beside `fileName`, fsyncs and closes it, and returns its
    /// path, ready to be renamed over the target. On failure the temporary file is removed.
    private func writeTemporaryFile(
        _ bytes: [UInt8], for fileName: String, in directory: String
    ) throws(WriteFailure) -> String {
        var temporary = ""
        var fd: Int32 = -1
        // O_EXCL never follows or reuses an existing name; a clash of random names is simply retried.
        for attempt in 1...3 {
            temporary = directory + "/" + TemporaryFile.name(for: fileName)
            do {
                fd = try open(temporary, O_CREAT | O_EXCL | O_CLOEXEC | O_WRONLY, 0o600)
                break
            } catch {
                if error.code == EEXIST && attempt < 3 { continue }
                throw WriteFailure(step: .createTemporaryFile, reason: error)
            }
        }

        func abandon(_ step: WriteStep, _ reason: SystemError, closing: Bool) -> WriteFailure {
            if closing { try? close(fd) }
            try? unlink(temporary)
            return WriteFailure(step: step, reason: reason)
        }

        do {
            try writeAll(bytes, to: fd)
        } catch {
            throw abandon(.write, error, closing: true)
        }
        do {
            try fsync(fd)
        } catch {
            throw abandon(.flush, error, closing: true)
        }
        do {
            try close(fd)
        } catch {
            // A failed close may be a delayed write error (NFS); the descriptor is gone either way.
            throw abandon(.close, error, closing: false)
        }
        return temporary
    }

    /// Writes every byte, carrying on after partial writes and interrupted calls.
    func writeAll(_ bytes: [UInt8], to fd: Int32) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                Result { () throws(SystemError) -> Int in
                    try write(fd, UnsafeRawBufferPointer(rebasing: buffer[offset...]))
                }
            }
            let written: Int
            switch result {
            case .success(let count): written = count
            case .failure(let error) where error.code == EINTR: continue
            case .failure(let error): throw error
            }
            // A write of zero bytes to a regular file would loop for ever; treat it as an I/O error.
            guard written > 0 else { throw SystemError(EIO) }
            offset += written
        }
    }
}
