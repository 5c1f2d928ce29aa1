import Foundation
import TestSupport

extension Fixture {
    /// The shared fixture with a `harbor` entry `hb` on `emulator` (its administrator, password in
    /// `HARBOR_PASSWORD`); `settings` are added to the entry (`read_only = true`).
    static func harbor(_ emulator: HarborEmulator, settings: String = "") async throws -> Fixture {
        let fixture = try await Fixture.make(
            extraConfig: """

                [[instances]]
                name = "hb"
                kind = "harbor"
                url = "\(emulator.url)"
                username = "\(emulator.username)"
                password_env = "HARBOR_PASSWORD"
                \(settings)
                """)
        var cli = fixture.cli
        cli.environment["HARBOR_PASSWORD"] = emulator.password
        return Fixture(state: fixture.state, cli: cli)
    }
}
