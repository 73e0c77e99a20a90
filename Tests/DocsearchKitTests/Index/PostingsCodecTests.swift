import XCTest
@testable import DocsearchKit

final class PostingsCodecTests: XCTestCase {
    /// Docs 0, 3, 6 … with tf = doc % 4 + 1 and positions 10·doc + k.
    private func encode(count: Int, layout: PostingsCodec.Layout = PostingsCodec.currentLayout)
        -> (post: [UInt8], pos: [UInt8], docs: [UInt32]) {
        let docs = (0..<count).map { UInt32($0 * 3) }
        let tfs = docs.map { $0 % 4 + 1 }
        var positions: [UInt32] = []
        for (d, tf) in zip(docs, tfs) { for k in 0..<tf { positions.append(d * 10 + k) } }
        var post = ByteWriter(), pos = ByteWriter()
        PostingsCodec.encode(docs: docs, tfs: tfs, positions: positions, withPositions: true, post: &post, pos: &pos,
                             layout: layout)
        return (post.bytes, pos.bytes, docs)
    }

    func testRoundTripPlainAndBlocked() throws {
        for count in [1, 2, 128, 129, 1000] {
            let (post, pos, docs) = encode(count: count)
            try post.withUnsafeBytes { p in
                try pos.withUnsafeBytes { q in
                    var c = try PostingsCursor(post: ByteReader(p, path: "p"), pos: ByteReader(q, path: "q"), docFreq: count)
                    var seen: [UInt32] = []
                    while try c.next() {
                        seen.append(c.doc)
                        XCTAssertEqual(c.tf, c.doc % 4 + 1)
                        if c.doc % 7 == 0 {
                            XCTAssertEqual(try c.positions(), (0..<c.tf).map { c.doc * 10 + $0 })
                        }
                    }
                    XCTAssertEqual(seen, docs, "count \(count)")
                }
            }
        }
    }

    func testAdvanceSkipsBlocksAndKeepsPositionsInStep() throws {
        let (post, pos, _) = encode(count: 1000)
        try post.withUnsafeBytes { p in
            try pos.withUnsafeBytes { q in
                var c = try PostingsCursor(post: ByteReader(p, path: "p"), pos: ByteReader(q, path: "q"), docFreq: 1000)
                XCTAssertTrue(try c.advance(to: 1))
                XCTAssertEqual(c.doc, 3)
                XCTAssertTrue(try c.advance(to: 2000))
                XCTAssertEqual(c.doc, 2001)
                XCTAssertEqual(try c.positions(), (0..<c.tf).map { 20010 + $0 })
                XCTAssertTrue(try c.advance(to: 2997))
                XCTAssertEqual(c.doc, 2997)
                XCTAssertFalse(try c.advance(to: 2998))
            }
        }
    }

    /// Without positions, `advance` walks the postings one by one, or scans
    /// the block decoded whole (`decodeBlocks`): either must land on the
    /// first doc at or past the target, with its tf, in every layout, with
    /// `next` and long and short jumps mixed.
    func testAdvanceWithoutPositionsMatchesNext() throws {
        var rng = SystemRandomNumberGenerator()
        let storage = PostingsBlockBuffer()
        for layout in [PostingsCodec.Layout.packedPositions, .packed, .impacts, .flaggedTF, .separateTF] {
            for count in [1, 100, 128, 129, 1000] { for buffered in [false, true] {
                let (post, _, docs) = encode(count: count, layout: layout)
                try post.withUnsafeBytes { p in
                    var c = try PostingsCursor(post: ByteReader(p, path: "p"), pos: nil, docFreq: count, layout: layout)
                    if buffered { c.decodeBlocks(into: storage) }
                    var target: UInt32 = 0
                    var index = -1
                    while true {
                        let want: UInt32?
                        if Bool.random(using: &rng) {
                            index += 1
                            want = index < docs.count ? docs[index] : nil
                            XCTAssertEqual(try c.next(), want != nil, "\(layout) \(count) next")
                        } else {
                            target = max(target, c.doc) + UInt32.random(in: 0...(Bool.random(using: &rng) ? 9 : 900), using: &rng)
                            index = docs.firstIndex { $0 >= target } ?? docs.count
                            want = index < docs.count ? docs[index] : nil
                            XCTAssertEqual(try c.advance(to: target), want != nil, "\(layout) \(count) \(target)")
                        }
                        guard let want else { break }
                        XCTAssertEqual(c.doc, want, "\(layout) \(count) buffered \(buffered)")
                        XCTAssertEqual(c.tf, want % 4 + 1)
                        target = want
                    }
                }
            } }
        }
    }

    /// With positions too, walked one by one or decoded a block at a time
    /// (a phrase's lists): every doc landed on, by `next` or by short and long
    /// jumps, gives its own positions when they are asked for, however many
    /// docs before it were passed without reading theirs.
    func testPositionsStayInStepWhetherDecodedOneByOneOrByBlock() throws {
        var rng = SystemRandomNumberGenerator()
        let storage = PostingsBlockBuffer()
        for layout in [PostingsCodec.Layout.packedPositions, .packed, .impacts, .flaggedTF, .separateTF] {
            for count in [1, 128, 129, 1000] { for buffered in [false, true] { for _ in 0..<5 {
                let (post, pos, docs) = encode(count: count, layout: layout)
                try post.withUnsafeBytes { p in
                    try pos.withUnsafeBytes { q in
                        var c = try PostingsCursor(post: ByteReader(p, path: "p"), pos: ByteReader(q, path: "q"),
                                                   docFreq: count, layout: layout)
                        if buffered { c.decodeBlocks(into: storage) }
                        var target: UInt32 = 0
                        var index = -1
                        var positionsRead: UInt32? = nil
                        while true {
                            if Bool.random(using: &rng) {
                                index += 1
                                XCTAssertEqual(try c.next(), index < docs.count)
                            } else {
                                target = max(target, c.doc) + UInt32.random(in: 0...(Bool.random(using: &rng) ? 12 : 1200), using: &rng)
                                index = docs.firstIndex { $0 >= target } ?? docs.count
                                XCTAssertEqual(try c.advance(to: target), index < docs.count)
                            }
                            guard index < docs.count else { break }
                            let want = docs[index]
                            XCTAssertEqual(c.doc, want, "\(layout) \(count) buffered \(buffered)")
                            // Positions are read at most once per doc (an advance to the doc
                            // it stands on stays there).
                            if want != positionsRead, Int.random(in: 0..<4, using: &rng) == 0 {
                                XCTAssertEqual(try c.positions(), (0..<c.tf).map { want * 10 + $0 },
                                               "\(layout) \(count) buffered \(buffered) doc \(want)")
                                positionsRead = want
                            }
                            target = want
                        }
                    }
                }
            } } }
        }
    }

    /// Each block's impact is its highest tf and shortest length; the first
    /// block of a list has one only when the list has several blocks.
    func testBlockImpacts() throws {
        let docs = (0..<300).map { UInt32($0 * 2) }
        let tfs = docs.map { $0 % 9 + 1 }
        let lengths = (0..<600).map { UInt32(1000 - $0) }
        var post = ByteWriter(), pos = ByteWriter()
        PostingsCodec.encode(docs: docs, tfs: tfs, positions: [], withPositions: false, lengths: lengths,
                             post: &post, pos: &pos, layout: .impacts)
        try post.bytes.withUnsafeBytes { p in
            var c = try PostingsCursor(post: ByteReader(p, path: "p"), pos: nil, docFreq: docs.count, layout: .impacts)
            for (b, target) in [(0, UInt32(0)), (1, 300), (1, 510), (2, 512)] {
                let block = docs[(b * 128)..<min(docs.count, b * 128 + 128)]
                let impact = try XCTUnwrap(try c.blockImpact(from: target))
                XCTAssertEqual(impact.lastDoc, block.last)
                XCTAssertEqual(impact.maxTF, block.map { $0 % 9 + 1 }.max())
                XCTAssertEqual(impact.minLength, 1000 - block.last!)
            }
            XCTAssertNil(try c.blockImpact(from: 599))
        }
    }

    /// A list with positions and one without, of the same docs and counts
    /// (a word's folded and exact forms), hold the same postings: only the
    /// skip entries' positionsStart differ. One count or one doc changed
    /// anywhere, they do not; nor do the lists of a field of other lengths
    /// (a title's), whose blocks' impacts differ.
    func testSamePostingsLeavesOutOnlyWherePositionsStart() {
        func encode(_ docs: [UInt32], _ tfs: [UInt32], positions: Bool, layout: PostingsCodec.Layout,
                    lengths: [UInt32] = (0..<4000).map { UInt32(40 + $0 % 17) }) -> [UInt8] {
            var all: [UInt32] = []
            for (d, tf) in zip(docs, tfs) { for k in 0..<tf { all.append(d * 10 + k) } }
            var post = ByteWriter(), pos = ByteWriter()
            // Positions of another term first, so positionsStart is not 0.
            for k in 0..<77 { pos.varint(UInt32(k)) }
            PostingsCodec.encode(docs: docs, tfs: tfs, positions: all, withPositions: positions, lengths: lengths,
                                 post: &post, pos: &pos, layout: layout)
            return post.bytes
        }
        func same(_ a: [UInt8], _ b: [UInt8], _ docFreq: Int, _ layout: PostingsCodec.Layout) -> Bool {
            a.withUnsafeBytes { x in b.withUnsafeBytes { y in PostingsCodec.samePostings(x, y, docFreq: docFreq, layout: layout) } }
        }
        for layout in [PostingsCodec.Layout.flaggedTF, .packed, .packedPositions] {
            for count in [5, 128, 129, 300, 1000] {
                let docs = (0..<count).map { UInt32($0 * 3 + 1) }, tfs = docs.map { $0 % 5 + 1 }
                let folded = encode(docs, tfs, positions: true, layout: layout)
                XCTAssertTrue(same(folded, encode(docs, tfs, positions: false, layout: layout), count, layout), "\(count)")
                let titleLengths = (0..<4000).map { UInt32(5 + $0 % 7) }
                XCTAssertEqual(same(folded, encode(docs, tfs, positions: false, layout: layout, lengths: titleLengths), count, layout),
                               !layout.hasImpacts || count <= PostingsCodec.blockSize, "\(layout) \(count): other lengths")
                for i in Set([0, count / 2, count - 1]) {
                    var otherTFs = tfs
                    otherTFs[i] = tfs[i] % 5 + 2
                    XCTAssertFalse(same(folded, encode(docs, otherTFs, positions: false, layout: layout), count, layout),
                                   "\(layout) \(count): tf of posting \(i)")
                    var otherDocs = docs
                    otherDocs[i] += 1
                    XCTAssertFalse(same(folded, encode(otherDocs, tfs, positions: false, layout: layout), count, layout),
                                   "\(layout) \(count): doc of posting \(i)")
                }
            }
        }
    }

    func testGarbageNeverTraps() {
        var rng = SystemRandomNumberGenerator()
        let storage = PostingsBlockBuffer()
        for _ in 0..<300 {
            let junk = (0..<Int.random(in: 0..<64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            junk.withUnsafeBytes { p in
                guard var c = try? PostingsCursor(post: ByteReader(p, path: "j"), pos: ByteReader(p, path: "j"),
                                                  docFreq: Int.random(in: 0..<400, using: &rng)) else { return }
                for _ in 0..<500 {
                    guard (try? c.next()) == true else { break }
                    _ = try? c.positions()
                }
                // Decoded a block at a time, without positions and with.
                for positions in [false, true] {
                    guard var b = try? PostingsCursor(post: ByteReader(p, path: "j"), pos: positions ? ByteReader(p, path: "j") : nil,
                                                      docFreq: Int.random(in: 0..<400, using: &rng)) else { return }
                    b.decodeBlocks(into: storage)
                    var target: UInt32 = 0
                    for _ in 0..<500 {
                        target &+= UInt32.random(in: 0...300, using: &rng)
                        guard (try? b.advance(to: target)) == true else { break }
                        if Bool.random(using: &rng) { _ = try? b.positions() }
                    }
                }
            }
        }
    }

    /// Format 7: a block's positions in groups of 128, each packed or, where
    /// that takes fewer bytes, varints (a group with one far position among
    /// near ones). Docs whose positions span groups, groups of both kinds
    /// full and last, read doc by doc, a block at a time or not, all read or
    /// some skipped, give every doc's positions.
    func testPackedPositionsAcrossGroupsOfBothKinds() throws {
        // 100 docs: tf 1 to 300; positions close together, but every 7th
        // doc's first far out (a position of a long plan).
        let docs = (0..<100).map { UInt32($0 * 5) }
        let tfs = docs.map { d -> UInt32 in d % 3 == 0 ? 1 + d % 300 : 1 + d % 4 }
        func positions(_ i: Int) -> [UInt32] {
            let first: UInt32 = i % 7 == 0 ? 900_000 + UInt32(i) : UInt32(i % 5)
            return (0..<tfs[i]).map { first + $0 * (1 + UInt32(i % 3)) }
        }
        var post = ByteWriter(), pos = ByteWriter()
        PostingsCodec.encode(docs: docs, tfs: tfs, positions: (0..<docs.count).flatMap(positions), withPositions: true,
                             post: &post, pos: &pos, layout: .packedPositions)
        // The groups of the list's one block, by kind: (packed, varints) × (full, last).
        var kinds: Set<String> = []
        var o = 0, left = Int(tfs.reduce(0, +))
        while left > 0 {
            let width = Int(pos.bytes[o]), n = min(left, BitPacking.count)
            if width == PostingsCodec.varintGroup {
                kinds.insert(n == BitPacking.count ? "varints, full" : "varints, last")
                o += 1
                for _ in 0..<n { while pos.bytes[o] >= 0x80 { o += 1 }; o += 1 }
            } else {
                kinds.insert(n == BitPacking.count ? "packed, full" : "packed, last")
                o += 1 + BitPacking.byteCount(n, width: width)
            }
            left -= n
        }
        XCTAssertEqual(o, pos.bytes.count)
        XCTAssertTrue(kinds.isSuperset(of: ["varints, full", "packed, full"]), "\(kinds)")
        XCTAssertEqual(kinds.filter { $0.hasSuffix("last") }.count, 1)
        let storage = PostingsBlockBuffer()
        for buffered in [false, true] {
            for step in [1, 2, 3, 7] {
                try post.bytes.withUnsafeBytes { p in
                    try pos.bytes.withUnsafeBytes { q in
                        var c = try PostingsCursor(post: ByteReader(p, path: "p"), pos: ByteReader(q, path: "q"),
                                                   docFreq: docs.count, layout: .packedPositions)
                        if buffered { c.decodeBlocks(into: storage) }
                        for i in docs.indices {
                            XCTAssertTrue(try c.next())
                            guard i % step == 0 else { continue }
                            XCTAssertEqual(try c.positions(), positions(i), "buffered \(buffered), every \(step), doc \(i)")
                        }
                        XCTAssertFalse(try c.next())
                    }
                }
            }
        }
    }

    /// Many positions per doc, of one and two bytes: skipping the positions of
    /// the docs not asked for (eight bytes at a time) keeps every later doc's in step.
    func testSkippingLongPositionListsKeepsStep() throws {
        let docs = (0..<300).map { UInt32($0 * 2) }
        let tfs = docs.map { $0 % 37 + 1 }
        var positions: [UInt32] = []
        for (d, tf) in zip(docs, tfs) { for k in 0..<tf { positions.append(d + k * (k % 3 == 0 ? 150 : 3)) } }
        for layout in [PostingsCodec.Layout.packedPositions, .packed, .flaggedTF, .separateTF] {
            var post = ByteWriter(), pos = ByteWriter()
            PostingsCodec.encode(docs: docs, tfs: tfs, positions: positions, withPositions: true, post: &post, pos: &pos,
                                 layout: layout)
            try post.bytes.withUnsafeBytes { p in
                try pos.bytes.withUnsafeBytes { q in
                    var c = try PostingsCursor(post: ByteReader(p, path: "p"), pos: ByteReader(q, path: "q"),
                                               docFreq: docs.count, layout: layout)
                    var start = 0
                    for (i, d) in docs.enumerated() {
                        XCTAssertTrue(try c.next())
                        XCTAssertEqual(c.doc, d)
                        if i % 3 == 2 {
                            let want = Array(positions[start..<(start + Int(tfs[i]))])
                            XCTAssertEqual(try c.positions(), want, "doc \(d)")
                        }
                        start += Int(tfs[i])
                    }
                }
            }
        }
    }
}
