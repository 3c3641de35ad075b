/// What the app loop needs from a terminal. The curses backend implements it; tests use a fake.
public protocol Terminal: AnyObject {
    var size: Size { get }
    /// Draws `buffer`, changing only what differs from the last frame, and places the cursor
    /// (hidden when nil).
    func draw(_ buffer: Buffer, cursor: (x: Int, y: Int)?)
    /// Waits up to `timeoutMilliseconds` for input; nil on timeout.
    func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent?
    /// SIGTERM, SIGHUP or SIGINT received since start, if any: the loop shuts down cleanly.
    var pendingTerminationSignal: Int32? { get }
    /// Gives the terminal back to the shell. Safe to call more than once.
    func restore()
    /// Hands the terminal to another program (an editor) until `resume`, which repaints everything.
    func suspend()
    func resume()
    /// Draws with `theme` from the next frame on (the theme picker's live preview). A terminal
    /// without colour keeps to a monochrome scheme whatever it is given.
    func apply(_ theme: Theme)
}
