import XCTest
@testable import DocsearchKit

/// A running server picks up what `docsearch index` commits, without a
/// restart and without a failed request, and keeps serving when the new
/// index cannot be opened.
final class ReloadTests: XCTestCase {
    func testNewPlanAppearsWithoutRestartAndNoRequestFails() throws {
        let corpus = try Fixtures.corpusCopy()
        let index = try Fixtures.scratch("reload-index").path
        _ = try IndexWriter.run(IndexWriter.Options(directory: index, roots: [corpus.path]))
        let web = try WebTestServer(indexDirectory: index, checkInterval: 0.05)
        let query = "/api/search?q=" + WebTestServer.q("\"Hội khoẻ Phù Đổng\"")
        let before = try web.json(query)
        XCTAssertEqual(before["total"] as? Int, 0)
        let generation = (try web.json("/healthz")["generation"] as? NSNumber)?.uint64Value

        // Clients keep asking while the index is rewritten.
        let failures = LogLines()
        let stop = LockedFlag()
        let group = DispatchGroup()
        for _ in 0..<3 {
            DispatchQueue.global().async(group: group) {
                while !stop.isSet {
                    for target in [query, "/search?q=gi%E1%BB%9Bi", "/healthz"] {
                        do {
                            let r = try web.get(target)
                            if r.statusCode != 200 { failures.append("\(target): \(r.statusCode) \(r.bodyText.prefix(200))") }
                        } catch { failures.append("\(target): \(error)") }
                    }
                }
            }
        }

        let plan = """
        UBND HUYỆN THỦ THỪA
        PHÒNG GIÁO DỤC VÀ ĐÀO TẠO
        Số: 15/KH-PGDĐT
        KẾ HOẠCH
        Tổ chức Hội khoẻ Phù Đổng cấp huyện năm học 2023-2024
        Nhằm phát triển phong trào thể dục thể thao trong trường học, Phòng Giáo dục và Đào tạo xây dựng kế hoạch tổ chức Hội khoẻ Phù Đổng như sau.
        """
        try plan.write(to: corpus.appendingPathComponent("thu-thua-pgddt-2024-hoi-khoe-phu-dong.txt"), atomically: true, encoding: .utf8)
        _ = try IndexWriter.run(IndexWriter.Options(directory: index, roots: [corpus.path]))

        let deadline = Date(timeIntervalSinceNow: 10)
        var found = 0
        while Date() < deadline {
            found = try web.json(query)["total"] as? Int ?? 0
            if found > 0 { break }
            usleep(20_000)
        }
        stop.set()
        group.wait()
        XCTAssertEqual(found, 1, "the new plan is served without a restart")
        let after = try web.json("/healthz")
        XCTAssertEqual(after["plans"] as? Int, 6)
        XCTAssertNotEqual((after["generation"] as? NSNumber)?.uint64Value, generation)
        XCTAssertEqual(failures.lines, [])
        XCTAssertTrue(web.logLines.lines.contains { $0.hasPrefix("index reloaded") }, "\(web.logLines.lines)")
    }

    func testDamagedManifestKeepsTheOldIndexInService() throws {
        let corpus = try Fixtures.corpusCopy()
        let index = try Fixtures.scratch("reload-damaged").path
        _ = try IndexWriter.run(IndexWriter.Options(directory: index, roots: [corpus.path]))
        let web = try WebTestServer(indexDirectory: index, checkInterval: 0.05)
        let generation = web.holder.current().generation

        let manifest = index + "/" + IndexManifest.fileName
        try Data("not a manifest".utf8).write(to: URL(fileURLWithPath: manifest + ".tmp"))
        XCTAssertEqual(rename(manifest + ".tmp", manifest), 0)

        XCTAssertEqual(web.holder.reloadIfChanged().generation, generation)
        XCTAssertEqual(web.holder.reloadIfChanged().generation, generation)
        let response = try web.get("/api/search?q=" + WebTestServer.q("bình đẳng giới"))
        XCTAssertEqual(response.statusCode, 200)
        XCTAssertEqual(try JSONDecoder().decode(ResultsJSON.self, from: Data(response.body)).total, 2)
        let complaints = web.logLines.lines.filter { $0.hasPrefix("could not open the new index") }
        XCTAssertEqual(complaints.count, 1, "logged once, not on every check: \(web.logLines.lines)")
    }

    func testUnchangedManifestKeepsTheSameLoadedIndex() throws {
        let web = try WebTestServer.seed()
        let first = web.holder.current()
        XCTAssertTrue(web.holder.reloadIfChanged() === first)
    }
}

final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
