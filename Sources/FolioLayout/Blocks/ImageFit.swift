import FolioCore
import FolioGraphics
import FolioModel

/// Places an image in a frame: `cover` fills it and crops around the focal point,
/// `contain` shows all of it, centred.
enum ImageFit {
    static func item(_ image: ImageRef, in box: Rect) throws -> ImageItem {
        let info = try ImageInfo.read(path: image.absolutePath)
        let iw = Double(info.width), ih = Double(info.height)
        switch image.fit {
        case .contain:
            let scale = min(box.width / iw, box.height / ih)
            let w = iw * scale, h = ih * scale
            let frame = Rect(x: box.midX - w / 2, y: box.midY - h / 2, width: w, height: h)
            return ImageItem(path: image.absolutePath, frame: frame, clip: frame)
        case .cover:
            let scale = max(box.width / iw, box.height / ih)
            let w = iw * scale, h = ih * scale
            // Put the focal point at the box centre, then keep the box covered.
            var x = box.midX - image.focus.x * w
            var y = box.midY - image.focus.y * h
            x = min(box.minX, max(box.maxX - w, x))
            y = min(box.minY, max(box.maxY - h, y))
            return ImageItem(path: image.absolutePath, frame: Rect(x: x, y: y, width: w, height: h), clip: box)
        }
    }

    /// An image's alternate text: its caption and credit, or, without a caption, what it
    /// illustrates ("配图：甬江科创区启动") — never the file's name.
    static func alternateText(_ image: ImageRef, of subject: String) -> String {
        let what = image.caption ?? "配图：\(subject)"
        return [what, image.credit.map { "摄影/来源：\($0)" }].compactMap { $0 }.joined(separator: "。")
    }

    /// An image block laid out in a frame of `size`: the image fitted at its top (`placed`,
    /// laid out at the origin, `height` high) and its caption `gap` below it.
    static func frame(_ placed: ImageItem, height: Double, caption: TextBox?, gap: Double, size: Size) -> Frame {
        var items: [Item] = [.image(placed)]
        if let caption {
            items += caption.runs(lines: 0..<caption.lineCount, x: 0, top: height + gap).map(Item.text)
        }
        return Frame(size: size, items: items)
    }
}
