import FolioCore
import FolioModel

/// Padding pages with a purpose: a `pad-with` template that has a flow (a summary table
/// of the events, a timeline) is laid out like a section, on exactly one page.
extension BrochureLayout {
    /// The padding page made from `name`'s flow, or nil when the template has none (its
    /// frames are then blank paper: notes).
    func padPage(_ p: Pass, template name: String, report: Report) -> Page? {
        guard let template = spec.templates[name], template.flow != nil else { return nil }
        var single = Pass()
        single.pages = p.pages
        let scope = TemplateScope(report: report, section: template.title, rankLimit: spec.rankLimit)
        guard (try? layOut(&single, template: template, name: name, scope: scope, destination: "pad-\(p.pages.count + 1)",
                           outlineTitle: nil, numbers: [:], contents: [])) != nil,
              single.pages.count > p.pages.count else { return nil }
        // One page: what does not fit it is left out (a table of the first events).
        var page = single.pages[p.pages.count]
        page.role = "notes"
        page.items.removeAll { if case .destination = $0 { return true } else { return false } }
        page.endsOpen = template.endsOpen
        return page
    }
}
