/// RepoIds by `namespace/name`: ACR addresses tags by RepoId, references by name.
actor ACRRepositoryIDs {
    private var ids: [String: String] = [:]

    func id(of repository: String) -> String? { ids[repository] }

    func remember(_ records: [ACRRepositoryRecord]) {
        for record in records { ids[record.fullName] = record.RepoId }
    }

    func forget(_ repository: String) { ids[repository] = nil }
}
