import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The dns and tcp checks: name resolution with `getaddrinfo` and a TCP connect, each bounded.
enum NetworkProbe {
    /// One resolved address.
    struct Address: Sendable {
        var family: Int32
        /// `sockaddr` bytes.
        var storage: [UInt8]
        /// `192.0.2.1`, `2001:db8::1`.
        var text: String
    }

    /// The addresses of `host`, or why it has none; `.failure("timed out…")` after `timeout`.
    static func resolve(_ host: String, timeout: Duration) async -> Result<[Address], DoctorProbeFailure> {
        let result = await BlockingCall.run(timeout: timeout) { lookUp(host) }
        return result ?? .failure(DoctorProbeFailure("no answer from the resolver within \(timeout.secondsText) s"))
    }

    /// Connects to the addresses in turn until one accepts; returns the one that did.
    static func reach(
        _ addresses: [Address], port: Int, timeout: Duration
    ) async -> Result<Address, DoctorProbeFailure> {
        let result = await BlockingCall.run(timeout: timeout + .milliseconds(500)) {
            var failures: [String] = []
            let start = ContinuousClock.now
            for address in addresses {
                let left = timeout - (ContinuousClock.now - start)
                guard left > .zero else { break }
                if let problem = tryConnecting(address, port: port, timeout: left) {
                    failures.append("\(address.text): \(problem)")
                } else {
                    return Result<Address, DoctorProbeFailure>.success(address)
                }
            }
            if failures.isEmpty { failures.append("no address answered within \(timeout.secondsText) s") }
            return .failure(DoctorProbeFailure(failures.joined(separator: "; ")))
        }
        return result ?? .failure(DoctorProbeFailure("no answer within \(timeout.secondsText) s"))
    }

    private static func lookUp(_ host: String) -> Result<[Address], DoctorProbeFailure> {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0, let list else {
            return .failure(DoctorProbeFailure(String(cString: gai_strerror(status))))
        }
        defer { freeaddrinfo(list) }
        var addresses: [Address] = []
        var next: UnsafeMutablePointer<addrinfo>? = list
        while let entry = next?.pointee {
            next = entry.ai_next
            guard let socketAddress = entry.ai_addr else { continue }
            let bytes = Array(UnsafeRawBufferPointer(start: socketAddress, count: Int(entry.ai_addrlen)))
            let text = numericHost(socketAddress, length: entry.ai_addrlen)
            if !addresses.contains(where: { $0.text == text }) {
                addresses.append(Address(family: entry.ai_family, storage: bytes, text: text))
            }
        }
        return addresses.isEmpty ? .failure(DoctorProbeFailure("the name has no addresses")) : .success(addresses)
    }

    private static func numericHost(_ address: UnsafePointer<sockaddr>, length: socklen_t) -> String {
        var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        guard getnameinfo(address, length, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 else {
            return "?"
        }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Nil when a connection to `address` opened within `timeout`, else why not.
    private static func tryConnecting(_ address: Address, port: Int, timeout: Duration) -> String? {
        let descriptor = socket(address.family, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        var storage = address.storage
        let started: Int32 = storage.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return -1 }
            // sin_port and sin6_port sit at the same offset, right after the family.
            base.advanced(by: 2).storeBytes(of: UInt16(port).bigEndian, as: UInt16.self)
            return connect(descriptor, base.assumingMemoryBound(to: sockaddr.self), socklen_t(raw.count))
        }
        if started == 0 { return nil }
        guard errno == EINPROGRESS else { return String(cString: strerror(errno)) }
        var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        let ready = poll(&poller, 1, Int32(max(1, timeout.wholeMilliseconds)))
        if ready == 0 { return "no answer within \(timeout.secondsText) s (dropped by a firewall?)" }
        if ready < 0 { return String(cString: strerror(errno)) }
        var problem: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &problem, &size)
        return problem == 0 ? nil : String(cString: strerror(problem))
    }
}
