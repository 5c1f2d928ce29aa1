/// An instance as ListInstance and GetInstance describe it.
struct ACRInstanceRecord: Decodable, Sendable {
    var InstanceId: String
    var InstanceName: String?
    var InstanceSpecification: String?
    var InstanceStatus: String?
    var RegionId: String?
    var CreateTime: ACRTime?
    var ModifiedTime: ACRTime?
}
