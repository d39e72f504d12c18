extension PreviewAssets {
    /// The page's script: listens on the WebSocket and, for each snapshot, changes only
    /// what differs — a page image whose hash changed, a card whose file changed — so the
    /// selected page and every scroll position stay as they were.
    public static let script = #"""
    "use strict";
    (() => {
      const $ = (id) => document.getElementById(id);
      const folio = (window.__folio = { snapshot: null, selected: 0, pageUpdates: [], socketOpen: false });
      const thumbScale = 0.5;
      const viewScale = () => ((window.devicePixelRatio || 1) > 1.5 ? 3 : 2);
      const pageURL = (i, p, scale) => `/pages/${i + 1}.png?scale=${scale}&h=${p.hash}`;
      const el = (tag, props = {}, children = []) => {
        const e = document.createElement(tag);
        for (const [k, v] of Object.entries(props)) {
          if (k === "text") e.textContent = v; else if (k === "dataset") Object.assign(e.dataset, v); else e.setAttribute(k, v);
        }
        for (const c of children) e.append(c);
        return e;
      };

      // The large view: the new image is loaded off-screen and swapped in when ready.
      let viewToken = 0;
      function showSelected() {
        const snap = folio.snapshot;
        if (!snap || snap.pages.length === 0) return;
        const i = folio.selected, p = snap.pages[i];
        const img = $("page-view");
        img.style.aspectRatio = `${p.width} / ${p.height}`;
        img.alt = `Page ${p.label ?? i + 1} (${p.role})`;
        $("page-caption").textContent = `page ${i + 1} of ${snap.pages.length}` + (p.label ? ` · folio ${p.label}` : "") + ` · ${p.role}`;
        for (const t of $("thumbs").children) t.setAttribute("aria-current", String(Number(t.dataset.page) === i));
        for (const a of $("contents").querySelectorAll("a")) a.setAttribute("aria-current", String(Number(a.dataset.page) === i));
        if (folio.socket && folio.socket.readyState === 1) folio.socket.send(JSON.stringify({ view: i, scale: viewScale() }));
        if (img.dataset.hash === p.hash && img.dataset.page === String(i)) return;
        const token = ++viewToken, next = new Image(), url = pageURL(i, p, viewScale());
        next.onload = () => {
          if (token !== viewToken) return;
          img.src = url;
          img.dataset.hash = p.hash;
          img.dataset.page = String(i);
          folio.pageUpdates.push({ page: i, hash: p.hash, at: Date.now() });
        };
        next.src = url;
      }

      function select(i, scroll) {
        const n = folio.snapshot ? folio.snapshot.pages.length : 0;
        if (n === 0) return;
        folio.selected = Math.max(0, Math.min(n - 1, i));
        showSelected();
        if (scroll) $("thumbs").children[folio.selected]?.scrollIntoView({ block: "nearest" });
      }

      function applyPages(snap) {
        const box = $("thumbs");
        snap.pages.forEach((p, i) => {
          let t = box.children[i];
          if (!t) {
            t = el("button", { class: "thumb", role: "listitem", dataset: { page: String(i) } }, [el("img", { alt: "", loading: "lazy" }), el("span")]);
            t.addEventListener("click", () => select(Number(t.dataset.page)));
            box.append(t);
          }
          const img = t.querySelector("img");
          img.style.aspectRatio = `${p.width} / ${p.height}`;
          if (t.dataset.hash !== p.hash) {
            img.src = pageURL(i, p, thumbScale);
            t.dataset.hash = p.hash;
          }
          t.setAttribute("aria-label", `page ${i + 1}` + (p.label ? ` (${p.label})` : ""));
          t.querySelector("span").textContent = p.label ?? "";
        });
        while (box.children.length > snap.pages.length) box.lastElementChild.remove();
      }

      function applyContents(snap) {
        const list = $("contents").querySelector("ol");
        snap.contents.forEach((c, i) => {
          let li = list.children[i];
          if (!li) {
            li = el("li", {}, [el("a", { href: "#" })]);
            li.firstChild.addEventListener("click", (ev) => { ev.preventDefault(); select(Number(ev.currentTarget.dataset.page), true); });
            list.append(li);
          }
          li.className = `level${c.level}`;
          const a = li.firstChild;
          if (a.textContent !== c.title) a.textContent = c.title;
          a.dataset.page = String(c.page);
        });
        while (list.children.length > snap.contents.length) list.lastElementChild.remove();
      }

      function applyCards(snap) {
        const root = $("card-groups");
        const presets = [...new Set(snap.cards.map((c) => c.preset))];
        for (const g of [...root.children]) if (!presets.includes(g.dataset.preset)) g.remove();
        presets.forEach((preset, gi) => {
          const cards = snap.cards.filter((c) => c.preset === preset);
          let group = root.querySelector(`.card-group[data-preset="${CSS.escape(preset)}"]`);
          if (!group) {
            group = el("section", { class: "card-group", dataset: { preset } }, [el("h3"), el("div", { class: "card-list" })]);
          }
          if (root.children[gi] !== group) root.insertBefore(group, root.children[gi] ?? null);
          const { width: w, height: h } = cards[0];
          const h3 = group.querySelector("h3");
          h3.replaceChildren(preset, " ", el("small", { text: `${w} × ${h} px · ${cards.length}` }));
          const list = group.querySelector(".card-list");
          list.style.gridTemplateColumns = `repeat(auto-fill, minmax(${w / h > 1.5 ? 150 : w / h < 0.7 ? 70 : 90}px, 1fr))`;
          const paths = cards.map((c) => c.path);
          for (const f of [...list.children]) if (!paths.includes(f.dataset.path)) f.remove();
          cards.forEach((c, ci) => {
            let fig = list.querySelector(`.card[data-path="${CSS.escape(c.path)}"]`);
            if (!fig) {
              fig = el("figure", { class: "card", dataset: { path: c.path } }, [
                el("a", { href: `/out/${c.path}`, download: "" }, [el("img", { alt: `${preset} card: ${c.event}`, loading: "lazy" })]),
                el("figcaption", { text: c.event }),
              ]);
            }
            if (list.children[ci] !== fig) list.insertBefore(fig, list.children[ci] ?? null);
            const img = fig.querySelector("img");
            img.style.aspectRatio = `${c.width} / ${c.height}`;
            if (fig.dataset.version !== c.version) {
              img.src = `/out/${c.path}?v=${c.version}`;
              fig.dataset.version = c.version;
            }
          });
        });
      }

      function applyDownloads(snap) {
        const nav = $("downloads");
        const key = JSON.stringify(snap.downloads);
        if (nav.dataset.key === key) return;
        nav.dataset.key = key;
        nav.replaceChildren(...snap.downloads.map((d) => el("a", { href: `/out/${d.path}?v=${d.version}`, download: d.name, text: d.name })));
      }

      function apply(snap) {
        const first = folio.snapshot === null;
        folio.snapshot = snap;
        if (snap.title) { $("title").textContent = snap.title; document.title = `${snap.title} · Folio preview`; }
        $("report").textContent = snap.report;
        $("status").textContent = snap.status;
        applyPages(snap);
        applyContents(snap);
        applyCards(snap);
        applyDownloads(snap);
        const diag = $("diagnostics");
        diag.hidden = snap.errors === "";
        $("diagnostics-text").textContent = snap.errors;
        const warn = $("warnings");
        warn.hidden = snap.warnings === "";
        warn.querySelector("pre").textContent = snap.warnings;
        if (first) {
          const fromHash = Number((location.hash.match(/^#page-(\d+)$/) || [])[1]);
          if (fromHash) folio.selected = fromHash - 1;
        }
        select(folio.selected, first);
        document.body.dataset.serial = String(snap.serial);
      }

      function connect() {
        const socket = (folio.socket = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`));
        socket.onopen = () => {
          folio.socketOpen = true;
          $("conn").textContent = "live";
          $("conn").className = "on";
          if (folio.snapshot) socket.send(JSON.stringify({ view: folio.selected, scale: viewScale() }));
        };
        socket.onmessage = (ev) => apply(JSON.parse(ev.data));
        socket.onclose = () => {
          folio.socketOpen = false;
          $("conn").textContent = "disconnected — retrying";
          $("conn").className = "off";
          setTimeout(connect, 1000);
        };
      }

      document.addEventListener("keydown", (ev) => {
        if (ev.target instanceof HTMLInputElement) return;
        if (ev.key === "ArrowRight" || ev.key === "PageDown") select(folio.selected + 1, true);
        if (ev.key === "ArrowLeft" || ev.key === "PageUp") select(folio.selected - 1, true);
      });
      connect();
    })();
    """#
}
