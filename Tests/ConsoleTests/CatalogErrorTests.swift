import Foundation
import RegistryClient
import Testing

@testable import Console

/// Registry errors as the user reads them: English as the client words them, Chinese opening with
/// a sentence for the error's code.
struct CatalogErrorTests {
    private let english = Catalog(.english)
    private let chinese = Catalog(.simplifiedChinese)

    @Test func registryErrorsInEnglishKeepTheirDescription() {
        let error = RegistryError(
            .notFound, "manifest unknown: latest", hint: "check the tag name", status: 404,
            serverCode: "MANIFEST_UNKNOWN")
        #expect(english.describe(error) == "manifest unknown: latest; check the tag name")
        #expect(english.describe(RegistryError(.timeout, "no answer in 30 s")) == "no answer in 30 s")
    }

    @Test func registryErrorsInChineseOpenWithTheirCode() {
        let missing = RegistryError(.notFound, "manifest unknown: latest", hint: "check the tag name", status: 404)
        #expect(chinese.describe(missing) == "不存在：manifest unknown: latest；check the tag name")
        #expect(
            chinese.describe(RegistryError(.unauthorized, "401 from registry.example"))
                == "未登录或凭据被拒绝：401 from registry.example")
        #expect(chinese.describe(RegistryError(.rateLimited, "")) == "请求过于频繁，已被限流")
        #expect(
            chinese.describe(RegistryError(.readOnly, "prod is read-only") as any Error) == "实例为只读：prod is read-only")
        #expect(
            chinese.describe(CocoaError(.fileNoSuchFile) as any Error)
                == String(describing: CocoaError(.fileNoSuchFile)))
    }
}
