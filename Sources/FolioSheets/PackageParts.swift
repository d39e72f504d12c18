import Foundation
import ZIPFoundation

/// The parts of an XLSX file (a zip), inflated within bounds: the sizes the zip's central
/// directory declares are checked before anything is inflated, and the bytes actually
/// inflated are counted while inflating, so a part that lies about its size stops at the
/// limit too.
final class PackageParts {
    private let archive: Archive
    private let limits: SheetLimits
    private let file: String
    private var entries: [String: Entry] = [:]

    /// Opens the zip and checks what its central directory declares.
    init(url: URL, data: Data, file: String, limits: SheetLimits) throws {
        self.limits = limits
        self.file = file
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw SheetProblem(code: "bad-xlsx", "\(file) is not an XLSX file (it cannot be read as a zip archive)",
                               hint: "save it from Excel or LibreOffice as \"Excel Workbook (.xlsx)\", or export a CSV")
        }
        var total: UInt64 = 0
        var count = 0
        for entry in archive {
            count += 1
            guard count <= 10_000 else {
                throw SheetProblem(code: "data-too-large", "\(file) holds more than 10000 parts",
                                   hint: "a workbook of statistics holds a few dozen; save a copy with only the sheets the report needs")
            }
            total &+= entry.uncompressedSize
            entries[entry.path] = entry
        }
        if total > UInt64(limits.maxUnpackedBytes) {
            throw SheetProblem(code: "data-too-large",
                               "\(file) would unpack to \(PackageParts.megabytes(total)); the limit is \(PackageParts.megabytes(UInt64(limits.maxUnpackedBytes)))",
                               hint: "a workbook of statistics unpacks to well under a megabyte; save a copy with only the sheets the report needs")
        }
        guard entries["xl/workbook.xml"] != nil else {
            throw SheetProblem(code: "bad-xlsx", "\(file) is a zip archive but not an XLSX workbook (it has no xl/workbook.xml)",
                               hint: "save it from Excel or LibreOffice as \"Excel Workbook (.xlsx)\"; .xls, .ods and .numbers files are not read")
        }
    }

    /// Whether the zip holds `path`.
    func has(_ path: String) -> Bool { entries[path] != nil }

    /// The inflated bytes of `path`, or nil when the zip has no such part.
    func read(_ path: String) throws -> Data? {
        guard let entry = entries[path] else { return nil }
        let limit = limits.maxPartBytes
        if entry.uncompressedSize > UInt64(limit) {
            throw tooLarge(path, UInt64(entry.uncompressedSize))
        }
        var out = Data()
        out.reserveCapacity(Int(entry.uncompressedSize))
        let declared = entry.uncompressedSize
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                if out.count + chunk.count > limit || UInt64(out.count + chunk.count) > declared {
                    throw PartOverflow()
                }
                out.append(chunk)
            }
        } catch is PartOverflow {
            throw SheetProblem(code: "data-too-large", "\(file): the part \(path) inflates to more than its declared \(PackageParts.megabytes(declared))",
                               hint: "the file is damaged or crafted; save it again from a spreadsheet program")
        } catch {
            throw SheetProblem(code: "bad-xlsx", "\(file): the part \(path) cannot be unpacked (\(error))",
                               hint: "the file is damaged; save it again from a spreadsheet program")
        }
        return out
    }

    private struct PartOverflow: Error {}

    private func tooLarge(_ path: String, _ size: UInt64) -> SheetProblem {
        SheetProblem(code: "data-too-large",
                     "\(file): the part \(path) unpacks to \(PackageParts.megabytes(size)); the limit is \(PackageParts.megabytes(UInt64(limits.maxPartBytes)))",
                     hint: "keep the report's numbers in a small workbook of their own")
    }

    static func megabytes(_ n: UInt64) -> String {
        n >= 1 << 20 ? String(format: "%.1f MB", Double(n) / 1_048_576) : "\(n) bytes"
    }
}
