import FolioModel
import FolioTestSupport
import Testing

/// Every schema check of report.yaml, with the exact text `folio check` prints.
@Suite("Schema diagnostics")
struct SchemaTests {
    let head = Checking.minimalHead

    @Test("a minimal report loads without a word")
    func minimal() {
        let result = Checking.load(Checking.report())
        #expect(result.diagnostics.isEmpty)
        #expect(result.report?.events.map(\.id) == ["first"])
    }

    @Test("missing required keys name the mapping and say what to add")
    func missingKeys() {
        let yaml = """
        publisher: 局
        edition: 2022
        published: 2023-02-01
        events:
          - id: a
            body: [正文]

        """
        #expect(Checking.output(yaml) == """
        report.yaml:1:1: error: the report has no `title`
            publisher: 局
            ^
            hint: add `title:` to the report
        report.yaml:5:5: error: event 1 (a) has no `title`
              - id: a
                ^
            hint: add `title:` to event 1 (a)
        2 errors

        """)
    }

    @Test("a key written without a value, or with an empty one, is called empty, not missing")
    func emptyValues() {
        let yaml = """
        title:
        publisher: 局
        edition: 2022
        published: 2023-02-01
        events:
          - id: a
            title: ''
            body: [正文]

        """
        #expect(Checking.output(yaml) == """
        report.yaml:1:1: error: `title` in the report has no value
            title:
            ^
            hint: write the value after `title:` on the same line
        report.yaml:7:12: error: `title` in event 1 (a) is empty
                title: ''
                       ^
            hint: write the title or remove the key
        2 errors

        """)
    }

    @Test("a key within two edits of a known one is an error: its value would be lost")
    func misspeltKey() {
        let yaml = head + """
        events:
          - id: a
            title: 一
            body: [正文]
            figurs:
              - {value: "9", label: 项目}

        """
        let result = Checking.load(yaml)
        #expect(result.report == nil) // the figures would be silently gone
        #expect(Checking.output(yaml) == """
        report.yaml:9:5: error: `figurs` in event 1 (a) is not a key; it looks like `figures`, and its value would be lost
                figurs:
                ^
            hint: rename it to `figures:`
        1 error

        """)
    }

    @Test("an unknown key further from the known ones is a warning, with the closest known key")
    func unknownKey() {
        let yaml = head + "subtitle-en: x\n" + Checking.minimalEvents
        #expect(Checking.load(yaml).report != nil) // a warning does not stop the build
        #expect(Checking.output(yaml) == """
        report.yaml:5:1: warning: unknown key `subtitle-en` in the report is ignored
            subtitle-en: x
            ^
            hint: did you mean `subtitle`?
        1 warning

        """)
    }

    @Test("an unknown key with no close match lists the keys that exist there")
    func unknownKeyWithoutMatch() {
        #expect(Checking.output(head + "标题: x\n" + Checking.minimalEvents) == """
        report.yaml:5:1: warning: unknown key `标题` in the report is ignored
            标题: x
            ^
            hint: the keys of the report are `title`, `subtitle`, `publisher`, `edition`, `published`, `layout`, `intro`, `events`, `charts`, `cards`, `cover`, `source`, `short-title`, `short-publisher`
        1 warning

        """)
    }

    @Test("wrong types at the top level: lists, mappings, fractions, scalars")
    func wrongTypesTop() {
        let yaml = """
        title: [a, b]
        publisher: {a: b}
        edition: 2022.5
        published: 2023-02-01
        events: 12

        """
        #expect(Checking.output(yaml) == """
        report.yaml:1:8: error: `title` in the report must be a single value, found a list
            title: [a, b]
                   ^
            hint: text that starts with [ must be quoted, e.g. title: "[A] B"
        report.yaml:2:12: error: `publisher` in the report must be a single value, found a mapping
            publisher: {a: b}
                       ^
            hint: text that starts with { must be quoted, e.g. title: "{A} B"
        report.yaml:3:10: error: `edition` in the report must be a whole number, found `2022.5`
            edition: 2022.5
                     ^
            hint: write digits only, e.g. edition: 2022
        report.yaml:5:9: error: `events` in the report must be a list, found a single value
            events: 12
                    ^
            hint: write each item on its own line starting with '- ', or as [a, b]
        4 errors

        """)
    }

    @Test("wrong types inside events are each reported, and the rest is still read")
    func wrongTypesInEvents() {
        let yaml = head + """
        events:
          - 只有一行
          - id: b
            title: 标题
            body: 一段
            figures: 9
            charts: zone
            image: [a.jpg]

        """
        #expect(Checking.output(yaml) == """
        report.yaml:6:5: error: event 1 must be a mapping of keys to values, found a single value
              - 只有一行
                ^
            hint: an event is a group of `key: value` lines starting with '- id: …'
        report.yaml:9:11: error: `body` in event 2 (b) must be a list of paragraphs, found a single value
                body: 一段
                      ^
            hint: write each paragraph on its own line starting with '- ', indented under `body:`
        report.yaml:10:14: error: `figures` in event 2 (b) must be a list, found a single value
                figures: 9
                         ^
            hint: write each item on its own line starting with '- ', or as [a, b]
        report.yaml:11:13: error: `charts` in event 2 (b) must be a list, found a single value
                charts: zone
                        ^
            hint: write each item on its own line starting with '- ', or as [a, b]
        report.yaml:12:12: error: the image of event 2 (b) must be a mapping of keys to values, found a list
                image: [a.jpg]
                       ^
            hint: write the file name (image: images/photo.jpg) or a mapping with `path:`
        5 errors

        """)
    }

    @Test("an unquoted paragraph with ': ' is a mapping, and the hint says to quote it")
    func unquotedColon() {
        let yaml = head + "events:\n  - id: a\n    title: 一\n    body:\n      - 正文: 冒号\n"
        #expect(Checking.output(yaml) == """
        report.yaml:9:9: error: paragraph 1 of the body of event 1 (a) must be a single value, found a mapping
                  - 正文: 冒号
                    ^
            hint: a value containing ': ' must be quoted, e.g. title: "A: B"
        1 error

        """)
    }

    @Test("figures: a bad yes/no, a bare value, and a derived number without a note")
    func figures() {
        let yaml = head + """
        events:
          - id: a
            title: 一
            body: [正文]
            figures:
              - {value: "9", label: 项目, derived: true}
              - {value: "9", label: 项目, derived: maybe}
              - 9个

        """
        #expect(Checking.output(yaml) == """
        report.yaml:10:9: warning: figure 1 of event 1 (a) is marked derived but has no note saying how
                  - {value: "9", label: 项目, derived: true}
                    ^
            hint: add a note, e.g. note: "由增幅推算"
        report.yaml:11:42: error: `derived` in figure 2 of event 1 (a) must be true or false, found `maybe`
                  - {value: "9", label: 项目, derived: maybe}
                                                       ^
            hint: write derived: true or derived: false
        report.yaml:12:9: error: figure 3 of event 1 (a) must be a mapping of keys to values, found a single value
                  - 9个
                    ^
            hint: a figure is a mapping, e.g. {value: "9", unit: 个, label: 项目集中开工}
        2 errors, 1 warning

        """)
    }

    @Test("duplicate event ids point at the second id")
    func duplicateIDs() {
        let yaml = head + "events:\n  - id: a\n    title: 一\n    body: [正文]\n  - id: a\n    title: 二\n    body: [正文]\n"
        #expect(Checking.output(yaml) == """
        report.yaml:9:9: error: event id `a` is used by event 1 and event 2
              - id: a
                    ^
            hint: ids name the card files, so each must be unique
        1 error

        """)
    }

    @Test("bad ids suggest a slug when one can be made")
    func badIDs() {
        let yaml = head + "events:\n  - id: Yongjiang Zone\n    title: 一\n    body: [正文]\n  - id: 甬江\n    title: 二\n    body: [正文]\n"
        #expect(Checking.output(yaml) == """
        report.yaml:6:9: error: event id `Yongjiang Zone` may only use lowercase a-z, 0-9 and '-'
              - id: Yongjiang Zone
                    ^
            hint: try `yongjiang-zone`
        report.yaml:9:9: error: event id `甬江` may only use lowercase a-z, 0-9 and '-'
              - id: 甬江
                    ^
            hint: ids name the card files; use e.g. `graphene-centre`
        2 errors

        """)
    }

    @Test("bad dates say why and how dates are written")
    func dates() {
        let yaml = """
        title: t
        publisher: p
        edition: 2022
        published: 2023-02
        events:
          - id: a
            title: 一
            date: 2022-13
            body: [正文]
          - id: b
            title: 二
            date: 2023-02-29
            body: [正文]
          - id: c
            title: 三
            date: 2022年10月
            body: [正文]

        """
        #expect(Checking.output(yaml) == """
        report.yaml:4:12: error: `published` in the report must be a full date, found `2023-02`
            published: 2023-02
                       ^
            hint: write the date as YYYY-MM-DD, e.g. 2023-02-01
        report.yaml:8:11: error: `date` in event 1 (a) is `2022-13`, which is not a date: month 13 does not exist
                date: 2022-13
                      ^
            hint: dates are YYYY, YYYY-MM or YYYY-MM-DD
        report.yaml:12:11: error: `date` in event 2 (b) is `2023-02-29`, which is not a date: 2023-02 has only 28 days
                date: 2023-02-29
                      ^
            hint: dates are YYYY, YYYY-MM or YYYY-MM-DD
        report.yaml:16:11: error: `date` in event 3 (c) is `2022年10月`, which is not a date: it is not written YYYY, YYYY-MM or YYYY-MM-DD
                date: 2022年10月
                      ^
            hint: dates are YYYY, YYYY-MM or YYYY-MM-DD
        4 errors

        """)
        #expect(PartialDate.problem("2024-02-29") == nil)
        #expect(PartialDate.problem("2022-04-31") == "2022-04 has only 30 days")
        #expect(PartialDate.problem("0999") == "year 999 is too early")
    }

    @Test("empty lists: cards, foreword, events, body, and an empty paragraph")
    func emptyLists() {
        #expect(Checking.output(head + "cards: []\nintro: []\nevents: []\n") == """
        report.yaml:5:8: error: `cards` is an empty list
            cards: []
                   ^
            hint: name at least one card preset, e.g. cards: [square], or remove the key for all
        report.yaml:6:8: error: the foreword has no paragraphs
            intro: []
                   ^
            hint: write each paragraph as a list item starting with '- '
        report.yaml:7:9: error: the report has no events
            events: []
                    ^
            hint: add at least one event under `events:`, starting with '- id: …'
        3 errors

        """)
        let yaml = head + "events:\n  - id: a\n    title: 一\n    body: []\n  - id: b\n    title: 二\n    body:\n      - \"\"\n"
        #expect(Checking.output(yaml) == """
        report.yaml:8:11: error: the body of event 1 (a) has no paragraphs
                body: []
                      ^
            hint: write each paragraph as a list item starting with '- '
        report.yaml:12:9: error: paragraph 1 of the body of event 2 (b) is empty
                  - ""
                    ^
            hint: remove the empty item
        2 errors

        """)
    }

    @Test("a chart id an event names must exist; close ids are suggested")
    func unknownChart() {
        let yaml = head + """
        charts:
          - id: zone-rank
            title: 排名
            kind: bar
            categories: ["2020", "2021"]
            series:
              - name: 排名
                values: [15, 13]
        events:
          - id: a
            title: 一
            body: [正文]
            charts: [zone-rnak, other]

        """
        #expect(Checking.output(yaml) == """
        report.yaml:17:14: error: event 1 (a) names chart `zone-rnak`, which is not among the report's charts
                charts: [zone-rnak, other]
                         ^
            hint: did you mean `zone-rank`?
        report.yaml:17:25: error: event 1 (a) names chart `other`, which is not among the report's charts
                charts: [zone-rnak, other]
                                    ^
            hint: the charts are `zone-rank`
        2 errors

        """)
    }

    @Test("layout and card names must be names; the loader records them with their places")
    func layoutNames() {
        #expect(Checking.output(head + "layout: Brochure A4\n" + Checking.minimalEvents) == """
        report.yaml:5:9: error: layout name `Brochure A4` may only use a-z, 0-9 and '-'
            layout: Brochure A4
                    ^
            hint: name a file of Layouts/ without `.yaml`, e.g. layout: brochure
        1 error

        """)
        // Even with other errors, the names asked for are known (so a wrong one is reported in the same run).
        let result = Checking.load("title: [x]\nlayout: brochur\ncards: [square, og]\nevents: []\n")
        #expect(result.report == nil)
        #expect(result.requests.layout?.name == "brochur")
        #expect(result.requests.layout?.location?.description == "report.yaml:2:9")
        #expect(result.requests.cards.map(\.name) == ["square", "og"])
        #expect(result.requests.cards.map { $0.location?.description ?? "" } == ["report.yaml:3:9", "report.yaml:3:17"])
    }

    @Test("an implausible edition year")
    func edition() {
        #expect(Checking.output("title: t\npublisher: p\nedition: 20222\npublished: 2023-02-01\n" + Checking.minimalEvents) == """
        report.yaml:3:10: error: `edition` 20222 is not a plausible year
            edition: 20222
                     ^
            hint: `edition` is the year the report covers, e.g. edition: 2022
        1 error

        """)
    }

    @Test("the root must be a mapping; a file of comments has no data")
    func root() {
        #expect(Checking.output("- a\n- b\n") == """
        report.yaml:1:1: error: the report must be a mapping of keys to values, found a list
            - a
            ^
            hint: write `key: value` lines here, not '- ' items
        1 error

        """)
        #expect(Checking.output("# only a comment\n") == """
        report.yaml:1:1: error: the file has only comments
            # only a comment
            ^
            hint: start from a copy of Reports/ningbo-2022/report.yaml
        1 error

        """)
        #expect(Checking.load("").diagnostics.map(\.message) == ["the file is empty"])
    }

    @Test("values echoed in messages are cut short, so a huge value cannot flood the terminal")
    func longValuesAreCut() {
        let huge = String(repeating: "很", count: 5_000)
        let result = Checking.load("title: t\npublisher: p\nedition: \(huge)\npublished: 2023-02-01\n" + Checking.minimalEvents)
        #expect(result.diagnostics.map(\.message) == [
            "`edition` in the report must be a whole number, found `\(String(repeating: "很", count: 40))…`",
        ])
        #expect(Quoting.code(huge) == "`" + String(repeating: "很", count: 40) + "…`")
        #expect(Quoting.code("a\nb\u{1}") == "`a⏎b�`")
    }
}
