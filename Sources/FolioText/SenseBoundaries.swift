/// How good a place each break is for a title, in the balancer's units: a line's
/// unevenness costs 100 × (its distance from the balanced measure ÷ that measure)²
/// (× 1.5 when longer), so in a two-line title a value of −v buys about a line ratio of
/// ρ where 250 × ((1 − ρ) ÷ (1 + ρ))² = v. Negative values mark sense boundaries.
struct SenseBoundaries {
    /// At a space or U+200B: the data marks a phrase (ρ ≥ 0.43).
    static let marked = -40.0
    /// After 。！？；…: a sentence or clause ends (ρ ≥ 0.49).
    static let pause = -30.0
    /// After ，、：(ρ ≥ 0.52).
    static let comma = -25.0
    /// Before an opening quote or bracket, after a closing one: a quoted phrase stays whole (ρ ≥ 0.58).
    static let quote = -18.0
    /// Before Latin letters or digits, after Latin letters: 宁波 | GPU, 创新 | 10 (ρ ≥ 0.70).
    static let script = -8.0
    /// A number parted from the word it counts (10 | 件).
    static let numberUnit = 6.0
    /// Inside a dictionary word (科 | 技): a title takes lines as uneven as ρ = 0.56, or one
    /// line more, rather than split a word.
    static let insideWord = 20.0
    /// Inside quotes or brackets (“科技惠企 | 政策十条”, 《…》): added to the value above.
    static let insideQuote = 12.0

    /// Before a preposition that opens a phrase (在 对 向 从 …; not 和, which often joins two words).
    static let phraseStart = -3.0
    /// Before a particle that closes a word (的 了 们 …).
    static let particle = 4.0

    /// Measure words and units a number counts (10 件, 2022 年, 5300 家).
    static let measureWords: Set<UInt32> = Set("个件家位名项次年月日号时分秒元角万亿千百多余倍人户台套辆座条张本部篇所只头颗株亩米克吨度期届批场类种周天岁".unicodeScalars.map(\.value))
    static let phraseStarts: Set<UInt32> = Set("而但在对向从为将把被让使给由以".unicodeScalars.map(\.value))
    static let particles: Set<UInt32> = Set("的地得了着过们等吗呢吧啊".unicodeScalars.map(\.value))
    static let pauses: Set<UInt32> = Set("。！？；．!?;".unicodeScalars.map(\.value))
    static let commas: Set<UInt32> = Set("，、：,:".unicodeScalars.map(\.value))
    /// Characters the dictionary leaves as words of their own that belong to the word
    /// before them: suffixes (成交|额, 拥有|量, 科学|城, 高新|区) and the second halves of
    /// verbs it does not know (获|批, 惠|及, 位|于). A break before one is inside a word.
    static let boundAfter: Set<UInt32> = Set("额量率性化者城区园港站馆院所厂界圈群链网局批及于至".unicodeScalars.map(\.value))

    /// Fills `sense` for every breakable joint. `words` are dictionary word boundaries
    /// (UTF-8 offsets in the paragraph); empty when unknown, and then Han–Han breaks are neutral.
    static func apply(_ joints: inout [Joint], units: [TextUnit], words: [Int]) {
        let wordStarts = Set(words)
        var depth = 0
        for j in 1..<max(1, units.count) {
            if units[j - 1].cls == .open { depth += 1 }
            if units[j - 1].cls == .close { depth = max(0, depth - 1) }
            guard joints[j].breakable else { continue }
            var li = j - 1
            while li > 0 && (units[li].isSpace || units[li].isZeroWidth) { li -= 1 }
            let l = units[li], r = units[j]
            let marked = units[j - 1].isSpace || units[j - 1].isZeroWidth
            var value = 0.0
            if marked {
                value = Self.marked
            } else if pauses.contains(l.scalar) || l.cls == .ellipsis {
                value = pause
            } else if commas.contains(l.scalar) {
                value = comma
            } else if l.cls == .close || r.cls == .open {
                value = quote
            } else if l.cls == .digit && r.cls == .han && measureWords.contains(r.scalar) {
                value = numberUnit
            } else if (l.cls == .han && r.cls.isWestern) || (l.cls == .latin && r.cls == .han) {
                // Not after a number: 聚丁烯-1 | 成套, 第13 | 位 read on.
                value = script
            } else if !wordStarts.isEmpty && l.cls == .han && r.cls == .han && !wordStarts.contains(r.bytes.lowerBound) {
                value = insideWord
            } else if !wordStarts.isEmpty && l.cls == .han && r.cls == .han && boundAfter.contains(r.scalar)
                        && (j + 1 == units.count || wordStarts.contains(units[j + 1].bytes.lowerBound) || units[j + 1].cls != .han) {
                value = insideWord
            } else if particles.contains(r.scalar) {
                value = particle
            } else if phraseStarts.contains(r.scalar) {
                value = phraseStart
            }
            joints[j].sense = value + (depth > 0 ? insideQuote : 0)
        }
    }
}
