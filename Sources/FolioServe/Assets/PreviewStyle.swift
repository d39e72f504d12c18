extension PreviewAssets {
    /// The page's style: three scrolling columns under a bar; the diagnostics over the view.
    public static let style = #"""
    :root { color-scheme: light; --ink: #1d2330; --muted: #687083; --line: #d9dde5; --accent: #b3261e; --sel: #2f5bd3; }
    * { box-sizing: border-box; }
    html, body { margin: 0; height: 100%; }
    body { font: 14px/1.45 system-ui, "Noto Sans CJK SC", sans-serif; color: var(--ink); background: #eef0f4;
      display: flex; flex-direction: column; }
    h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 14px 0 6px; }
    #bar { display: flex; gap: 14px; align-items: center; padding: 8px 14px; background: #fff; border-bottom: 1px solid var(--line); flex-wrap: wrap; }
    #bar #title { font-size: 15px; }
    #report, #status { color: var(--muted); }
    #conn { font-size: 12px; padding: 1px 8px; border-radius: 9px; background: #e4f4e8; color: #22683a; }
    #conn.off { background: #fbe9e7; color: var(--accent); }
    #downloads { margin-left: auto; display: flex; gap: 10px; }
    #downloads a { color: var(--sel); text-decoration: none; border: 1px solid var(--line); padding: 2px 9px; border-radius: 5px; background: #f7f8fb; }
    main { flex: 1; min-height: 0; display: grid; grid-template-columns: 230px minmax(0, 1fr) 330px; }
    main > * { overflow: auto; min-height: 0; }
    #sidebar { padding: 0 12px 20px; border-right: 1px solid var(--line); background: #f7f8fb; }
    #contents ol { list-style: none; padding: 0; margin: 0; }
    #contents a { display: block; padding: 3px 6px; border-radius: 4px; color: var(--ink); text-decoration: none; font-size: 13px; }
    #contents a:hover { background: #e6e9f0; }
    #contents a[aria-current="true"] { background: #dfe6fb; color: var(--sel); }
    #contents li.level1 a { padding-left: 18px; color: var(--muted); }
    #thumbs { display: grid; grid-template-columns: 1fr 1fr; gap: 10px 8px; }
    .thumb { all: unset; cursor: pointer; display: flex; flex-direction: column; align-items: center; gap: 3px; font-size: 11px; color: var(--muted); }
    .thumb img { width: 100%; background: #fff; box-shadow: 0 0 0 1px var(--line); }
    .thumb[aria-current="true"] img { box-shadow: 0 0 0 3px var(--sel); }
    .thumb:focus-visible img { outline: 2px solid var(--sel); outline-offset: 3px; }
    #viewer { position: relative; padding: 18px; display: flex; flex-direction: column; align-items: center; }
    #page-frame { margin: 0; display: flex; flex-direction: column; align-items: center; gap: 6px; width: 100%; }
    #page-view { width: min(100%, 820px); height: auto; background: #fff; box-shadow: 0 2px 14px rgba(20, 30, 60, .18); }
    #page-caption { color: var(--muted); font-size: 12px; }
    /* Sticky and of no height: the panel lies over the page without moving it. */
    #diagnostics { flex: none; position: sticky; top: 0; z-index: 2; height: 0; width: min(100%, 900px); overflow: visible; }
    #diagnostics[hidden] { display: none; }
    #diagnostics .panel { max-height: 60vh; overflow: auto; background: rgba(255, 247, 246, .97); border: 2px solid var(--accent);
      border-radius: 8px; padding: 4px 14px 10px; box-shadow: 0 6px 24px rgba(120, 20, 10, .25); }
    #diagnostics h2 { color: var(--accent); text-transform: none; letter-spacing: 0; font-size: 14px; }
    #diagnostics pre, #warnings pre { margin: 0; font: 12.5px/1.5 ui-monospace, "Noto Sans Mono CJK SC", monospace; white-space: pre-wrap; }
    #cards { padding: 0 14px 20px; border-left: 1px solid var(--line); background: #f7f8fb; }
    .card-group h3 { font-size: 13px; margin: 12px 0 6px; }
    .card-group h3 small { color: var(--muted); font-weight: normal; }
    .card-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(88px, 1fr)); gap: 8px; align-items: start; }
    .card { margin: 0; }
    .card a { display: block; }
    .card img { width: 100%; height: auto; display: block; background: #fff; box-shadow: 0 0 0 1px var(--line); }
    .card figcaption { font-size: 10.5px; color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    #warnings { border-top: 1px solid var(--line); background: #fffbea; padding: 6px 14px; max-height: 20vh; overflow: auto; }
    @media (max-width: 900px) { main { grid-template-columns: 1fr; } main > * { overflow: visible; } }
    """#
}
