import Foundation

/// A plan related to another by the documents both cite.
public struct RelatedPlan: Codable, Sendable, Equatable {
    public struct Shared: Codable, Sendable, Equatable {
        public var key: String
        public var symbol: String
        /// True when both plans cite it as a legal basis.
        public var bothLegalBasis: Bool
        /// Its share of the score: specificity, halved unless both rest on it.
        public var weight: Double
    }

    public var id: String
    public var path: String
    public var title: String
    public var score: Double
    public var shared: [Shared]
}

/// Plans that share legal bases with a plan, ranked by how many they share and
/// how specific those are. A document's specificity is log((N + 1) / n) for
/// N plans of which n cite it, so a basis that every plan cites counts for
/// almost nothing; a shared document that is not a legal basis of both counts half.
public enum RelatedPlans {
    public static func related(to planID: String, in graph: CitationGraph, limit: Int = 10) -> [RelatedPlan] {
        guard let mine = graph.citationsByPlan[planID] else { return [] }
        let basis = CitationRole.legalBasis.rawValue
        let n = Double(graph.planCount)
        var scores: [String: (score: Double, shared: [RelatedPlan.Shared])] = [:]
        for (key, myRoles) in mine.cites {
            guard let doc = graph.document(key), doc.citedBy > 1 else { continue }
            let specificity = log((n + 1) / Double(doc.citedBy))
            for other in doc.plans where other.id != planID {
                let both = myRoles.contains(basis) && other.roles.contains(basis)
                let w = specificity * (both ? 1 : 0.5)
                var entry = scores[other.id] ?? (0, [])
                entry.score += w
                entry.shared.append(RelatedPlan.Shared(key: key, symbol: doc.symbol, bothLegalBasis: both,
                                                       weight: (w * 1000).rounded() / 1000))
                scores[other.id] = entry
            }
        }
        let ranked = scores.compactMap { id, e -> RelatedPlan? in
            guard e.score > 0, let p = graph.citationsByPlan[id]?.plan else { return nil }
            return RelatedPlan(id: id, path: p.path, title: p.title, score: (e.score * 1000).rounded() / 1000,
                               shared: e.shared.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.key < $1.key })
        }
        return Array(ranked.sorted {
            $0.score != $1.score ? $0.score > $1.score : ($0.shared.count != $1.shared.count ? $0.shared.count > $1.shared.count : $0.path < $1.path)
        }.prefix(max(0, limit)))
    }
}
