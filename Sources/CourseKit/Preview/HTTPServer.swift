import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server over POSIX sockets for the live preview, listening on 127.0.0.1
/// only. One thread accepts; each connection is served on a concurrent queue (at most
/// `maximumConnections` at once; more are closed at once), reads one request head with a
/// receive timeout (`HTTPRequestParser`'s bounds), refuses a `Host` other than its own
/// (`hostAllowed`), writes one response and closes, so a
/// browser's parallel requests never wait on one another for long.
public final class HTTPServer: @unchecked Sendable {
    public static let maximumConnections = 32
    public let port: UInt16
    private let socket: Int32
    private let handler: @Sendable (HTTPRequest) -> HTTPResponse
    private let lock = NSLock()
    private var stopped = false
    private let slots = DispatchSemaphore(value: HTTPServer.maximumConnections)
    private let queue = DispatchQueue(label: "coursekit.preview.connections", attributes: .concurrent)
    private var acceptThread: Thread?

    /// Binds 127.0.0.1:`port` (0: a free port the system picks) and listens.
    public init(port: UInt16, handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) throws(ToolError) {
        self.handler = handler
        #if canImport(Glibc)
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Self.failure("socket", port: port) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let error = Self.failure("bind", port: port)
            close(fd)
            throw error
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.socket = fd
        self.port = UInt16(bigEndian: actual.sin_port)
    }

    private static func failure(_ call: String, port: UInt16) -> ToolError {
        let reason = String(cString: strerror(errno))
        return ToolError(LocalizedText(
            en: "cannot listen on 127.0.0.1:\(port) (\(call): \(reason)); is another preview running? Choose another port with --port (0 picks a free one)",
            hi: "127.0.0.1:\(port) पर सुनना संभव नहीं (\(call): \(reason)); क्या कोई और पूर्वावलोकन चल रहा है? --port से दूसरा पोर्ट चुनें (0 से कोई खाली पोर्ट)"))
    }

    /// Starts accepting connections on a thread of its own.
    public func start() {
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "coursekit.preview.accept"
        acceptThread = thread
        thread.start()
    }

    /// Stops accepting and closes the listening socket (connections being served finish).
    public func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        lock.unlock()
        guard !wasStopped else { return }
        shutdown(socket, Int32(SHUT_RDWR))
        close(socket)
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func acceptLoop() {
        while !isStopped {
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 250) > 0, !isStopped else { continue }
            let connection = accept(socket, nil, nil)
            guard connection >= 0 else { continue }
            guard slots.wait(timeout: .now() + .milliseconds(500)) == .success else {
                send(HTTPResponse.plain(503, "503 Service Unavailable").serialized(), to: connection)
                close(connection)
                continue
            }
            queue.async { [self] in
                serve(connection)
                slots.signal()
            }
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var sendTimeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &sendTimeout, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var outcome = HTTPRequestParser.Outcome.incomplete
        while case .incomplete = outcome {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return }
            received += buffer[0..<count]
            outcome = HTTPRequestParser.parse(received)
        }
        switch outcome {
        case .request(let request) where !Self.hostAllowed(request, port: port):
            send(HTTPResponse.plain(400, "400 Bad Request: unknown Host").serialized(), to: connection)
        case .request(let request):
            send(handler(request).serialized(headOnly: request.method == "HEAD"), to: connection)
        case .rejected(let status):
            send(HTTPResponse.plain(status, "\(status) \(HTTPResponse.reason(status))").serialized(), to: connection)
            drain(connection)
        case .incomplete:
            return
        }
    }

    /// The `Host` a request names must be this server (`127.0.0.1:PORT` or `localhost:PORT`),
    /// so a web page whose domain resolves to 127.0.0.1 (DNS rebinding) cannot read the
    /// preview. A request without `Host` (HTTP/1.0) is accepted.
    static func hostAllowed(_ request: HTTPRequest, port: UInt16) -> Bool {
        let hosts = request.headers.filter { $0.name.lowercased() == "host" }.map { $0.value.lowercased() }
        guard !hosts.isEmpty else { return true }
        return hosts.count == 1 && ["127.0.0.1:\(port)", "localhost:\(port)"].contains(hosts[0])
    }

    /// After a rejection the client may still be sending: closing with unread bytes would reset
    /// the connection and lose the response, so stop writing and read (at most 64 KiB, for at
    /// most the receive timeout) until the client closes.
    private func drain(_ connection: Int32) {
        shutdown(connection, Int32(SHUT_WR))
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        var total = 0
        while total < 64 * 1024 {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return }
            total += count
        }
    }

    private func send(_ bytes: [UInt8], to connection: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { raw in
                #if canImport(Glibc)
                Glibc.send(connection, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
                #else
                Darwin.send(connection, raw.baseAddress, raw.count, 0)
                #endif
            }
            guard written > 0 else { return }
            offset += written
        }
    }
}
