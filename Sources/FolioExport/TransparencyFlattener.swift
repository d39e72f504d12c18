import FolioCore

/// Replaces translucent colours by the opaque colour they make over what lies beneath,
/// wherever that is one flat colour (a page or frame background, or the paper).
///
/// The print file (PDF/X-4) may keep transparency live, but fewer transparency groups
/// mean fewer surprises in a print shop's RIP, and a translucent black over white
/// becomes a grey that can go on the K plate alone. (Under PDF/X-3, through Ghostscript,
/// any transparency left made it paint the whole page as one CMYK image.) Blending is the
/// PDF "Normal" blend in sRGB, `a·colour + (1 − a)·backdrop`, so the print file looks
/// like the screen file.
///
/// The backdrop of an item is the topmost opaque, axis-aligned filled rectangle painted
/// before it that holds all of the item's visible area. Earlier translucent items are
/// looked through: where two translucent shapes cross (a hairline ring through a faint
/// numeral), the crossing shows the upper one over the backdrop instead of the mix. An
/// item over anything else (an image, text, a partly covering shape) keeps its alpha and
/// is counted in `unresolved`.
public struct TransparencyFlattener {
    /// The colour under everything.
    public static let paper = Color.white

    private struct Painted {
        var area: Rect
        /// The fill colour when the item is an opaque filled rectangle with no stroke.
        var solid: Color?
        var wasTranslucent: Bool
    }

    private var painted: [Painted] = []
    /// Translucent items left as they were because their backdrop is not one colour.
    public private(set) var unresolved = 0

    public init() {}

    /// The page with translucent colours flattened, and how many items could not be.
    public static func flatten(_ page: Page) -> (page: Page, unresolved: Int) {
        var flattener = TransparencyFlattener()
        var copy = page
        copy.items = flattener.flatten(page.items, clip: page.bleedBox)
        return (copy, flattener.unresolved)
    }

    /// Whether an item (or anything inside it) is drawn with alpha below 1.
    public static func isTranslucent(_ item: Item) -> Bool {
        switch item {
        case .shape(let s): return (s.fill?.alpha ?? 1) < 1 || (s.stroke?.color.alpha ?? 1) < 1
        case .text(let run): return run.color.alpha < 1
        case .group(let group): return group.items.contains(where: isTranslucent)
        case .tagged(_, let items): return items.contains(where: isTranslucent)
        case .image, .link, .destination: return false
        }
    }

    mutating func flatten(_ items: [Item], clip: Rect) -> [Item] {
        items.map { flatten($0, clip: clip) }
    }

    mutating func flatten(_ item: Item, clip: Rect) -> Item {
        switch item {
        case .shape(var shape):
            guard let visible = Self.visibleBounds(of: shape).flatMap({ Self.intersection($0, clip) }) else { return item }
            let fillAlpha = shape.fill?.alpha ?? 1, strokeAlpha = shape.stroke?.color.alpha ?? 1
            let translucent = fillAlpha < 1 || strokeAlpha < 1
            if translucent {
                // A translucent stroke over its own translucent fill has two backdrops.
                if fillAlpha < 1 && shape.stroke != nil || strokeAlpha < 1 && shape.fill != nil {
                    unresolved += 1
                } else if let backdrop = backdrop(under: visible) {
                    shape.fill = shape.fill.map { Self.blend($0, over: backdrop) }
                    if let stroke = shape.stroke { shape.stroke?.color = Self.blend(stroke.color, over: backdrop) }
                } else {
                    unresolved += 1
                }
            }
            let solid = shape.stroke == nil && Self.isRectangle(shape.path) && (shape.fill?.alpha ?? 0) >= 1 ? shape.fill : nil
            painted.append(Painted(area: visible, solid: solid, wasTranslucent: translucent))
            return .shape(shape)
        case .text(var run):
            guard let visible = Self.intersection(run.bounds, clip) else { return item }
            let translucent = run.color.alpha < 1
            if translucent {
                if let backdrop = backdrop(under: visible) {
                    run.color = Self.blend(run.color, over: backdrop)
                } else {
                    unresolved += 1
                }
            }
            painted.append(Painted(area: visible, solid: nil, wasTranslucent: translucent))
            return .text(run)
        case .image(let image):
            if let visible = Self.intersection(image.clip, clip) {
                painted.append(Painted(area: visible, solid: nil, wasTranslucent: false))
            }
            return item
        case .group(let group):
            // Backdrops are found in page coordinates: the children are moved there first.
            var placed = Group(clip: group.placedClip, items: group.placedItems)
            guard let rect = placed.clip else {
                placed.items = flatten(placed.items, clip: clip)
                return .group(placed)
            }
            guard let inner = Self.intersection(rect, clip) else { return item }
            placed.items = flatten(placed.items, clip: inner)
            return .group(placed)
        case .tagged(let tag, let children):
            return .tagged(tag, flatten(children, clip: clip))
        case .link, .destination:
            return item
        }
    }

    /// The one colour under `area`, or nil when it is not one colour.
    private func backdrop(under area: Rect) -> Color? {
        for p in painted.reversed() where p.area.intersects(area) {
            if p.wasTranslucent { continue }
            guard let solid = p.solid, p.area.contains(area) else { return nil }
            return solid
        }
        return Self.paper
    }

    /// `colour` with alpha `a` painted over the opaque `backdrop`.
    public static func blend(_ colour: Color, over backdrop: Color) -> Color {
        let a = colour.alpha
        return Color(red: a * colour.red + (1 - a) * backdrop.red,
                     green: a * colour.green + (1 - a) * backdrop.green,
                     blue: a * colour.blue + (1 - a) * backdrop.blue)
    }

    private static func visibleBounds(of shape: Shape) -> Rect? {
        guard let bounds = shape.path.bounds else { return nil }
        guard let stroke = shape.stroke else { return bounds }
        // Miter joins of a rectangle's corners stay within half the width × √2.
        return bounds.insetBy(-stroke.width * 0.75)
    }

    private static func intersection(_ a: Rect, _ b: Rect) -> Rect? {
        let x0 = max(a.minX, b.minX), y0 = max(a.minY, b.minY)
        let x1 = min(a.maxX, b.maxX), y1 = min(a.maxY, b.maxY)
        return x1 > x0 && y1 > y0 ? Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0) : nil
    }

    /// Whether the path is one closed axis-aligned rectangle.
    static func isRectangle(_ path: Path) -> Bool {
        var points: [Point] = []
        for (i, element) in path.elements.enumerated() {
            switch element {
            case .move(let p) where i == 0: points.append(p)
            case .line(let p) where i > 0: points.append(p)
            case .close where i == path.elements.count - 1: break
            default: return false
            }
        }
        if points.count == 5, points[4] == points[0] { points.removeLast() }
        guard points.count == 4 else { return false }
        for i in 0..<4 {
            let a = points[i], b = points[(i + 1) % 4]
            guard a.x == b.x || a.y == b.y else { return false }
        }
        return Set(points.map(\.x)).count == 2 && Set(points.map(\.y)).count == 2
    }
}
