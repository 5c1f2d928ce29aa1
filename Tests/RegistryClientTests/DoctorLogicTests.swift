import Foundation
import Testing

@testable import RegistryClient

/// The doctor's pure verdicts: clock skew, TLS problems and dates, the config file's mode, ACR permissions.
struct DoctorLogicTests {
    private let serverTime = Date(timeIntervalSince1970: 1_700_000_000)  // Tue, 14 Nov 2023 22:13:20 GMT

    @Test func aClockWithinFiveMinutesPassesAndSaysByHowMuch() {
        let outcome = ClockSkew.evaluate(
            serverDate: "Tue, 14 Nov 2023 22:13:20 GMT", local: serverTime.addingTimeInterval(42), host: "r.example")
        #expect(outcome == .passed("42 s ahead of r.example (within 5 min)"))
        let same = ClockSkew.evaluate(
            serverDate: "Tue, 14 Nov 2023 22:13:20 GMT", local: serverTime.addingTimeInterval(0.3), host: "r.example")
        #expect(same == .passed("in step with r.example"))
    }

    @Test func aClockOffByMoreThanFiveMinutesFailsWithTheOffsetAndNTP() {
        let outcome = ClockSkew.evaluate(
            serverDate: "Tue, 14 Nov 2023 22:13:20 GMT", local: serverTime.addingTimeInterval(-(17 * 60 + 5)),
            host: "cr.example")
        #expect(!outcome.ok)
        #expect(outcome.detail.hasPrefix("this machine's clock is 17 min 5 s behind cr.example"))
        #expect(outcome.detail.contains("server time Tue, 14 Nov 2023 22:13:20 GMT"))
        #expect(outcome.fix == "sync the clock with NTP (timedatectl set-ntp true, or chronyc makestep)")
    }

    @Test func aMissingDateHeaderCannotBeCompared() {
        #expect(
            ClockSkew.evaluate(serverDate: nil, local: serverTime, host: "h")
                == .passed("h sent no Date header; the clock could not be compared"))
    }

    @Test func verificationMessagesAreClassified() {
        #expect(TLSVerdict.problem(in: "SSL certificate problem: certificate has expired") == .expired)
        #expect(TLSVerdict.problem(in: "SSL certificate problem: self-signed certificate") == .selfSigned)
        #expect(
            TLSVerdict.problem(in: "SSL certificate problem: unable to get local issuer certificate")
                == .unknownAuthority)
        #expect(
            TLSVerdict.problem(
                in: "SSL: no alternative certificate subject name matches target host name 'localhost'")
                == .nameMismatch)
        #expect(TLSVerdict.problem(in: "SSL certificate problem: certificate is not yet valid") == .notYetValid)
        #expect(TLSVerdict.problem(in: "something else entirely") == .other)
    }

    @Test func certificateDatesOfOpenSSLAndGnuTLSParse() throws {
        let openSSL = try #require(TLSInspection.parseDate("Feb  1 00:00:00 2020 GMT"))
        let gnuTLS = try #require(TLSInspection.parseDate("2020-02-01 00:00:00 GMT"))
        #expect(openSSL == Date(timeIntervalSince1970: 1_580_515_200))
        #expect(gnuTLS == openSSL)
        #expect(TLSInspection.parseDate("soon") == nil)
    }

    @Test func anExpiredCertificateFailsWithRenewAsTheFix() {
        let certificate = TLSInspection.Certificate(
            subject: "CN = 127.0.0.1", issuer: "CN = test CA", notAfter: serverTime.addingTimeInterval(-3 * 86_400))
        let inspection = TLSInspection(
            certificate: certificate, verificationError: "SSL certificate problem: certificate has expired",
            connectionError: nil)
        let outcome = TLSVerdict.evaluate(inspection, host: "h", insecure: false, now: serverTime)
        #expect(
            outcome.detail
                == "certificate for CN = 127.0.0.1, issued by CN = test CA is not trusted: SSL certificate problem: certificate has expired (expired 3 day(s) ago)"
        )
        #expect(outcome.fix == "renew the certificate of h")
        #expect(!outcome.ok)
    }

    @Test func anUnknownAuthoritySuggestsTheCAStoreOrInsecureAndInsecurePasses() {
        let inspection = TLSInspection(
            certificate: nil, verificationError: "SSL certificate problem: self-signed certificate",
            connectionError: nil)
        let outcome = TLSVerdict.evaluate(inspection, host: "h", insecure: false, now: serverTime)
        #expect(outcome.fix?.hasPrefix("add the CA that issued it to the system store") == true)
        #expect(outcome.fix?.contains("set insecure = true for this instance") == true)
        let insecure = TLSVerdict.evaluate(inspection, host: "h", insecure: true, now: serverTime)
        #expect(
            insecure
                == .passed(
                    "certificate is not verified (insecure = true): SSL certificate problem: self-signed certificate"))
    }

    @Test func aCertificateNearItsEndPassesWithAWarning() {
        let soon = TLSInspection.Certificate(
            subject: "CN = r", issuer: "CN = ca", notAfter: serverTime.addingTimeInterval(5 * 86_400 + 60))
        let outcome = TLSVerdict.evaluate(
            TLSInspection(certificate: soon, verificationError: nil, connectionError: nil), host: "r", insecure: false,
            now: serverTime)
        #expect(
            outcome
                == .passed(
                    "certificate for CN = r, issued by CN = ca verified, but it expires in 5 day(s): renew it soon"))
        let later = TLSInspection.Certificate(
            subject: "CN = r", issuer: "CN = ca", notAfter: serverTime.addingTimeInterval(90 * 86_400 + 60))
        #expect(
            TLSVerdict.evaluate(
                TLSInspection(certificate: later, verificationError: nil, connectionError: nil), host: "r",
                insecure: false, now: serverTime)
                == .passed("certificate for CN = r, issued by CN = ca verified, valid for 90 more days"))
    }

    @Test func aPasswordInAFileOthersCanReadFails() {
        let open = ConfigFileMode.evaluate(file: "/c.toml", mode: 0o100644)
        #expect(
            open
                == .failed(
                    "/c.toml holds a plain password and is mode 0644: other users can read it", fix: "chmod 600 /c.toml"
                ))
        #expect(
            ConfigFileMode.evaluate(file: "/c.toml", mode: 0o600)
                == .passed("/c.toml holds a plain password and is mode 0600"))
    }

    @Test func aMissingPermissionIsNamedWithItsRAMAction() {
        let probes = [
            ACRPermissionProbe.Probe(feature: "browse", action: .listNamespace, parameters: [:]),
            ACRPermissionProbe.Probe(feature: "scan", action: .getRepoTagScanSummary, parameters: [:]),
        ]
        let outcome = ACRPermissionProbe.outcome([(probes[0], .granted), (probes[1], .missing)])
        #expect(outcome.detail == "browse: ListNamespace granted, scan: GetRepoTagScanSummary missing")
        #expect(
            outcome.fix
                == "grant \(ACRAction.getRepoTagScanSummary.permission) to the RAM user, or attach AliyunContainerRegistryReadOnlyAccess"
        )
        #expect(ACRPermissionProbe.outcome([(probes[0], .granted)]) == .passed("browse: ListNamespace granted"))
    }

    @Test func aDoctorArgumentNamesAnEntryOrAnACRInstance() throws {
        let config = try Config.parse(
            """
            [[instances]]
            name = "hub"
            url = "https://r.example"

            [[instances]]
            name = "acr"
            kind = "acr"
            region = "cn-hangzhou"
            """, file: "c.toml")
        #expect(Doctor.entry(named: "hub", in: config)?.entry.name == "hub")
        let acr = try #require(Doctor.entry(named: "acr.main", in: config))
        #expect(acr.entry.name == "acr" && acr.only == "acr.main")
        #expect(Doctor.entry(named: "hub.x", in: config) == nil)
    }

    @Test func theReadCountStopsAtItsLimit() async throws {
        let pages = AsyncThrowingStream<[Int], any Error> { continuation in
            for page in 0..<30 { continuation.yield(Array(repeating: page, count: 100)) }
            continuation.finish()
        }
        #expect(try await Doctor.count(pages) == Doctor.readCountLimit)
        #expect(Doctor.countText(1000, "namespaces") == "1000+ namespaces (counting stopped there)")
        #expect(Doctor.countText(7, "projects") == "7 projects")
    }
}
