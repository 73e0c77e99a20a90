/// The k best-scored plans seen so far: a bounded min-heap whose root is the
/// score to beat once it is full. Ties go to the earlier plan.
struct TopKHeap {
    struct Entry { var score: Double; var segment: Int; var doc: Int }

    let k: Int
    private(set) var entries: [Entry] = []

    init(k: Int) {
        self.k = k
        entries.reserveCapacity(min(k, 4096))
    }

    /// The score a plan must beat to enter; -infinity until the heap is full.
    var threshold: Double { entries.count < k || k == 0 ? -.infinity : entries[0].score }

    @inline(__always) static func better(_ a: Entry, _ b: Entry) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.segment != b.segment { return a.segment < b.segment }
        return a.doc < b.doc
    }

    mutating func push(_ e: Entry) {
        guard k > 0 else { return }
        if entries.count < k {
            entries.append(e)
            var i = entries.count - 1
            while i > 0 {
                let p = (i - 1) / 2
                if Self.better(entries[p], entries[i]) { entries.swapAt(p, i); i = p } else { break }
            }
        } else if Self.better(e, entries[0]) {
            entries[0] = e
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var worst = i
                if l < entries.count && Self.better(entries[worst], entries[l]) { worst = l }
                if r < entries.count && Self.better(entries[worst], entries[r]) { worst = r }
                if worst == i { break }
                entries.swapAt(i, worst)
                i = worst
            }
        }
    }

    /// Best first.
    func sorted() -> [Entry] { entries.sorted(by: Self.better) }
}
