#!/usr/bin/env python3
"""Spreadsheets for Folio's tests and example report, written by openpyxl.

    python3 Tests/Scripts/make_sheets.py fixtures OUTDIR   # the test files (FolioSheetsTests)
    python3 Tests/Scripts/make_sheets.py example FILE.xlsx  # Reports/ningbo-2022-sheets/data/stats.xlsx
    python3 Tests/Scripts/make_sheets.py example FILE.xlsx 高企!B3=5400   # the same, one cell changed

openpyxl writes every string inline and saves no results of formulas. Excel and
LibreOffice do otherwise: they keep strings in a shared table and store each formula's
result. `excelify` rewrites the saved file the way they would (shared strings, except in
sheets named in `keep_inline`; the given results of formulas), so that both kinds of file
are tested. Formulas not given a result stay without one, as openpyxl leaves them.
"""
import datetime
import re
import sys
import zipfile
from xml.sax.saxutils import escape

try:
    import openpyxl
except ImportError:
    sys.stderr.write("openpyxl is missing: run `make test-deps` (pip install openpyxl)\n")
    sys.exit(3)


def excelify(path, keep_inline=(), results=None):
    """Shared strings instead of inline ones; saved results for formulas (by sheet name and cell)."""
    results = results or {}
    zin = zipfile.ZipFile(path)
    items = [(i, zin.read(i.filename)) for i in zin.infolist()]
    zin.close()
    workbook = dict(items_by_name(items))["xl/workbook.xml"].decode()
    rels = dict(items_by_name(items))["xl/_rels/workbook.xml.rels"].decode()
    sheet_of_part = {}
    for name, rid in re.findall(r'<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"', workbook):
        target = re.search(r'Id="%s"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="%s"' % (rid, rid), rels)
        part = (target.group(1) or target.group(2)).lstrip("/")
        sheet_of_part[part if part.startswith("xl/") else "xl/" + part] = name
    strings, index = [], {}

    def shared(match):
        cell, attrs, text = match.group(1), match.group(2), match.group(3)
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return '<c r="%s"%s t="s"><v>%d</v></c>' % (cell, attrs, index[text])

    out = []
    for info, data in items:
        name = info.filename
        if name in sheet_of_part:
            sheet = sheet_of_part[name]
            xml = data.decode()
            if sheet not in keep_inline:
                xml = re.sub(r'<c r="([A-Z]+[0-9]+)"([^>]*?) t="inlineStr"><is><t(?: [^>]*)?>([^<]*)</t></is></c>', shared, xml)
            for cell, value in results.get(sheet, {}).items():
                xml = re.sub(r'(<c r="%s"[^>]*>)<f>([^<]*)</f><v>\s*</v>' % cell,
                             lambda m: '%s<f>%s</f><v>%s</v>' % (m.group(1), m.group(2), value), xml)
            data = xml.encode()
        if name == "docProps/core.xml":  # openpyxl stamps the time of saving
            data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2023-02-01T00:00:00Z", data)
        if name == "[Content_Types].xml" and strings:
            data = data.decode().replace("</Types>",
                '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>').encode()
        if name == "xl/_rels/workbook.xml.rels" and strings:
            data = data.decode().replace("</Relationships>",
                '<Relationship Id="rIdStrings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>').encode()
        out.append((info, data))
    if strings:
        sst = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(strings), len(strings))
        sst += "".join("<si><t>%s</t></si>" % s for s in strings) + "</sst>"
        info = zipfile.ZipInfo("xl/sharedStrings.xml", date_time=(2023, 2, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        out.append((info, sst.encode()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in out:
            info.date_time = (2023, 2, 1, 0, 0, 0)  # the same bytes on every run
            z.writestr(info, data)


def items_by_name(items):
    return [(i.filename, d) for i, d in items]


def fixed_dates(wb):
    """The same bytes on every run: fixed creation and modification dates."""
    when = datetime.datetime(2023, 2, 1, 0, 0, 0)
    wb.properties.created = when
    wb.properties.modified = when
    wb.properties.creator = "Folio tests"


def fixtures(outdir):
    wb = openpyxl.Workbook()
    fixed_dates(wb)
    # 高企: a chart table in A1:C3, growth rates below it, a note far to the right.
    ws = wb.active
    ws.title = "高企"
    ws.append(["年份", "高新技术企业", "新认定"])
    ws.append(["2021", 3886, 893])
    ws.append(["2022", 5300, 1500])
    ws.append(["增幅", 0.364, 0.68])
    ws["B4"].number_format = "0.0%"
    ws["C4"].number_format = "0%"
    # Formats: one number per row, shown through the format in column A.
    f = wb.create_sheet("formats")
    rows = [("General", 5300), ("General", 36.4), ("0", 5300.4), ("0.0", 36.44), ("#,##0", 5300),
            ("#,##0.00", 1234567.891), ("0%", 0.68), ("0.0%", 0.364), ("0.00E+00", 260000),
            ('0"家"', 5300), ('#,##0"万"', 26), ("yyyy-mm-dd", datetime.date(2022, 12, 29)),
            ('yyyy"年"m"月"d"日"', datetime.date(2022, 12, 29)), ("yyyy-mm", datetime.date(2022, 10, 1)),
            ("0.0;[Red]-0.0", -2.25)]
    for i, (code, value) in enumerate(rows, start=1):
        f.cell(row=i, column=1, value=code)
        c = f.cell(row=i, column=2, value=value)
        c.number_format = code
    # Formulas: B3 has a saved result (as after Excel), C3 none (as openpyxl leaves it).
    g = wb.create_sheet("formulas")
    g.append(["年份", "总数", "翻倍"])
    g.append(["2021", 3886, 7772])
    g.append(["2022", "=B2+1414", "=B3*2"])
    # Inline strings kept (as some exporters write them), with a gap in C2.
    h = wb.create_sheet("inline")
    h.append(["地区", "甲", "乙"])
    h.append(["宁波", 1, None])
    h.append(["杭州", 2, 4])
    # Problems: text with a unit, an error value, a boolean, a date among the numbers.
    b = wb.create_sheet("bad")
    b.append(["年份", "高新技术企业", "新认定"])
    b.append(["2021", 3886, 893])
    b.append(["2022", 5300, "893家"])
    b.append(["2023", True, "#DIV/0!"])
    b["C4"].data_type = "e"
    b.append(["2024", datetime.date(2024, 1, 1), 1])
    wb.create_sheet("空表")
    path = outdir + "/stats.xlsx"
    wb.save(path)
    excelify(path, keep_inline=("inline",), results={"formulas": {"B3": "5300"}})

    # A workbook whose first sheet is the table, all shared strings, for `data: file` alone.
    wb2 = openpyxl.Workbook()
    fixed_dates(wb2)
    s = wb2.active
    s.title = "排名"
    s.append(["年份", "综合排名"])
    s.append(["2020", 15])
    s.append(["2021", 13])
    wb2.save(outdir + "/rank.xlsx")
    excelify(outdir + "/rank.xlsx")

    liar(path, outdir + "/liar.xlsx")

    with open(outdir + "/rank.csv", "w", encoding="utf-8", newline="") as fh:
        fh.write('年份,综合排名,"备注, 引号"\r\n2020,15,\r\n2021,13,"7"\r\n')
    with open(outdir + "/bad.csv", "w", encoding="utf-8") as fh:
        fh.write("年份,新认定\n2021,893\n2022,1500家\n")
    with open(outdir + "/unclosed.csv", "w", encoding="utf-8") as fh:
        fh.write('年份,新认定\n2021,"893\n2022,1500\n')
    with open(outdir + "/latin1.csv", "wb") as fh:
        fh.write(b"year,value\n2021,1\nK\xf6ln,2\n")


def liar(src, dst):
    """A copy of `src` whose first sheet inflates to 4 MB while its zip entry says 1000
    bytes: the reader must stop at the declared size, not trust it."""
    z = zipfile.ZipFile(src)
    items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    z.close()
    part = b"xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in items:
            if name.encode() == part:
                data = data.replace(b"<sheetData>", b"<!--" + b" " * (4 << 20) + b"--><sheetData>")
            info = zipfile.ZipInfo(name, date_time=(2023, 2, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, data)
    blob = bytearray(open(dst, "rb").read())
    at = blob.find(part)
    while at >= 0:
        if blob[at - 30:at - 26] == b"PK\x03\x04":
            blob[at - 30 + 22:at - 30 + 26] = (1000).to_bytes(4, "little")
        if blob[at - 46:at - 42] == b"PK\x01\x02":
            blob[at - 46 + 24:at - 46 + 28] = (1000).to_bytes(4, "little")
        at = blob.find(part, at + 1)
    open(dst, "wb").write(bytes(blob))


def example(path, changes=()):
    """The seed article's statistics, values as in Reports/ningbo-2022/report.yaml.
    `changes` are (sheet, cell, value) edits, as a test makes them."""
    wb = openpyxl.Workbook()
    fixed_dates(wb)
    ws = wb.active
    ws.title = "高企"
    for row in (["年份", "高新技术企业", None, "年份", "新认定"],
                ["2021", 3886, None, "2021", 893],      # derived: 5300÷1.364 and 1500÷1.68
                ["2022", 5300, None, "2022", 1500],
                ["增幅", 0.364, None, "增幅", 0.68]):
        ws.append(row)
    ws["B4"].number_format = "0.0%"
    ws["E4"].number_format = "0%"
    r = wb.create_sheet("排名")
    r.append(["年份", "综合排名"])
    r.append(["2020", 15])             # derived: "较2020年提升2位"
    r.append(["2021", 13])
    e = wb.create_sheet("推选")
    e.append([None, "推荐事件"])
    e.append(["入选", 10])
    e.append(["其余推荐事件", "=49-B2"])  # derived: 49 − 10
    k = wb.create_sheet("指标")
    for top, (name, value) in zip((1, 4, 7, 10), (("氦-3", 260000), ("年数", 2600), ("续航", 450), ("减排", 90))):
        k.cell(row=top, column=2, value=name)
        k.cell(row=top + 1, column=1, value="2022")
        k.cell(row=top + 1, column=2, value=value)
    for sheet, cell, value in changes:
        wb[sheet][cell] = value
    wb.save(path)
    excelify(path, results={"推选": {"B3": "39"}})


if __name__ == "__main__":
    # example FILE [SHEET!CELL=NUMBER ...]: the example workbook, with cells changed.
    if len(sys.argv) < 3 or sys.argv[1] not in ("fixtures", "example"):
        sys.stderr.write(__doc__)
        sys.exit(2)
    if sys.argv[1] == "fixtures":
        fixtures(sys.argv[2])
    else:
        edits = []
        for arg in sys.argv[3:]:
            where, value = arg.split("=", 1)
            sheet, cell = where.split("!")
            try:
                number = float(value) if "." in value else int(value)
            except ValueError:
                number = value  # text, such as "5400家"
            edits.append((sheet, cell, number))
        example(sys.argv[2], edits)
