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
}
