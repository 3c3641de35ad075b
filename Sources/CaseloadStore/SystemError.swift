import Glibc  // Linux only, as is the whole app

/// An `errno` from a failed system call, kept as a value so that it cannot be overwritten by a later
/// call before it is reported. Its description is the system's own sentence ("No space left on device").
public struct SystemError: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    public let code: Int32

    public init(_ code: Int32) { self.code = code }

    /// The current `errno`. Call straight after the failed call.
    public static var current: SystemError { SystemError(errno) }

    public var description: String { String(cString: strerror(code)) }

    /// The failure means "you may not write here" rather than "something broke".
    public var meansNotWritable: Bool { code == EACCES || code == EPERM || code == EROFS }
}
