// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Folio",
    // Linux only (Debian's Pango, Cairo, HarfBuzz; inotify, st_mtim): no Apple platform is claimed.
    products: [
        .executable(name: "folio", targets: ["folio"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/drmohundro/SWXMLHash", from: "8.1.1"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        // HTTP + WebSocket for `folio serve`: plain sockets and epoll, no SwiftNIO (a first build in seconds, not minutes).
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // The only C boundary: Pango, Cairo, fontconfig, libpng, libjpeg.
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev", "libharfbuzz-dev", "libpng-dev", "libdeflate-dev", "libjpeg62-turbo-dev", "liblcms2-dev"])]
        ),
        // Geometry, colours, the display list and frames (a box laid out once, placed at one point), `Memo`: plain Swift values.
        .target(name: "FolioCore"),
        // The only Swift module that imports C: fonts, shaping, surfaces, PNG/JPEG.
        .target(name: "FolioGraphics", dependencies: ["CPangoCairo", "FolioCore"]),
        // Spreadsheet (XLSX) and CSV tables for charts and figures: cells, formats, limits.
        .target(name: "FolioSheets", dependencies: [
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "SWXMLHash", package: "SWXMLHash"),
            .product(name: "SwiftCSV", package: "SwiftCSV"),
        ]),
        // Report data, YAML decoding with source locations, diagnostics.
        .target(name: "FolioModel", dependencies: ["FolioCore", "FolioSheets", .product(name: "Yams", package: "Yams")]),
        // The paragraph composer (clreq line breaking, spacing, justification).
        .target(name: "FolioText", dependencies: ["FolioCore", "FolioGraphics"]),
        // Chart specs + data → vector display-list items (a chart laid out in a frame of its size).
        .target(name: "FolioCharts", dependencies: ["FolioCore", "FolioModel", "FolioText"]),
        // Layout specs, composition, boxes laid out into frames, pagination (the flow places frames) → Document.
        .target(name: "FolioLayout", dependencies: [
            "FolioCore", "FolioModel", "FolioText", "FolioCharts", "FolioGraphics", .product(name: "Yams", package: "Yams"),
        ]),
        // Document → PDF (Folio's own writer) / PNG bytes (Cairo); PDF/X through Ghostscript.
        .target(name: "FolioExport", dependencies: ["FolioCore", "FolioGraphics"]),
        // Prepress checks of any PDF (`folio preflight`) through qpdf, poppler and Ghostscript.
        .target(name: "FolioPreflight"),
        // The build graph: hashes, manifest, atomic writes, watching.
        .target(name: "FolioBuild", dependencies: [
            "FolioCore", "FolioModel", "FolioText", "FolioLayout", "FolioExport", "FolioGraphics",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // `folio serve`: the live preview in the browser (HTTP, WebSocket, the page's assets).
        .target(name: "FolioServe", dependencies: [
            "FolioBuild", "FolioModel", "FolioLayout", "FolioExport", "FolioGraphics", "FolioCore", "FolioText",
            .product(name: "FlyingFox", package: "FlyingFox"),
        ]),
        .executableTarget(name: "folio", dependencies: [
            "FolioBuild", "FolioModel", "FolioLayout", "FolioGraphics", "FolioPreflight", "FolioSheets", "FolioServe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Measurements for `make bench` (bench/cards.sh): PNG encoder settings, card throughput.
        .executableTarget(name: "folio-bench", dependencies: [
            "FolioCore", "FolioModel", "FolioText", "FolioLayout", "FolioExport", "FolioGraphics", "FolioTestSupport",
        ], path: "bench/FolioBench"),
        // Fuzzing: mutations of the default report and layouts, run through `Builder.check`.
        .target(name: "FolioFuzzSupport", dependencies: ["FolioBuild", "FolioModel"], path: "Tests/FolioFuzzSupport"),
        .executableTarget(name: "folio-fuzz", dependencies: ["FolioFuzzSupport"], path: "Sources/folio-fuzz"),
        .target(name: "FolioTestSupport", dependencies: ["FolioCore", "FolioModel", "FolioGraphics"], path: "Tests/FolioTestSupport"),
        .testTarget(name: "FolioSheetsTests", dependencies: ["FolioSheets", "FolioModel", "FolioBuild", "FolioTestSupport"]),
        .testTarget(name: "FolioModelTests", dependencies: ["FolioModel", "FolioTestSupport"]),
        .testTarget(name: "FolioTextTests", dependencies: ["FolioText", "FolioGraphics", "FolioCore", "FolioExport", "FolioTestSupport"]),
        .testTarget(name: "FolioChartsTests", dependencies: ["FolioCharts", "FolioText", "FolioModel", "FolioCore", "FolioTestSupport",
                                                         "FolioLayout", "FolioExport", "FolioGraphics"]),
        .testTarget(name: "FolioLayoutTests", dependencies: ["FolioLayout", "FolioModel", "FolioText", "FolioCore", "FolioExport", "FolioGraphics",
                                                         "FolioTestSupport"],
                    exclude: ["Golden"]),  // golden page images, read from disk by GoldenPageTests
        .testTarget(name: "FolioExportTests", dependencies: ["FolioExport", "FolioLayout", "FolioModel", "FolioText", "FolioCore", "FolioGraphics", "FolioTestSupport",
                                                          "FolioPreflight"]),
        .testTarget(name: "FolioCardsTests", dependencies: [
            "FolioLayout", "FolioModel", "FolioText", "FolioCore", "FolioExport", "FolioGraphics", "FolioBuild", "FolioTestSupport",
        ]),
        .testTarget(name: "FolioBuildTests", dependencies: ["FolioBuild", "FolioModel", "FolioCore", "FolioGraphics", "FolioTestSupport"]),
        .testTarget(name: "FolioServeTests", dependencies: ["FolioServe", "FolioBuild", "FolioTestSupport", "FolioCore", "FolioText", "FolioGraphics"],
                    exclude: ["browser_test.py", "screenshot.py"]),
        .testTarget(name: "FolioDiagnosticsTests", dependencies: [
            "FolioBuild", "FolioModel", "FolioLayout", "FolioFuzzSupport", "FolioTestSupport",
        ]),
    ]
)
