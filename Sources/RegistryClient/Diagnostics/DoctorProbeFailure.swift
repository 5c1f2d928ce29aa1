/// Why a network probe of the doctor failed, in the system's words.
struct DoctorProbeFailure: Error, Sendable {
    var message: String

    init(_ message: String) { self.message = message }
}
