import FolioCore
import FolioGraphics
import FolioText
import Foundation
let fonts = try! FontSet(configFile: "Fonts/fonts.conf")
let composer = Composer(fonts: fonts)
let style = CharacterStyle(font: FontSpec(family: "Noto Serif CJK SC", size: 10.5), color: .black)
let texts = ["去年12月29日，甬江科创区启动仪式暨宁波东方理工大学（暂名）开工活动举行。作为我市打造全球智造创新之都的最重要平台，甬江科创区聚焦打造“世界一流科创策源中心”，以科创主平台、人才新高地、都市未来城为主体功能，重点夯实新材料、工业互联网、智能制造产业三大基础创新优势，重点谋划海洋经济、天空经济和生命健康三个未来发展方向。依托甬江科创区，宁波东方理工大学（暂名）建设项目、甬江实验室研究院集聚区建设项目等9个项目集中开工。",
 "测试：GPU和5G的36.4%增长，2022—2025年，“从0到1”。），这是一个 real space test with Latin words like internationalization and 3,000 units，−5度。“引号”（括号）《书名》——破折号……省略号。",
 "中科院宁波材料所联合航天五院钱学森实验室等团队，对嫦娥五号月壤颗粒中的氦原子进行探测研究，发现月壤玻璃在捕获和保存氦-3气体中发挥关键作用。"]
let w = 10.5 * 40
let writer = try! PDFWriter(fonts: fonts, info: DocumentInfo(title: "t", author: "a", creationDate: "2023-02-01"), firstPageSize: Size(width: 595, height: 842))
let canvas = writer.beginPage(mediaSize: Size(width: 595, height: 842), origin: Point(x: 60, y: 60), label: nil)
var y = 20.0
for t in texts {
    let p = composer.compose(ParagraphSpec(spans: [TextSpan(t, style: style)], width: w, firstLineIndent: 21))
    for line in p.lines {
        for run in line.runs(atX: 0, baseline: y) { canvas.draw(run) }
        print(String(format: "%6.2f %6.2f %@", line.left, line.right, line.text))
        y += 18
    }
    y += 10
}
canvas.draw(Shape(path: .rect(Rect(x: 0, y: 0, width: w, height: y)), stroke: Stroke(color: Color(red: 1, green: 0, blue: 0), width: 0.2)))
try! writer.endPage()
try! writer.finish().write(to: URL(fileURLWithPath: "/tmp/c.pdf"))
