/// Percentiles and a median over timings, by nearest rank, exactly as
/// ../shared/tools/peers/peers.py computes them, so both sides agree on
/// what "p99" means (with 20 runs of one query, p99 is the slowest run).
struct Stats {
    let sorted: [Double]

    init(_ values: [Double]) { sorted = values.sorted() }

    var count: Int { sorted.count }
    var isEmpty: Bool { sorted.isEmpty }
    var min: Double? { sorted.first }
    var max: Double? { sorted.last }
    var median: Double? { percentile(50) }
    var mean: Double? { sorted.isEmpty ? nil : sorted.reduce(0, +) / Double(sorted.count) }

    /// Nearest-rank percentile: the value at rank ceil(p/100 * n), 1-based.
    func percentile(_ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
    }
}
