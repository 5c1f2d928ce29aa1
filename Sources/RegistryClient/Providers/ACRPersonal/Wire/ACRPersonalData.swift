/// A Personal Edition answer: `{"data":{…},"requestId":"…"}`.
struct ACRPersonalData<Payload: Decodable>: Decodable {
    var data: Payload
}
