/// Keys of the provider-specific `attributes` the ACR provider fills in, for the panes and JSON.
public enum ACRAttribute {
    /// Instance, namespace, repository or rule id (`cri-…`, `crn-…`, `crr-…`).
    public static let id = "id"
    /// `Enterprise_Basic`, `Enterprise_Standard`, `Enterprise_Advanced`.
    public static let specification = "specification"
    /// `RUNNING`, `NORMAL`, `DELETING`…
    public static let status = "status"
    /// Where the AccessKey came from.
    public static let credentialSource = "credentialSource"
    /// `PUBLIC` or `PRIVATE` (a namespace's default for new repositories).
    public static let visibility = "visibility"
    /// `true` when a push creates missing repositories.
    public static let autoCreate = "autoCreate"
    /// A repository's one-line summary.
    public static let summary = "summary"
    /// `true` when tags are immutable.
    public static let tagImmutability = "tagImmutability"
    /// Why an entry could not be listed (an instance whose instances could not be read).
    public static let error = "error"
}
