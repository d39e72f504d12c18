/// Finds mapping keys that are not plain values before the YAML parser sees them.
///
/// The parser hashes every key to find duplicates, and a key that is a list or an alias
/// is hashed in full: with nested aliases ("billion laughs") that takes forever. A report
/// or layout never needs such keys, so this scan refuses them up front: an alias used as
/// a key (`*a: 1`), a list or mapping used as a key (`[*a, *a]: 1`), and an explicit key
/// (`? …`). It follows YAML's tokens closely enough that text in quotes, comments, block
/// scalars and plain values never matches.
struct KeyScan {
    /// What was found and where (1-based line and column).
    struct Finding: Equatable {
        enum Kind: Equatable {
            case aliasKey
            case collectionKey
            case explicitKey
        }

        var kind: Kind
        var line: Int
        var column: Int
    }

    private let lines: [[Unicode.Scalar]]

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    }

    /// The first key that is not a plain value, or nil.
    func firstComplexKey() -> Finding? {
        var flow: [(line: Int, column: Int)] = []
        var quote: Unicode.Scalar?
        var blockIndent: Int?
        // A plain value left open at the end of a line continues on more indented lines.
        var plainOwner: Int?
        // A node just ended that would be a problem if a ':' made it a key.
        var pending: Finding?
        for (index, chars) in lines.enumerated() {
            let lineNumber = index + 1
            let indent = chars.prefix { $0 == " " }.count
            let blank = chars.allSatisfy { $0 == " " || $0 == "\t" }
            if let b = blockIndent {
                if blank || indent > b { continue } // inside a block scalar
                blockIndent = nil
            }
            if let p = plainOwner, quote == nil, flow.isEmpty {
                if blank || indent > p { continue } // the next line of a plain value
                plainOwner = nil
            }
            if flow.isEmpty && quote == nil { pending = nil } // block keys end with their line
            var i = 0
            var nodeStart = quote == nil
            var inPlain = false
            // Where the node that owns this line's values starts: a '- ' or a key.
            var owner = indent
            var lastStart = indent
            if quote == nil, flow.isEmpty {
                if chars.first == "%" { continue } // a directive
                if chars.starts(with: ["-", "-", "-"]) || chars.starts(with: [".", ".", "."]),
                   chars.count == 3 || chars[3] == " " || chars[3] == "\t" {
                    i = 3 // a document marker
                }
            }
            while i < chars.count {
                let c = chars[i]
                if let q = quote {
                    if q == "'" {
                        if c == "'" {
                            if i + 1 < chars.count, chars[i + 1] == "'" { i += 2; continue }
                            quote = nil
                        }
                    } else if c == "\\" {
                        i += 2
                        continue
                    } else if c == "\"" {
                        quote = nil
                    }
                    i += 1
                    continue
                }
                if c == " " || c == "\t" { i += 1; continue }
                if c == "#", i == 0 || chars[i - 1] == " " || chars[i - 1] == "\t" { break }
                let next: Unicode.Scalar? = i + 1 < chars.count ? chars[i + 1] : nil
                let nextIsBlank = next == nil || next == " " || next == "\t"
                let inFlow = !flow.isEmpty
                // In flow context the parser takes any ':' as the value indicator.
                if c == ":" && (nextIsBlank || inFlow) {
                    if let p = pending { return p }
                    owner = lastStart
                    nodeStart = true
                    inPlain = false
                    i += 1
                    continue
                }
                if inFlow && c == "," {
                    pending = nil
                    nodeStart = true
                    inPlain = false
                    i += 1
                    continue
                }
                if inFlow && (c == "]" || c == "}") {
                    let open = flow.removeLast()
                    pending = Finding(kind: .collectionKey, line: open.line, column: open.column)
                    nodeStart = false
                    inPlain = false
                    i += 1
                    continue
                }
                guard nodeStart else {
                    i += 1 // inside a plain value or after a node: no token starts here
                    continue
                }
                switch c {
                case "'", "\"":
                    quote = c
                    pending = nil
                    nodeStart = false
                    lastStart = i
                    i += 1
                case "*":
                    let start = i
                    i += 1
                    // The parser's anchor names are letters, digits, '-' and '_'.
                    while i < chars.count, chars[i].properties.isAlphabetic || ("0"..."9").contains(chars[i])
                        || chars[i] == "-" || chars[i] == "_" {
                        i += 1
                    }
                    pending = Finding(kind: .aliasKey, line: lineNumber, column: start + 1)
                    nodeStart = false
                    lastStart = start
                case "&", "!":
                    while i < chars.count, chars[i] != " ", chars[i] != "\t" { i += 1 }
                case "[", "{":
                    flow.append((lineNumber, i + 1))
                    pending = nil
                    lastStart = i
                    i += 1
                case "?" where nextIsBlank:
                    return Finding(kind: .explicitKey, line: lineNumber, column: i + 1)
                case "-" where nextIsBlank && !inFlow:
                    owner = i
                    lastStart = i + 2
                    i += 1
                case "|" where !inFlow, ">" where !inFlow:
                    blockIndent = owner
                    i = chars.count
                default:
                    // A plain value: it runs to ': ', ' #' or the line end (and ',', ']', '}' in flow).
                    pending = nil
                    nodeStart = false
                    inPlain = true
                    lastStart = i
                    i += 1
                }
            }
            if inPlain && flow.isEmpty { plainOwner = owner }
        }
        return nil
    }
}
