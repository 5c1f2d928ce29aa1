import RegistryClient

extension Catalog {
    /// A registry error in this language. English keeps the client's own text (message; hint);
    /// Chinese opens with a sentence for the error's code, then the server-provided detail and the
    /// hint, which arrive in English.
    public func describe(_ error: RegistryError) -> String {
        guard language == .simplifiedChinese else { return error.description }
        let detail = error.message.isEmpty ? "" : "：" + error.message
        return Self.chineseSentence(error.code) + detail + (error.hint.map { "；" + $0 } ?? "")
    }

    /// Any error in this language: a registry error as above, anything else as it describes itself.
    public func describe(_ error: any Error) -> String {
        guard let error = error as? RegistryError else { return String(describing: error) }
        return describe(error)
    }

    private static func chineseSentence(_ code: RegistryError.Code) -> String {
        switch code {
        case .unauthorized: "未登录或凭据被拒绝"
        case .denied: "没有权限"
        case .notFound: "不存在"
        case .unknownHost: "无法解析主机名"
        case .unknownRegion: "地域不存在"
        case .invalidReference: "名称或引用格式不正确"
        case .network: "网络连接失败"
        case .timeout: "服务器响应超时"
        case .tls: "TLS 握手或证书验证失败"
        case .rateLimited: "请求过于频繁，已被限流"
        case .server: "服务器出错"
        case .invalidResponse: "无法理解服务器的响应"
        case .digestMismatch: "内容与摘要不符"
        case .unsupported: "镜像仓库不支持此操作"
        case .refused: "为保护数据已拒绝操作"
        case .readOnly: "实例为只读"
        case .cancelled: "操作已取消"
        case .unexpected: "发生意外错误"
        }
    }
}
