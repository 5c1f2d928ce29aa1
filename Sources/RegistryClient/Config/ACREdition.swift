/// Which ACR API an `acr` config entry speaks.
public enum ACREdition: String, Sendable, CaseIterable {
    /// ACR Enterprise Edition: instances, the OpenAPI 2018-12-01.
    case enterprise
    /// ACR Personal Edition (个人版): one per region and account, the REST API 2016-06-07.
    case personal
}
