import Foundation
@testable import DocsearchKit

/// The five real seed plans in corpus/, normalised as the indexer reads them.
enum SeedCorpus {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../corpus").standardized

    static func text(_ name: String) throws -> String {
        TextNormalizer.normalize(try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
    }

    static let longAn = "long-an-sgddt-2023-nhan-quyen.txt"
    static let thuThua = "thu-thua-pgddt-2021-binh-dang-gioi.txt"
    static let haiPhong = "hai-phong-sgddt-2024-tiep-can-phap-luat.txt"
    static let boGDDT = "bo-gddt-2022-tong-ket-chi-thi-20.txt"
    static let haQuang = "ha-quang-ubnd-2021-xa-hoi-hoc-tap.txt"
}
