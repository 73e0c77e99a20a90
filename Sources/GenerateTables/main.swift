// Generates Sources/DocsearchKit/Text/Tables/*.swift from the toolchain's
// Unicode data (Unicode.Scalar.Properties) and Foundation's canonical
// (de)composition. Run from the package root when the tables must change:
//
//     swift run GenerateTables
//
// The library never calls Foundation's normalisation on its fast path: these
// tables let it compose NFD Latin text (Vietnamese pasted from Word) and fold
// case and diacritics byte by byte.
import Foundation

// MARK: - Unicode facts at dev time

func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }
func nfd(_ v: UInt32) -> [UInt32] { scalars(String(Unicode.Scalar(v)!).decomposedStringWithCanonicalMapping) }
func nfc(_ vs: [UInt32]) -> [UInt32] {
    var view = String.UnicodeScalarView()
    for v in vs { view.append(Unicode.Scalar(v)!) }
    return scalars(String(view).precomposedStringWithCanonicalMapping)
}
func isScalar(_ v: UInt32) -> Bool { Unicode.Scalar(v) != nil }

/// The Latin ranges the tables cover: Latin-1 Supplement, Latin Extended-A/B
/// (U+0080–U+024F) and Latin Extended Additional (U+1E00–U+1EFF).
func latinIndex(_ v: UInt32) -> Int? {
    if v >= 0x80 && v < 0x250 { return Int(v - 0x80) }
    if v >= 0x1E00 && v < 0x1F00 { return 0x1D0 + Int(v - 0x1E00) }
    return nil
}
let latinScalars: [UInt32] = Array(0x80..<0x250) + Array(0x1E00..<0x1F00)
let markRange: ClosedRange<UInt32> = 0x300...0x36F

// Normalisation classes; keep in sync with `UnicodeClass` in the library.
let classInert: UInt8 = 0, classComposable: UInt8 = 1, classMark: UInt8 = 2, classFallback: UInt8 = 3
let classSpace: UInt8 = 4, classRemoved: UInt8 = 5, classLineBreak: UInt8 = 6
let wordBit: UInt8 = 0x08

let spaces = Set<UInt32>([0x00A0, 0x1680, 0x202F, 0x205F, 0x3000]).union(0x2000...0x200A)
let removed: Set<UInt32> = [0xFEFF, 0x200B, 0x200C, 0x200D, 0x2060, 0x00AD, 0x180E]
let lineBreaks: Set<UInt32> = [0x0085, 0x2028, 0x2029]

FileHandle.standardError.write("GenerateTables: scanning the code space…\n".data(using: .utf8)!)

// Scalars that appear after the first position of some canonical decomposition
// can combine with what precedes them (Hangul jamo, a few others).
var trailing = Set<UInt32>()
var decompositions: [UInt32: [UInt32]] = [:]
for v in UInt32(0)...0x10FFFF where isScalar(v) {
    let s = Unicode.Scalar(v)!
    if s.properties.generalCategory == .unassigned || s.properties.generalCategory == .privateUse { continue }
    let d = nfd(v)
    if d != [v] {
        decompositions[v] = d
        for t in d.dropFirst() { trailing.insert(t) }
    }
}

func markOK(_ v: UInt32) -> Bool {
    markRange.contains(v) && Unicode.Scalar(v)!.properties.canonicalCombiningClass.rawValue > 0 && nfc([v]) == [v]
}

/// Decomposition of a Latin scalar usable by the table composer: a base and
/// at most three marks of U+0300–U+036F.
func latinDecomposition(_ v: UInt32) -> (base: UInt32, marks: [UInt32])? {
    guard let d = decompositions[v] else { return (v, []) }
    let marks = Array(d.dropFirst())
    guard marks.count <= 3, marks.allSatisfy(markOK) else { return nil }
    return (d[0], marks)
}

func classOf(_ v: UInt32) -> UInt8 {
    let s = Unicode.Scalar(v)!
    let p = s.properties
    var word: UInt8 = 0
    if v < 0x80 {
        let alnum = (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
        return alnum ? wordBit : 0
    }
    if p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark {
        word = wordBit
    }
    if spaces.contains(v) { return classSpace }
    if removed.contains(v) { return classRemoved }
    if lineBreaks.contains(v) { return classLineBreak }
    if p.generalCategory == .unassigned || p.generalCategory == .privateUse { return classInert | word }
    let ccc = p.canonicalCombiningClass.rawValue
    if markOK(v) { return classMark | word }
    if ccc > 0 || nfc([v]) != [v] || trailing.contains(v) { return classFallback | word }
    if latinIndex(v) != nil {
        return (latinDecomposition(v) == nil ? classFallback : classComposable) | word
    }
    return classInert | word
}

// MARK: - Class runs over the whole code space

var runs: [(start: UInt32, value: UInt8)] = []
for v in UInt32(0)...0x10FFFF {
    let c: UInt8 = isScalar(v) ? classOf(v) : classFallback
    if runs.last?.value != c { runs.append((v, c)) }
}

// MARK: - Latin case, fold and decomposition

var lower: [UInt32] = [], fold: [UInt32] = [], decomposition: [UInt64] = []
for v in latinScalars {
    let s = Unicode.Scalar(v)!
    let lowerScalars = scalars(s.properties.lowercaseMapping)
    let l: UInt32 = lowerScalars.count == 1 ? lowerScalars[0] : 0 // 0: use the slow path
    lower.append(l)
    var f: UInt32 = 0
    if l != 0 {
        let d = nfd(l)
        if d.dropFirst().allSatisfy({ markRange.contains($0) }) { f = d[0] == 0x111 ? 0x64 : d[0] } // đ→d
    }
    fold.append(f)
    var packed: UInt64 = 0
    if let (base, marks) = latinDecomposition(v) {
        packed = UInt64(base) | UInt64(marks.count) << 24
        for (i, m) in marks.enumerated() { packed |= UInt64(m - 0x300) << (32 + 8 * UInt64(i)) }
    }
    decomposition.append(packed)
}

// MARK: - Canonical composition pairs (base, mark) → composite

var bases = Set<UInt32>(0x20...0x7E)
for v in latinScalars where classOf(v) & 0x07 == classComposable { bases.insert(v) }
let marks = markRange.filter(markOK)
var pairs: [UInt32: [(UInt32, UInt32)]] = [:]
var pending = Array(bases).sorted()
while let b = pending.popLast() {
    for m in marks {
        let r = nfc([b, m])
        if r.count == 1 {
            pairs[b, default: []].append((m, r[0]))
            if !bases.contains(r[0]) { bases.insert(r[0]); pending.append(r[0]) }
        }
    }
}
let ccc: [UInt8] = markRange.map { Unicode.Scalar($0)!.properties.canonicalCombiningClass.rawValue }

// MARK: - Writing

func hex(_ v: some BinaryInteger, _ width: Int) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: max(0, width - s.count)) + s
}
func rows(_ items: [String], perLine: Int) -> String {
    stride(from: 0, to: items.count, by: perLine).map { i in
        "        " + items[i..<min(i + perLine, items.count)].joined(separator: ", ") + ","
    }.joined(separator: "\n")
}
let header = """
// GENERATED FILE: do not edit. Written by `swift run GenerateTables`
// (Sources/GenerateTables/main.swift) from the Unicode data of the toolchain
// that ran it (Unicode.Scalar.Properties and Foundation's canonical mappings).

"""
let outDir = URL(fileURLWithPath: "Sources/DocsearchKit/Text/Tables", isDirectory: true)
try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
func write(_ name: String, _ body: String) throws {
    try (header + body).write(to: outDir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    print("wrote \(outDir.path)/\(name)")
}

try write("UnicodeClassTable+Runs.swift", """
extension UnicodeClassTable {
    /// Runs over U+0000–U+10FFFF: `start << 8 | class`; a run lasts until the next
    /// one starts. Class: bits 0–2 normalisation class, bit 3 word character.
    static let runs: [UInt32] = [
\(rows(runs.map { hex($0.start << 8 | UInt32($0.value), 8) }, perLine: 8))
    ]
}

""")

try write("LatinTables+Data.swift", """
extension LatinTables {
    /// Lowercase of each Latin scalar (0: no single-scalar lowercase, use the slow path).
    static let lowerData: [UInt32] = [
\(rows(lower.map { hex($0, 4) }, perLine: 12))
    ]

    /// Lowercase without diacritics, đ→d (0: use the slow path).
    static let foldData: [UInt32] = [
\(rows(fold.map { hex($0, 4) }, perLine: 12))
    ]

    /// Canonical decomposition: base in bits 0–23, mark count in 24–31, then
    /// up to three marks as offsets from U+0300, one byte each from bit 32.
    static let decompositionData: [UInt64] = [
\(rows(decomposition.map { hex($0, 10) }, perLine: 8))
    ]
}

""")

var pairItems: [String] = []
for b in pairs.keys.sorted() {
    for (m, c) in pairs[b]!.sorted(by: { $0.0 < $1.0 }) { pairItems.append("\(hex(b, 4)), \(hex(m, 4)), \(hex(c, 4))") }
}
try write("CompositionTables+Data.swift", """
extension CompositionTables {
    /// Canonical combining class of U+0300–U+036F.
    static let combiningClassData: [UInt8] = [
\(rows(ccc.map { String($0) }, perLine: 16))
    ]

    /// Primary composites: base, mark (U+0300–U+036F), composite, for ASCII and
    /// Latin bases and the composites they lead to.
    static let pairData: [UInt32] = [
\(rows(pairItems, perLine: 4))
    ]
}

""")
