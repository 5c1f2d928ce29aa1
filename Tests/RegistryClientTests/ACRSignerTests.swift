import Foundation
import Testing

@testable import RegistryClient

/// ACS3-HMAC-SHA256 against the example in Alibaba Cloud's public V3 signature documentation.
@Suite struct ACRSignerTests {
    let credential = AlibabaCredential(
        accessKeyID: "YourAccessKeyId", accessKeySecret: "YourAccessKeySecret", securityToken: nil, source: "test")
    let headers = [
        "host": "ecs.cn-shanghai.aliyuncs.com", "x-acs-action": "RunInstances", "x-acs-version": "2014-05-26",
        "x-acs-date": "2023-10-26T09:01:01Z", "x-acs-signature-nonce": "d410180a5abf7fe235dd9b74aca91fc0",
    ]
    let query = [("RegionId", "cn-shanghai"), ("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd")]

    @Test func reproducesTheDocumentedSignature() {
        let signed = ACRSigner(credential: credential).sign(method: .post, query: query, headers: headers)
        #expect(
            signed["Authorization"]
                == "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804"
        )
        #expect(signed["x-acs-content-sha256"] == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func canonicalRequestHashMatchesTheDocument() {
        let names = (headers.keys + ["x-acs-content-sha256"]).sorted()
        let all = headers.merging(["x-acs-content-sha256": ACRSigner.hexSHA256(Data())]) { $1 }
        let canonical = ACRSigner.canonicalRequest(
            method: .post, path: "/", query: ACRSigner.canonicalQuery(query),
            headers: names.map { "\($0):\(all[$0]!)" },
            signedHeaders: names.joined(separator: ";"), payloadHash: ACRSigner.hexSHA256(Data()))
        #expect(
            ACRSigner.hexSHA256(Data(canonical.utf8))
                == "29622f5feb1e9fcaaa2e276a72889c975f7b16f00e02be1ca34965b18cd85015")
    }

    @Test func encodesTheQueryWithRFC3986AndSortsIt() {
        #expect(ACRSigner.percentEncode("a b*c/d:e~f_g.h-i") == "a%20b%2Ac%2Fd%3Ae~f_g.h-i")
        #expect(ACRSigner.percentEncode("命名") == "%E5%91%BD%E5%90%8D")
        #expect(ACRSigner.canonicalQuery([("b", "2"), ("a", "x y"), ("Tag", "")]) == "Tag=&a=x%20y&b=2")
    }

    @Test func stsTokensAreSentAndSigned() {
        let sts = AlibabaCredential(
            accessKeyID: "STS.id", accessKeySecret: "secret", securityToken: "token+/=", source: "test")
        let signed = ACRSigner(credential: sts).sign(method: .get, query: [], headers: headers)
        #expect(signed["x-acs-security-token"] == "token+/=")
        #expect(signed["x-acs-accesskey-id"] == "STS.id")
        #expect(signed["Authorization"]?.contains("x-acs-security-token") == true)
    }

    @Test func parametersSerialiseLikeTheSDK() {
        var parameters: ACRParameters = ["InstanceId": "cri-1", "Missing": nil]
        parameters.set("Auto", true)
        parameters.set("PageSize", 100)
        parameters.set("DefaultRepoConfiguration", json: ["RepoType": "PRIVATE", "TagImmutability": false])
        #expect(parameters["Missing"] == nil)
        #expect(parameters["Auto"] == "true")
        #expect(parameters["PageSize"] == "100")
        #expect(parameters["DefaultRepoConfiguration"] == #"{"RepoType":"PRIVATE","TagImmutability":false}"#)
    }
}
