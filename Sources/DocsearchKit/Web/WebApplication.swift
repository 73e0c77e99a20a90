import Foundation

/// The docsearch web site and JSON API, as an `HTTPRequestHandler`.
///
/// Routes (GET and HEAD; the HTTP layer answers other methods 405):
///
///     /                      search form
///     /search?q=…            results page (agency, topic, year, type, cites, place, page)
///     /plans/{id}            one plan (?q= highlights the query in its text)
///     /citations/{key}       the plans citing one document
///     /api/search?q=…        results as JSON (ResultsJSON + facets; limit, offset)
///     /api/plans/{id}        the plan's record (PlanJSON: no absolute path)
///     /api/plans/{id}/related  plans resting on the same documents (limit)
///     /api/citations         cited documents, most cited first (limit), as `docsearch citations --json`
///     /api/agencies          agencies with their roles (limit), as `docsearch agencies --json`
///     /api/topics            topics with their plan counts, as `docsearch topics --json`
///     /api/openapi.json      the OpenAPI 3.0 description
///     /healthz               status, index generation, plan count
///
/// Every request takes the index in service once (`IndexHolder.current()`)
/// and answers wholly from it. Thread-safe: no state of its own.
public struct WebApplication: HTTPRequestHandler {
    public let index: IndexHolder
    private let log: @Sendable (String) -> Void

    public init(index: IndexHolder, log: @escaping @Sendable (String) -> Void = IndexHolder.logToStandardError) {
        self.index = index
        self.log = log
    }

    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        let segments = request.pathSegments
        let isAPI = segments.first == "api" || segments == ["healthz"]
        do {
            var response = try route(request, segments: segments, index: index.current())
            if !isAPI { response.headers["Content-Security-Policy"] = Self.contentSecurityPolicy }
            response.headers["X-Content-Type-Options"] = "nosniff"
            return response
        } catch let error as WebError {
            return errorResponse(error, api: isAPI)
        } catch {
            log("\(request.method.rawValue) \(request.path): \(error)")
            return errorResponse(.internalFailure("\(error)"), api: isAPI)
        }
    }

    /// Pages need nothing but their own inline style: no script, no frame, no outside request.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    private func route(_ request: HTTPRequest, segments: [String], index: LoadedIndex) throws -> HTTPResponse {
        switch segments.count {
        case 0:
            return .html(HomePage.html(index: index))
        case 1:
            switch segments[0] {
            case "search": return try searchPage(request, index: index)
            case "healthz": return health(index)
            default: break
            }
        case 2:
            switch (segments[0], segments[1]) {
            case ("plans", let id): return try planPage(id: id, request: request, index: index)
            case ("citations", let key): return try citationPage(key: key, index: index)
            case ("api", "search"): return try apiSearch(request, index: index)
            case ("api", "citations"): return try apiCitations(request, index: index)
            case ("api", "agencies"): return try apiAgencies(request, index: index)
            case ("api", "topics"): return try apiTopics(index: index)
            case ("api", "openapi.json"): return .json(OpenAPIDocument.json)
            default: break
            }
        case 3:
            if segments[0] == "api" && segments[1] == "plans" { return try apiPlan(id: segments[2], index: index) }
        case 4:
            if segments[0] == "api" && segments[1] == "plans" && segments[3] == "related" {
                return try apiRelated(id: segments[2], request, index: index)
            }
        default: break
        }
        throw WebError.notFound(request.path)
    }

    private func errorResponse(_ error: WebError, api: Bool) -> HTTPResponse {
        api ? .json(JSONText.encode(["error": error.description]), status: error.status)
            : .html(ErrorPage.html(error), status: error.status)
    }

    /// Answers for the requests the HTTP parser refused (400, 405, 408, 413,
    /// 414, 431, 505): `{"error": …}` with the status, `Allow` on a 405.
    public static let errorResponder: @Sendable (HTTPError) -> HTTPResponse = { error in
        var response = HTTPResponse.json(JSONText.encode(["error": error.status.description]), status: error.status)
        if case .methodNotAllowed = error { response.headers["Allow"] = HTTPMethod.allowHeaderValue }
        return response
    }

    // MARK: shared

    /// A plan id is 12 lowercase hex digits (`PlanRecord.id(forPath:)`); anything else names no plan.
    static func isPlanID(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 32 && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    func findPlan(_ id: String, index: LoadedIndex) throws -> (segment: Int, doc: Int, record: PlanRecord) {
        guard Self.isPlanID(id), let found = try index.plan(id: id) else { throw WebError.notFound("plan \(id)") }
        return found
    }

    func health(_ index: LoadedIndex) -> HTTPResponse {
        struct Health: Encodable { var status: String; var generation: UInt64; var plans: Int; var segments: Int }
        return .json(JSONText.encode(Health(status: "ok", generation: index.generation,
                                            plans: index.snapshot.documentCount, segments: index.snapshot.segments.count)))
    }
}
