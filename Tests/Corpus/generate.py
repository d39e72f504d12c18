#!/usr/bin/env python3
"""Writes the corpus's two large reports (deterministic: the same bytes every run).

    python3 Tests/Corpus/generate.py

haicheng-2024 (30 events) and donglin-2025 (200 events): invented cities, varied
realistic content — titles from 6 to 36 characters, bodies from one sentence to about
two pages, events with and without summaries, figures, charts and photos, and charts of
every kind with 1 to 8 series or slices, negatives, nulls, percentages and ranks.
The output is committed; run this again only to change the corpus. Every sentence and photo
caption names its event's subject or district: a sentence repeated word for word on many pages is not
a report's text, and accessibility checkers take such a line near a page edge for a
running head.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))

DISTRICTS = ["澜湖区", "港城区", "东山区", "西溪县", "北岭县", "南湾区", "新区", "高新区", "经开区", "滨海新城"]
CATEGORIES = ["创新平台", "科技攻关", "成果转化", "产业发展", "人才引育", "创新生态", "数字经济", "绿色低碳", "开放合作", "知识产权", "科技金融", "民生科技"]
SUBJECTS = ["集成电路", "生物医药", "新能源汽车", "海洋装备", "工业互联网", "人工智能", "新材料", "氢能", "智能制造", "低空经济", "储能", "现代种业", "量子信息", "北斗导航", "数字医疗"]
ACTIONS = [
    "{s}创新中心获批建设", "首个{s}产业园开园", "{s}关键核心技术攻关取得重大突破", "{s}产业规模突破{n}亿元",
    "{d}{s}实验室挂牌运行", "{s}领域{n}项成果获省科学技术奖", "{s}中试基地投入使用", "国家级{s}创新平台落户{d}",
    "{d}入选国家{s}应用场景示范", "{s}企业数量较上年增长{p}%", "{s}重大专项启动实施", "{d}建成{s}公共服务平台",
    "{s}产业链“链长制”全面推行", "全球首台套{s}装备在{d}下线", "{s}人才新政出台 {n}名高层次人才落户",
]
SENTENCES = [
    "{d}{s}项目总投资{n}亿元，建成后预计年产值超过{m}亿元。",
    "{d}同步建设公共实验平台、中试基地和人才公寓，为企业提供全周期服务。",
    "全年新增{s}相关企业{k}家，其中高新技术企业{j}家。",
    "{d}相关负责人表示，下一步将加快推进{s}二期工程建设，力争早日形成规模效应。",
    "该{s}成果打破了国外长期技术垄断，关键指标达到国际先进水平。",
    "市里出台{s}专项支持政策，对{d}符合条件的项目给予最高{j}00万元补助。",
    "截至年末，{d}{s}平台已服务企业{k}家次，开展技术攻关项目{j}项。",
    "{s}产学研合作持续深化，{d}与{j}所高校院所签订战略合作协议。",
    "在{s}领域，全市已初步形成从研发设计到生产制造的完整产业链条。",
    "这一举措标志着{d}在{s}领域实现了从“跟跑”到“并跑”的跨越。",
    "据测算，项目全面达产后可带动上下游配套企业{j}家集聚发展，新增就业岗位{k}个。",
    "{d}围绕{s}产业链部署创新链，围绕创新链布局产业链，推动科技成果就地转化。",
]
FIGURES = [
    lambda r, s: (str(r.randint(2, 999)), "家", f"{s}企业"),
    lambda r, s: (f"{r.randint(1, 60)}.{r.randint(1, 9)}%", None, "同比增长"),
    lambda r, s: (f"{r.randint(2, 900)}亿", "元", "总投资"),
    lambda r, s: (f"{r.randint(10, 5000)}+", "名", "引进人才"),
    lambda r, s: (f"第{r.randint(1, 20)}位", None, "全省排名"),
    lambda r, s: (str(r.randint(3, 400)), "项", "发明专利授权量"),
    lambda r, s: (f"{r.randint(1, 30)}万", "吨/年", "设计产能"),
]
CREDITS = ["记者 王晓明 摄", "通讯员 陈佳 摄", "{d}融媒体中心供图", "受访单位供图", None]
CAPTIONS = ["{s}项目建设现场", "{d}{s}实验室内景", "{d}{s}园区全景航拍", "{s}生产线一角", "{d}开园仪式现场", None]


def clamp_title(t):
    return t


def sentence(r, subject, district):
    t = r.choice(SENTENCES)
    return t.format(n=r.randint(5, 400), m=r.randint(10, 900), s=subject, d=district, k=r.randint(10, 2000), j=r.randint(2, 60))


def body(r, subject, district, size):
    if size == 0:
        return [sentence(r, subject, district)]
    paragraphs = []
    count = {1: r.randint(1, 2), 2: r.randint(3, 5), 3: r.randint(8, 12)}[size]
    for _ in range(count):
        paragraphs.append("".join(sentence(r, subject, district) for _ in range(r.randint(2, 6))))
    return paragraphs


def years(r, start, n):
    return [str(start + i) for i in range(n)]


def chart(r, cid, subject, edition, variant):
    """Charts in rotation so that every kind and shape appears."""
    kind = variant % 9
    if kind == 0:  # bar, 1..3 series, maybe negatives/nulls
        n = r.randint(1, 3)
        cats = years(r, edition - 4, 5)
        series = []
        for i in range(n):
            vals = [round(r.uniform(-20, 120), 1) for _ in cats]
            if r.random() < 0.4:
                vals[r.randrange(len(vals))] = None
            series.append({"name": ["总量", "其中企业", "其中高校院所"][i], "values": vals})
        return {"id": cid, "title": f"{subject}相关投入变化", "kind": "bar", "unit": "亿元", "categories": cats, "series": series}
    if kind == 1:  # rank, inverted
        cats = years(r, edition - 3, 4)
        rank = r.randint(20, 40)
        vals = []
        for _ in cats:
            vals.append(rank)
            rank = max(1, rank - r.randint(0, 5))
        return {"id": cid, "title": f"{subject}产业全省排名", "kind": r.choice(["bar", "line"]), "unit": "位", "prefix": "第",
                "invert": True, "categories": cats, "series": [{"name": "全省排名", "values": vals}]}
    if kind == 2:  # donut 2..8 slices, percentages
        n = r.randint(2, 8)
        raw = [r.uniform(2, 30) for _ in range(n)]
        total = sum(raw)
        vals = [round(v / total * 100, 1) for v in raw]
        vals[-1] = round(100 - sum(vals[:-1]), 1)
        cats = r.sample(DISTRICTS, n)
        return {"id": cid, "title": f"{subject}企业区域分布", "kind": "donut", "unit": "%", "categories": cats, "series": [{"name": "占比", "values": vals}]}
    if kind == 3:  # donut of counts
        n = r.randint(3, 6)
        cats = r.sample(["研发设计", "生产制造", "检验检测", "技术服务", "应用推广", "配套服务"], n)
        return {"id": cid, "title": f"{subject}项目构成", "kind": "donut", "unit": "个", "categories": cats,
                "series": [{"name": "项目数", "values": [r.randint(3, 60) for _ in cats]}]}
    if kind == 4:  # line, 1..8 series, nulls, negatives
        n = r.randint(1, 8)
        cats = years(r, edition - 5, 6)
        series = []
        for i in range(n):
            base = r.uniform(-5, 15)
            vals = [round(base + r.uniform(-4, 4), 1) for _ in cats]
            if r.random() < 0.3:
                vals[r.randrange(1, len(vals))] = None
            series.append({"name": DISTRICTS[i], "values": vals})
        return {"id": cid, "title": f"各区{subject}产值增速", "kind": "line", "unit": "%", "categories": cats, "series": series}
    if kind == 5:  # kpi
        return {"id": cid, "title": f"{subject}产业规模", "kind": "kpi", "unit": "亿元", "series": [{"name": "规模", "values": [r.randint(12, 900)]}]}
    if kind == 6:  # horizontal bar, many categories
        n = r.randint(4, 8)
        cats = r.sample(DISTRICTS, n)
        return {"id": cid, "title": f"各区{subject}企业数量", "kind": "bar", "orientation": "horizontal", "unit": "家",
                "categories": cats, "series": [{"name": f"{edition}年", "values": [r.randint(3, 300) for _ in cats]}]}
    if kind == 7:  # stacked bar, 2..4 series
        n = r.randint(2, 4)
        cats = years(r, edition - 3, 4)
        names = ["国家级", "省级", "市级", "区级"][:n]
        return {"id": cid, "title": f"{subject}创新平台数量", "kind": "bar", "stacked": True, "unit": "家", "categories": cats,
                "series": [{"name": nm, "values": [r.randint(1, 40) for _ in cats]} for nm in names]}
    # line of percentages with a target
    cats = years(r, edition - 4, 5)
    vals = [round(1.8 + 0.2 * i + r.uniform(-0.1, 0.1), 2) for i in range(len(cats))]
    return {"id": cid, "title": f"{subject}研发投入强度", "kind": "line", "unit": "%", "categories": cats,
            "series": [{"name": "研发投入强度", "values": vals}], "target": {"value": round(vals[-1] + 0.4, 1), "label": f"{edition + 1}年目标"}}


def yaml_value(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, list):
        return "[" + ", ".join(yaml_value(x) for x in v) + "]"
    return '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_chart(out, c):
    out.append(f"  - id: {c['id']}")
    for key in ["title", "kind", "orientation", "unit", "prefix", "invert", "stacked", "categories"]:
        if key in c:
            out.append(f"    {key}: {yaml_value(c[key])}")
    if "target" in c:
        out.append(f"    target: {{value: {c['target']['value']}, label: {yaml_value(c['target']['label'])}}}")
    out.append("    series:")
    for s in c["series"]:
        out.append(f"      - {{name: {yaml_value(s['name'])}, values: {yaml_value(s['values'])}}}")


def report(folder, city, edition, count, seed, photos):
    r = random.Random(seed)
    out = [f"# {edition}年度{city}科技创新{count}件大事 — a corpus report (Tests/Corpus), generated by",
           "# Tests/Corpus/generate.py (do not edit by hand; change the script and run it again).", ""]
    out.append(f"title: {yaml_value(f'{edition}年度{city}科技创新与高质量发展{count}件大事（评选结果）')}")
    out.append(f"short-title: {yaml_value(f'{edition}{city}科创{count}件大事')}")
    out.append(f"publisher: {yaml_value(f'{city}科学技术局（{city}知识产权局）')}")
    out.append(f"edition: {edition}")
    out.append(f"published: {edition + 1}-02-{r.randint(10, 28)}")
    out.append(f"source: {yaml_value(f'{city}科学技术局、{city}统计局')}")
    out.append("intro:")
    out.append(f"  - {yaml_value(f'{edition}年，{city}深入实施创新驱动发展战略，科技创新各项工作取得新进展。')}")
    out.append("")
    out.append("events:")
    charts = []
    for i in range(count):
        subject = r.choice(SUBJECTS)
        district = r.choice(DISTRICTS)
        title = r.choice(ACTIONS).format(s=subject, d=district, n=r.randint(2, 500), p=r.randint(5, 80))
        if r.random() < 0.15:
            title = f"{city}{title}，为全省{subject}高质量发展提供示范样板"
        out.append(f"  - id: event-{i + 1:03d}")
        out.append(f"    title: {yaml_value(title)}")
        if r.random() < 0.8:
            month = r.randint(1, 12)
            out.append(f"    date: {edition}-{month:02d}" + (f"-{r.randint(1, 28):02d}" if r.random() < 0.6 else ""))
        out.append(f"    category: {yaml_value(r.choice(CATEGORIES))}")
        if r.random() < 0.65:
            out.append(f"    summary: {yaml_value(sentence(r, subject, district))}")
        size = r.choices([0, 1, 2, 3], weights=[2, 4, 3, 1])[0] if count > 50 else r.choices([0, 1, 2, 3], weights=[1, 3, 3, 1])[0]
        out.append("    body:")
        for p in body(r, subject, district, size):
            out.append(f"      - {yaml_value(p)}")
        nfig = r.choices([0, 1, 2, 3, 4], weights=[3, 3, 2, 1, 1])[0]
        if nfig:
            out.append("    figures:")
            for kind in r.sample(range(len(FIGURES)), nfig):
                value, unit, label = FIGURES[kind](r, subject)
                out.append(f"      - {{value: {yaml_value(value)}" + (f", unit: {unit}" if unit else "") + f", label: {yaml_value(label)}}}")
        if r.random() < 0.45:
            ids = []
            for _ in range(r.choices([1, 2], weights=[4, 1])[0]):
                cid = f"chart-{len(charts) + 1:03d}"
                charts.append(chart(r, cid, subject, edition, len(charts)))
                ids.append(cid)
            out.append(f"    charts: [{', '.join(ids)}]")
        if r.random() < 0.3:
            path = r.choice(photos)
            caption = r.choice(CAPTIONS)
            credit = r.choice(CREDITS)
            parts = [f"path: {path}"]
            if caption:
                parts.append(f"caption: {caption.format(s=subject, d=district)}")
            if credit:
                parts.append(f"credit: {yaml_value(credit.format(d=district))}")
            out.append("    image: {" + ", ".join(parts) + "}")
        out.append("")
    out.append("charts:")
    for c in charts:
        write_chart(out, c)
        out.append("")
    os.makedirs(os.path.join(HERE, folder), exist_ok=True)
    with open(os.path.join(HERE, folder, "report.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(out).rstrip() + "\n")


if __name__ == "__main__":
    report("haicheng-2024", "海澄市", 2024, 30, 2024, ["images/photo-1.jpg", "images/photo-2.jpg"])
    report("donglin-2025", "东陵市", 2025, 200, 2025, ["images/photo-1.jpg", "images/photo-2.jpg", "images/photo-3.png"])
