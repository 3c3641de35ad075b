/// Whether this window may change the caseload.
public enum StoreAccess: Equatable, Sendable, CustomStringConvertible {
    case readWrite
    case readOnly(ReadOnlyReason)

    public var isReadOnly: Bool { self != .readWrite }

    public var description: String {
        switch self {
        case .readWrite: "read-write"
        case .readOnly(let reason): reason.description
        }
    }
}

/// Why the caseload was opened read-only. Its description is meant for a banner on screen.
public enum ReadOnlyReason: Equatable, Sendable, CustomStringConvertible {
    /// Another Caseload holds the lock; its process id, when it managed to write it down.
    case otherInstance(pid: Int32?)
    /// The folder (or a file needed to lock it) may not be written by this user, or the disk is read-only.
    case directoryNotWritable
    /// The manifest says a newer Caseload wrote this folder; writing could lose its data.
    case newerSchema(found: Int)
    /// The lock could not be taken for another reason (for example a network file system without locks).
    case lockUnavailable(SystemError)

    public var description: String {
        switch self {
        case .otherInstance(let pid?): "read-only: open in another window (pid \(pid))"
        case .otherInstance(nil): "read-only: open in another window"
        case .directoryNotWritable: "read-only: the data folder is not writable"
        case .newerSchema(let found): "read-only: written by a newer Caseload (schema \(found))"
        case .lockUnavailable(let reason): "read-only: the data folder could not be locked (\(reason))"
        }
    }
}
