/// Regions where ACR Enterprise Edition is sold, for checking a configured `region` and for the
/// "did you mean" of an unknown one.
public enum ACRRegion {
    /// Region ids, mainland China first.
    public static let known: [String] = [
        "cn-hangzhou", "cn-shanghai", "cn-qingdao", "cn-beijing", "cn-zhangjiakou", "cn-huhehaote", "cn-wulanchabu",
        "cn-shenzhen", "cn-heyuan", "cn-guangzhou", "cn-chengdu", "cn-hongkong", "ap-northeast-1", "ap-northeast-2",
        "ap-southeast-1", "ap-southeast-3", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "us-east-1",
        "us-west-1", "eu-west-1", "eu-central-1", "me-east-1", "me-central-1",
    ]

    /// The OpenAPI host of a region: `cr.<region>.aliyuncs.com`.
    public static func openAPIHost(_ region: String) -> String { "cr.\(region).aliyuncs.com" }

    /// The error for a region that is not in `known`, with the closest names first.
    public static func unknown(_ region: String) -> RegistryError {
        let suggestions = known.sorted { EditDistance.between($0, region) < EditDistance.between($1, region) }
        let close = suggestions.prefix(3).filter { EditDistance.between($0, region) <= 3 }
        let guess = close.isEmpty ? "" : "did you mean \(close.joined(separator: " or "))? "
        return RegistryError(
            .unknownRegion, "'\(region)' is not an ACR region",
            hint:
                "\(guess)valid regions: \(known.joined(separator: ", ")); or set endpoint = \"https://…\" on the instance"
        )
    }
}
