import Foundation
import Glibc

/// Who is at the keyboard, for "checked by" on the directory: the account's full name when the
/// system has one, else the login name. Settings (a later change) will let people set it.
enum WorkerName {
    static func current(environment: [String: String]) -> String {
        if let entry = getpwuid(getuid()), let gecos = entry.pointee.pw_gecos {
            // The full name is the first comma-separated part of the GECOS field.
            let fullName = String(cString: gecos).split(separator: ",", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            if !fullName.trimmingCharacters(in: .whitespaces).isEmpty { return fullName }
        }
        return environment["USER"] ?? environment["LOGNAME"] ?? ""
    }
}
