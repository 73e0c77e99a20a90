extension IndexSnapshot {
    /// Every live plan's stored record, in segment order.
    public func liveRecords() throws -> [PlanRecord] {
        var out: [PlanRecord] = []
        out.reserveCapacity(documentCount)
        try forEachLiveDocument { s, d in out.append(try record(segment: s, doc: d)) }
        return out
    }
}
