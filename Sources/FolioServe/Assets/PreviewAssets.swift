/// The preview page's HTML, script and style, compiled into the binary: the installed
/// `folio` needs no files of its own to serve them, and the page loads nothing from the
/// network (its Content-Security-Policy allows only this server).
public enum PreviewAssets {
    /// The page: a bar with the downloads, the contents and page thumbnails, the selected
    /// page, the cards by preset, and the diagnostics panel for a broken save.
    public static let html = #"""
    <!doctype html>
    <html lang="zh-CN">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Folio preview</title>
    <link rel="stylesheet" href="/assets/preview.css">
    <script src="/assets/preview.js" defer></script>
    </head>
    <body data-serial="0">
    <header id="bar">
      <strong id="title">Folio preview</strong>
      <span id="report"></span>
      <span id="status" role="status"></span>
      <span id="conn" class="off">connecting…</span>
      <nav id="downloads" aria-label="Downloads"></nav>
    </header>
    <main>
      <aside id="sidebar">
        <nav id="contents" aria-label="Contents"><h2>目录 Contents</h2><ol></ol></nav>
        <h2>Pages</h2>
        <div id="thumbs" role="list" aria-label="Pages"></div>
      </aside>
      <section id="viewer" aria-label="Selected page">
        <div id="diagnostics" role="alert" hidden>
          <div class="panel">
            <h2>The last save has problems — the preview shows the last good build</h2>
            <pre id="diagnostics-text"></pre>
          </div>
        </div>
        <figure id="page-frame">
          <img id="page-view" alt="">
          <figcaption id="page-caption"></figcaption>
        </figure>
      </section>
      <section id="cards" aria-label="Social cards">
        <h2>Cards</h2>
        <div id="card-groups"></div>
      </section>
    </main>
    <footer id="warnings" hidden><pre></pre></footer>
    </body>
    </html>
    """#
}
