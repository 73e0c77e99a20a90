/// Finds document references in a query and turns each into index keys.
/// (Wired to the citation parser.)
enum QueryReferences {
    static func find(in text: String) -> [(Range<String.Index>, Query.Reference)] {
        []
    }
}
