extension Sequence<Int64> {
    /// The sum, held at `Int64.max` (or `.min`) instead of trapping: sizes come from servers, and a
    /// manifest may claim layers that add up past 2⁶³.
    var saturatingSum: Int64 {
        reduce(0) { total, size in
            let (sum, overflow) = total.addingReportingOverflow(size)
            return overflow ? (size > 0 ? .max : .min) : sum
        }
    }
}
