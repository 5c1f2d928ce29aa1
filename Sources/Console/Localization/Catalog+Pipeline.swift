/// The texts of the trigger, event-center and delivery-chain panes.
extension Catalog {
    static let pipelineEnglish: [Message: String] = [:]

    static let pipelineChinese: [Message: String] = [:]
}
