// sitrep web UI: a small single-page app over the JSON API (/api/v1/).
// Everything an article says is untrusted, so the DOM is built only with
// createElement and textContent — never innerHTML — and links are made only
// from ids or checked http(s) URLs.
"use strict";

(function () {
  const main = document.getElementById("main");
  const SVGNS = "http://www.w3.org/2000/svg";
  const enc = new TextEncoder();
  const dec = new TextDecoder();

  // ---- DOM helpers -------------------------------------------------------

  // el("a", {class: "x", href: "/story/1"}, "text", child...) builds an
  // element. Attribute values are set with setAttribute (never parsed as
  // markup); href goes through safeHref.
  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    setAttrs(e, attrs);
    append(e, kids);
    return e;
  }

  function svg(tag, attrs, ...kids) {
    const e = document.createElementNS(SVGNS, tag);
    setAttrs(e, attrs);
    append(e, kids);
    return e;
  }

  function setAttrs(e, attrs) {
    if (!attrs) return;
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (/^on/i.test(k)) throw new Error("event attributes are not allowed");
      if (k === "href") {
        const h = safeHref(String(v));
        if (h) e.setAttribute("href", h);
      } else if (k === "nav") {
        e.setAttribute("data-nav", "");
      } else {
        e.setAttribute(k, v === true ? "" : String(v));
      }
    }
  }

  function append(e, kids) {
    for (const k of kids.flat(Infinity)) {
      if (k === undefined || k === null || k === false) continue;
      e.append(typeof k === "string" || typeof k === "number" ? document.createTextNode(String(k)) : k);
    }
  }

  // safeHref lets through our own paths and http(s) URLs only.
  function safeHref(h) {
    if (h.startsWith("/") && !h.startsWith("//")) return h;
    try {
      const u = new URL(h);
      if (u.protocol === "http:" || u.protocol === "https:") return u.href;
    } catch (e) { /* not a URL */ }
    return null;
  }

  function link(path, text, cls) {
    return el("a", { href: path, nav: true, class: cls }, text);
  }

  const enc1 = encodeURIComponent;
  const storyURL = (id) => "/story/" + enc1(id);
  const articleURL = (id, s) => "/article/" + enc1(id) + (s !== undefined && s !== null ? "#s" + enc1(s) : "");
  const actorURL = (key) => "/actor/" + enc1(key);
  const placeURL = (key) => "/place/" + enc1(key);
  // A place or actor is named by its id, or by a name when the id is unknown.
  const placeKey = (p) => p.id || p.geonames_id || p.name;
  const actorKey = (a) => a.id || a.name;

  // ---- formatting --------------------------------------------------------

  function day(t) {
    if (!t) return "";
    const d = new Date(t);
    if (isNaN(d)) return "";
    return d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  }

  function dayTime(t) {
    if (!t) return "undated";
    const d = new Date(t);
    if (isNaN(d)) return "";
    return d.toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" }) + " UTC";
  }

  // range is a story's span of publication days; a story none of whose
  // articles is dated has none (null first/last seen) and says so.
  function range(a, b) {
    if (!a || !b) return "undated";
    const x = day(a), y = day(b);
    return x === y ? x : x + " – " + y;
  }

  // seen is a story's range, marked when it rests on estimates only.
  function seen(s) {
    const r = range(s.first_seen, s.last_seen);
    return s.seen_estimated && s.first_seen ? r + " (estimated)" : r;
  }

  // published says when an article was published, no more precisely than
  // known: an estimated date is a day (never a time of day), and a stated
  // date with no time (midnight UTC exactly) is a day too.
  function published(a) {
    if (!a.published) return "undated";
    if (a.published_estimated) return day(a.published) + " (estimated)";
    const d = new Date(a.published);
    if (!isNaN(d) && d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0) return day(a.published);
    return dayTime(a.published);
  }

  // timexLabel turns a TIMEX3 value into words: 2016-10-17 → 17 Oct 2016.
  function timexLabel(v) {
    let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
    if (m) return day(v.slice(0, 10) + "T00:00:00Z");
    m = /^(\d{4})-(\d{2})$/.exec(v);
    if (m) return new Date(Date.UTC(+m[1], +m[2] - 1, 1)).toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
    m = /^(\d{4})-W(\d{2})$/.exec(v);
    if (m) return "week " + (+m[2]) + ", " + m[1];
    m = /^(\d{4})-Q([1-4])$/.exec(v);
    if (m) return "Q" + m[2] + " " + m[1];
    m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(v);
    if (m) return { SP: "spring", SU: "summer", FA: "autumn", WI: "winter" }[m[2]] + " " + m[1];
    return v;
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : (many || one + "s"));
  }

  // slice cuts text by the API's byte offsets (UTF-8).
  function byteSlice(bytes, start, end) {
    return dec.decode(bytes.subarray(start, end));
  }

  // ---- basemap ---------------------------------------------------------------

  // The country shapes of web/world.svg (our own asset, built from
  // world-atlas by scripts/web/basemap.sh), parsed once as XML: a parsed
  // document runs no script.
  let basemapNode = null;
  const basemap = fetch("/world.svg").then((r) => r.ok ? r.text() : Promise.reject(new Error(r.statusText)))
    .then((t) => {
      const doc = new DOMParser().parseFromString(t, "image/svg+xml");
      const g = document.createElementNS(SVGNS, "g");
      g.setAttribute("class", "basemap");
      for (const c of doc.documentElement.children) {
        if (c.localName === "rect" || c.localName === "g" || c.localName === "path") g.append(document.importNode(c, true));
      }
      basemapNode = g;
      return g;
    })
    .catch(() => null);

  // ---- API -----------------------------------------------------------------

  class HTTPError extends Error {
    constructor(status, msg) { super(msg); this.status = status; }
  }

  async function api(path) {
    const r = await fetch("/api/v1/" + path, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    let body = null;
    try { body = await r.json(); } catch (e) { /* not JSON */ }
    if (!r.ok) {
      const msg = body && body.error ? body.error.message : r.statusText;
      throw new HTTPError(r.status, msg);
    }
    return body;
  }

  function qs(params) {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") u.set(k, v);
    const s = u.toString();
    return s ? "?" + s : "";
  }

  // ---- router ----------------------------------------------------------------

  const routes = [
    [/^\/$/, pageStories],
    [/^\/story\/(\d+)$/, pageStory],
    [/^\/storyline\/(\d+)$/, pageStoryline],
    [/^\/article\/(\d+)$/, pageArticle],
    [/^\/actor\/(.+)$/, pageActor],
    [/^\/place\/(.+)$/, pagePlace],
    [/^\/actors$/, pageActors],
    [/^\/places$/, pagePlaces],
    [/^\/search$/, pageSearch],
    [/^\/watchlists$/, pageWatchlists],
  ];

  let renderSeq = 0;

  async function render() {
    const seq = ++renderSeq;
    const path = location.pathname;
    document.documentElement.removeAttribute("data-rendered");
    for (const [re, fn] of routes) {
      const m = re.exec(path);
      if (!m) continue;
      let node;
      try {
        node = await fn(...m.slice(1).map(decodeURIComponent));
      } catch (err) {
        node = errorView(err);
      }
      if (seq !== renderSeq) return; // a later navigation won
      main.replaceChildren(node);
      afterRender();
      return;
    }
    main.replaceChildren(errorView(new HTTPError(404, "no such page")));
    afterRender();
  }

  function afterRender() {
    const h = location.hash;
    // #s-1 is the headline (events code the title as sentence -1)
    if (h && /^#s-?\d+$/.test(h)) {
      const t = document.getElementById(h.slice(1));
      if (t) {
        for (const x of document.querySelectorAll(".sent.hl")) x.classList.remove("hl");
        t.classList.add("hl");
        t.scrollIntoView({ block: "center" });
      }
    } else {
      window.scrollTo(0, 0);
    }
    // data-render-ms: when the page's content was in place; data-rendered
    // (what tests wait for): set once the basemap, if any, is drawn too.
    document.documentElement.setAttribute("data-render-ms", String(Math.round(performance.now())));
    const path = location.pathname;
    const done = () => document.documentElement.setAttribute("data-rendered", path);
    if (main.querySelector("svg.map")) basemap.then(done); else done();
  }

  function errorView(err) {
    if (err instanceof HTTPError && err.status === 401) return tokenForm();
    const status = err instanceof HTTPError ? err.status : 0;
    return el("section", { class: "error" },
      el("h1", null, status === 404 ? "Not found" : "Something went wrong"),
      el("p", null, err.message || String(err)),
      link("/", "Back to the stories"));
  }

  function tokenForm() {
    const input = el("input", { type: "password", name: "token", autocomplete: "off", placeholder: "token", "aria-label": "token" });
    const form = el("form", { class: "token" },
      el("h1", null, "This server needs a token"),
      el("p", null, "Ask the operator for the read token."),
      input, el("button", { type: "submit" }, "Continue"));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      document.cookie = "sitrep_token=" + encodeURIComponent(input.value.trim()) + "; path=/; SameSite=Strict";
      render();
    });
    return form;
  }

  document.addEventListener("click", (e) => {
    const a = e.target.closest && e.target.closest("a[data-nav]");
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const u = new URL(a.href, location.href);
    if (u.origin !== location.origin) return;
    e.preventDefault();
    if (u.pathname === location.pathname && u.search === location.search && u.hash) {
      history.pushState(null, "", u.pathname + u.search + u.hash);
      afterRender();
      return;
    }
    history.pushState(null, "", u.pathname + u.search + u.hash);
    render();
  });
  window.addEventListener("popstate", render);
  window.addEventListener("hashchange", afterRender);

  function setTitle(t) {
    document.title = t ? t + " — sitrep" : "sitrep";
  }

  // ---- pieces ------------------------------------------------------------------

  function chips(items, href) {
    return el("ul", { class: "chips" }, items.map((x) => el("li", null, href ? link(href(x), x) : x)));
  }

  function section(title, cls, ...kids) {
    return el("section", { class: "card " + (cls || "") }, el("h2", null, title), ...kids);
  }

  function storyCard(s) {
    const n = (s.articles || []).length;
    return el("li", { class: "story" },
      el("h3", null, link(storyURL(s.id), s.headline || "(untitled story)")),
      el("p", { class: "meta" },
        el("span", { class: "count" }, plural(n, "article")), " · ",
        plural((s.outlets || []).length, "outlet"), " · ", seen(s)),
      chips(s.outlets || []),
      (s.actors && s.actors.length) || (s.places && s.places.length) ?
        el("p", { class: "about" },
          (s.actors || []).slice(0, 4).map((a, i) => [i ? ", " : "", link(actorURL(a), a)]),
          (s.actors || []).length && (s.places || []).length ? " — " : "",
          (s.places || []).slice(0, 4).map((p, i) => [i ? ", " : "", link(placeURL(p), p)])) : null);
  }

  function cite(c, i) {
    return el("a", { href: articleURL(c.article, c.sentence), nav: true, class: "cite", title: (c.outlet || "article " + c.article) + ", sentence " + (c.sentence + 1) }, String(i + 1));
  }

  // mapView draws places on the offline basemap (web/world.svg, an
  // equirectangular projection: x = lon, y = -lat), zoomed to fit them.
  function mapView(places, opts) {
    opts = opts || {};
    const all = places.filter((p) => isFinite(p.lat) && isFinite(p.lon) && !(p.lat === 0 && p.lon === 0));
    // Frame the region that matters: the places near the most mentioned one.
    // Far-away places (a capital commenting from abroad) are named in the
    // caption rather than shrinking the map to the whole world.
    let pts = all, outside = [];
    if (all.length > 2) {
      const top = all.reduce((a, b) => ((b.mentions || 0) > (a.mentions || 0) ? b : a));
      const near = all.filter((p) => Math.abs(p.lon - top.lon) <= 30 && Math.abs(p.lat - top.lat) <= 18);
      if (near.length >= Math.ceil(all.length / 2)) {
        pts = near;
        outside = all.filter((p) => !near.includes(p));
      }
    }
    let minX = -180, maxX = 180, minY = -84, maxY = 84;
    if (pts.length) {
      minX = Math.min(...pts.map((p) => p.lon)); maxX = Math.max(...pts.map((p) => p.lon));
      minY = Math.min(...pts.map((p) => -p.lat)); maxY = Math.max(...pts.map((p) => -p.lat));
      const padX = Math.max((maxX - minX) * 0.2, 3), padY = Math.max((maxY - minY) * 0.2, 1.5);
      minX -= padX; maxX += padX; minY -= padY; maxY += padY;
    }
    // Keep a 2:1 frame so the map never looks stretched.
    let w = maxX - minX, h = maxY - minY;
    if (w < 2 * h) { const d = 2 * h - w; minX -= d / 2; w = 2 * h; } else { const d = w / 2 - h; minY -= d / 2; h = w / 2; }
    const unit = w / 100;
    const maxM = Math.max(1, ...pts.map((p) => p.mentions || 1));
    const root = svg("svg", { viewBox: [minX, minY, w, h].map((v) => v.toFixed(3)).join(" "), class: "map", role: "img", "aria-label": "map of " + plural(all.length, "place") });
    // The basemap is vector: an <image> of the world would be rasterised
    // whole at the zoom level, which is huge for a single town.
    if (basemapNode) root.append(basemapNode.cloneNode(true));
    else basemap.then((g) => { if (g) root.insertBefore(g.cloneNode(true), root.firstChild); });
    // A river, lake or range is drawn as its course or outline (p.shape,
    // lines of [lat, lon]), under the marker of the point the articles use.
    const extents = svg("g", { class: "extents" });
    for (const p of all) {
      for (const line of p.shape || []) {
        const d = line.map((q, i) => (i ? "L" : "M") + q[1].toFixed(3) + " " + (-q[0]).toFixed(3)).join("");
        extents.append(svg("path", { d, fill: "none", stroke: "#2a6fb0", "stroke-opacity": "0.7", "stroke-width": (w * 2.5 / 800).toFixed(3), "stroke-linejoin": "round" }, svg("title", null, p.name)));
      }
    }
    root.append(extents);
    const g = svg("g", { class: "markers" });
    const sorted = all.slice().sort((a, b) => (b.mentions || 0) - (a.mentions || 0));
    const labelled = new Set(sorted.slice(0, opts.labels || 8));
    const labels = svg("g", { class: "labels" });
    // Sizes in screen pixels, converted to map units for this map's width.
    const px = Math.min(Math.max(window.innerWidth - 60, 260), opts.side && window.innerWidth > 900 ? 340 : 800);
    const fs = w * 13 / px;
    const boxes = [];
    const free = (b) => b.x0 >= minX && b.x1 <= minX + w && b.y0 >= minY && b.y1 <= minY + h &&
      boxes.every((o) => b.x1 < o.x0 || b.x0 > o.x1 || b.y1 < o.y0 || b.y0 > o.y1);
    const order = sorted; // most mentioned first: their labels win
    for (const p of order) {
      const r = w * (4 + 6 * Math.sqrt((p.mentions || 1) / maxM)) / px;
      const cx = p.lon, cy = -p.lat;
      boxes.push({ x0: cx - r, x1: cx + r, y0: cy - r, y1: cy + r });
      p._r = r;
    }
    // Big circles first, so that small ones stay clickable on top.
    for (const p of sorted) {
      const r = p._r, cx = p.lon, cy = -p.lat;
      const a = svg("a", { href: placeURL(placeKey(p)), class: "marker", "data-place": p.name });
      a.append(svg("title", null, p.name + (p.mentions ? " — " + plural(p.mentions, "mention") : "")));
      a.append(svg("circle", { cx: cx.toFixed(3), cy: cy.toFixed(3), r: r.toFixed(3) }));
      g.append(a);
    }
    for (const p of order) {
      if (!labelled.has(p) || outside.includes(p)) continue;
      const r = p._r, cx = p.lon, cy = -p.lat;
      const tw = fs * 0.62 * p.name.length;
      // Right, left, above, below: the first spot that hides nothing.
      const spots = [
        { x: cx + r * 1.3, y: cy + fs * 0.35, anchor: "start", b: { x0: cx + r * 1.3, x1: cx + r * 1.3 + tw, y0: cy - fs * 0.6, y1: cy + fs * 0.45 } },
        { x: cx - r * 1.3, y: cy + fs * 0.35, anchor: "end", b: { x0: cx - r * 1.3 - tw, x1: cx - r * 1.3, y0: cy - fs * 0.6, y1: cy + fs * 0.45 } },
        { x: cx, y: cy - r - fs * 0.3, anchor: "middle", b: { x0: cx - tw / 2, x1: cx + tw / 2, y0: cy - r - fs * 1.2, y1: cy - r - fs * 0.2 } },
        { x: cx, y: cy + r + fs * 1.0, anchor: "middle", b: { x0: cx - tw / 2, x1: cx + tw / 2, y0: cy + r + fs * 0.1, y1: cy + r + fs * 1.1 } },
      ];
      const spot = spots.find((s) => free(s.b));
      if (!spot) continue;
      boxes.push(spot.b);
      labels.append(svg("text", { x: spot.x.toFixed(3), y: spot.y.toFixed(3), "font-size": fs.toFixed(3), "text-anchor": spot.anchor }, p.name));
    }
    // Coded events (opts.events): a diamond at each event's place, one per
    // place, titled with what happened there; above the place markers.
    const evs = (opts.events || []).filter((e) => e.place && isFinite(e.place.lat) && isFinite(e.place.lon) && !(e.place.lat === 0 && e.place.lon === 0) && e.place.stated);
    const byPlace = new Map();
    for (const e of evs) {
      const k = e.place.geonames_id || e.place.name;
      if (!byPlace.has(k)) byPlace.set(k, []);
      byPlace.get(k).push(e);
    }
    const eg = svg("g", { class: "event-markers" });
    for (const [k, list] of byPlace) {
      const p = list[0].place, d = w * 7 / px, cx = p.lon, cy = -p.lat;
      const a = svg("a", { href: placeURL(k), class: "ev-marker", "data-place": p.name, "data-events": String(list.length) });
      a.append(svg("title", null, p.name + " — " + plural(list.length, "event") + ": " + list.slice(0, 6).map((e) => e.type + " (" + e.verb + ")").join(", ")));
      a.append(svg("path", { d: "M" + cx.toFixed(3) + " " + (cy - d).toFixed(3) + "L" + (cx + d).toFixed(3) + " " + cy.toFixed(3) + "L" + cx.toFixed(3) + " " + (cy + d).toFixed(3) + "L" + (cx - d).toFixed(3) + " " + cy.toFixed(3) + "Z" }));
      eg.append(a);
    }
    root.append(g, eg, labels);
    return el("figure", { class: "mapbox" }, root,
      el("figcaption", null, all.length ? plural(all.length, "place") : "No places with coordinates.",
        byPlace.size ? [" · ◆ ", plural(evs.length, "event"), " at ", plural(byPlace.size, "place")] : null,
        outside.length ? [" · outside the view: ", outside.map((p, i) => [i ? ", " : "", link(placeURL(placeKey(p)), p.name)])] : null,
        " · basemap: Natural Earth"));
  }

  // timelineView lists dated statements; the strip above places them on a
  // time axis.
  function timelineView(entries, events) {
    events = (events || []).filter((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.date || ""));
    if (!entries.length && !events.length) return el("p", { class: "empty" }, "No dated statements yet.");
    const list = el("ol", { class: "timeline" });
    // The happenings most outlets reported stand in the list among the
    // statements, by date; every dated event is a square on the strip.
    const top = topEvents(events).slice(0, 8);
    const rows = entries.map((t) => ({ date: t.date, t })).concat(top.map((e) => ({ date: e.date, e })));
    rows.sort((a, b) => (a.date || "").slice(0, 10).localeCompare((b.date || "").slice(0, 10)));
    for (const { t, e } of rows) {
      if (e) {
        list.append(el("li", { class: "tl-item tl-event", "data-date": e.date, "data-type": e.type },
          el("time", { datetime: e.date, title: e.estimated ? "the article's (estimated) date: no date stated" : null }, (e.estimated ? "≈ " : "") + timexLabel(e.date)),
          el("p", null, el("span", { class: "tag ev-" + e.type.toLowerCase() }, e.type), " ", eventLine(e), " ",
            (e.mentions || []).slice(0, 3).map((m, i) => el("a", { href: articleURL(m.article, m.sentence), nav: true, class: "cite", title: m.text }, String(i + 1))))));
        continue;
      }
      list.append(el("li", { class: "tl-item", "data-date": t.date },
        el("time", { datetime: /^\d{4}-\d{2}-\d{2}$/.test(t.date) ? t.date : null,
          title: t.estimated ? "relative to an estimated publication date: may be off" : null },
          (t.estimated ? "≈ " : "") + timexLabel(t.date)),
        el("p", null, t.text, " ", t.citation ? cite(t.citation, 0) : null),
        t.expression ? el("span", { class: "expr" }, "“" + t.expression + "”") : null));
    }
    return el("div", null, timelineStrip(entries, events), list);
  }

  function timelineStrip(entries, events) {
    const parse = (v) => { const m = /^(\d{4}-\d{2}-\d{2})/.exec(v || ""); return m ? Date.parse(m[1] + "T00:00:00Z") : NaN; };
    const ts = entries.map((t) => parse(t.date)).filter(isFinite);
    const es = (events || []).map((e) => parse(e.date)).filter(isFinite);
    const every = ts.concat(es);
    if (new Set(every).size < 2) return null; // one day: nothing to place
    const lo = Math.min(...every), hi = Math.max(...every);
    const span = Math.max(hi - lo, 864e5);
    const root = svg("svg", { viewBox: "0 0 1000 60", class: "tl-strip", role: "img", "aria-label": "time axis" });
    root.append(svg("line", { x1: 20, y1: 16, x2: 980, y2: 16 }));
    const counts = new Map();
    for (const t of ts) counts.set(t, (counts.get(t) || 0) + 1);
    for (const [t, n] of counts) {
      const x = 20 + 960 * (t - lo) / span;
      root.append(svg("circle", { cx: x.toFixed(1), cy: 16, r: Math.min(4 + 2 * n, 12) }, svg("title", null, day(new Date(t).toISOString()) + ": " + plural(n, "statement"))));
    }
    const ecounts = new Map();
    for (const t of es) ecounts.set(t, (ecounts.get(t) || 0) + 1);
    for (const [t, n] of ecounts) {
      const x = 20 + 960 * (t - lo) / span, r = Math.min(3 + n, 8);
      root.append(svg("rect", { class: "ev", x: (x - r).toFixed(1), y: (34 - r).toFixed(1), width: 2 * r, height: 2 * r }, svg("title", null, day(new Date(t).toISOString()) + ": " + plural(n, "coded event"))));
    }
    root.append(svg("text", { x: 20, y: 54 }, day(new Date(lo).toISOString())));
    root.append(svg("text", { x: 980, y: 54, "text-anchor": "end" }, day(new Date(hi).toISOString())));
    return root;
  }

  function roleText(r) {
    let when = r.date ? " (" + day(r.date) + ")" : "";
    if (!r.date && (r.from || r.until)) {
      when = " (" + (r.from ? day(r.from) : "…") + " – " + (r.until ? day(r.until) : "…") + (r.source ? ", " + r.source : "") + ")";
    }
    return [r.title, r.organisation, r.country].filter(Boolean).join(", ") + when;
  }

  function actorItem(a) {
    const role = (a.roles || [])[0];
    return el("li", null,
      link(actorURL(actorKey(a)), a.name), " ",
      el("span", { class: "tag" }, a.type || "other"),
      role ? el("span", { class: "role" }, roleText(role)) : null,
      a.story_mentions ? el("span", { class: "n" }, plural(a.story_mentions, "mention")) : null);
  }

  function quotesBySpeaker(quotes) {
    if (!quotes.length) return el("p", { class: "empty" }, "No quotes.");
    const groups = new Map();
    for (const q of quotes) {
      const who = q.speaker || q.speaker_text || "Unattributed";
      if (!groups.has(who)) groups.set(who, []);
      groups.get(who).push(q);
    }
    const out = el("div", { class: "quotes" });
    for (const [who, qs] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
      const q0 = qs[0];
      // Identical words carried by several outlets are shown once.
      const seen = new Map();
      for (const q of qs) {
        if (!seen.has(q.text)) seen.set(q.text, []);
        seen.get(q.text).push(q);
      }
      out.append(el("div", { class: "speaker" },
        el("h3", null, q0.speaker_actor ? link(actorURL(q0.speaker_actor), who) : who,
          q0.speaker_resolved ? null : el("span", { class: "tag" }, "unresolved")),
        [...seen].slice(0, 6).map(([, list]) => {
          const q = list[0];
          const sources = el("footer", null, list.slice(0, 5).map((q, i) => [i ? " · " : "", el("a", { href: articleURL(q.article, q.sentence), nav: true }, q.outlet || "article " + q.article)]),
            list.length > 5 ? " · +" + (list.length - 5) : "");
          // Only a direct quote is the speaker's words, in quotation marks;
          // reported speech is the reporter's, shown as such.
          if (q.kind === "direct") return el("blockquote", { class: "quote direct" }, el("p", null, quoteShown(q)), sources);
          return el("div", { class: "quote reported", "data-kind": q.kind || "indirect" },
            el("p", null, el("span", { class: "tag", title: "the reporter's words, not a quotation" }, q.kind === "mixed" ? "reported, partly quoted" : "reported"), " ", quoteShown(q)), sources);
        })));
    }
    return out;
  }

  // quoteShown is internal/view's Quote.Shown: a direct quote in “…” (as
  // written when its attribution sits between quoted pieces); reported
  // speech as "said that …", never in quotation marks.
  const quoteMarks = "\"“”„‟«»‹›";
  const starters = new Set(("the a an there this that these those it its we they he she his her their our some any no in on at if when " +
    "all many most more one two both such").split(" "));
  function quoteShown(q) {
    const text = (q.text || "").trim();
    if (q.kind === "direct") {
      let inner = text;
      while (inner && (quoteMarks.includes(inner[0]) || /\s/.test(inner[0]))) inner = inner.slice(1);
      while (inner && (quoteMarks.includes(inner[inner.length - 1]) || /\s/.test(inner[inner.length - 1]))) inner = inner.slice(0, -1);
      inner = inner.replace(/,$/, "").trim();
      if ([...inner].some((c) => quoteMarks.includes(c))) return text;
      return "“" + inner + "”";
    }
    const body = text.replace(/,$/, "").trim();
    const cue = (q.cue || "").split(/\s+/).filter(Boolean).join(" ");
    if (!cue || /^according/i.test(cue)) return "reported: " + body;
    const first = [...body][0] || "";
    if (/^that /i.test(body) || !(/\p{Lu}|\p{N}/u.test(first) || quoteMarks.includes(first))) return cue + " " + body;
    const w = /^\p{L}+/u.exec(body);
    const lower = w && starters.has(w[0].toLowerCase()) && (w[0].length === 1 || w[0] !== w[0].toUpperCase());
    return cue + " that " + (lower ? w[0].toLowerCase() + body.slice(w[0].length) : body);
  }

  function matrixView(cmp) {
    if (!cmp || !(cmp.outlets || []).length) return el("p", { class: "empty" }, "No comparison.");
    const outlets = cmp.outlets;
    const head = el("tr", null, el("th", { scope: "col" }, "Claim"), outlets.map((o) => el("th", { scope: "col", class: "outlet" }, el("span", null, o))));
    const rows = (cmp.claims || []).map((c) => el("tr", { class: c.exclusive ? "exclusive" : null },
      el("th", { scope: "row" }, c.text, " ", (c.citations || []).slice(0, 3).map((x, i) => cite(x, i)), c.exclusive ? el("span", { class: "tag excl" }, "exclusive") : null),
      outlets.map((o) => (c.outlets || []).includes(o) ? el("td", { class: "yes", title: o + " reports this" }, "●") : el("td", { class: "no", title: o + " does not" }, "·"))));
    const claimTable = (rs) => el("div", { class: "scroll" }, el("table", { class: "matrix claims" }, el("thead", null, head.cloneNode(true)), el("tbody", null, rs)));
    const parts = [claimTable(rows.slice(0, 10))];
    if (rows.length > 10) parts.push(el("details", null, el("summary", null, "All " + rows.length + " claims"), claimTable(rows.slice(10))));
    const byOutlet = (title, items, key) => {
      if (!items || !items.length) return null;
      return el("div", { class: "scroll" }, el("table", { class: "matrix words" },
        el("thead", null, el("tr", null, el("th", null, title), outlets.map((o) => el("th", { class: "outlet" }, el("span", null, o))))),
        el("tbody", null, items.map((w) => el("tr", null, el("th", { scope: "row" }, w[key]),
          outlets.map((o) => el("td", null, ((w.by_outlet || {})[o] || []).join(", ") || "—")))))));
    };
    parts.push(byOutlet("Word choice", cmp.word_choices, "referent"));
    parts.push(byOutlet("Numbers", cmp.numbers, "what"));
    return el("div", null, parts);
  }

  function articleList(items) {
    return el("ul", { class: "articles" }, items.map((a) => el("li", null,
      link(articleURL(a.id), a.title || "(untitled)"),
      el("span", { class: "meta" }, " ", a.outlet || "", " · ", published(a), a.duplicate_of ? " · copy" : ""))));
  }

  // sentenceList shows supporting sentences; the same words carried by
  // several articles (wire copies) are shown once, with each source.
  function sentenceList(cites, texts) {
    const groups = new Map();
    (cites || []).forEach((c, i) => {
      const t = (texts || [])[i] || "";
      if (!groups.has(t)) groups.set(t, []);
      groups.get(t).push(c);
    });
    if (!groups.size) return el("p", { class: "empty" }, "None.");
    // A sentence of an article is the article's text, not anybody's
    // quotation: shown without quotation marks.
    return el("ul", { class: "sentences" }, [...groups].map(([t, cs]) => el("li", null,
      el("span", { class: "sent-text" }, t), " ",
      cs.slice(0, 5).map((c, i) => [i ? " · " : "", el("a", { href: articleURL(c.article, c.sentence), nav: true }, c.outlet || "article " + c.article)]),
      cs.length > 5 ? " · +" + (cs.length - 5) : "")));
  }

  function pager(p, base, params) {
    if (p.total <= p.limit) return null;
    const prev = p.offset > 0 ? link(base + qs({ ...params, offset: Math.max(0, p.offset - p.limit) || null }), "← newer") : null;
    const next = p.offset + p.limit < p.total ? link(base + qs({ ...params, offset: p.offset + p.limit }), "older →") : null;
    return el("nav", { class: "pager" }, prev, el("span", null, (p.offset + 1) + "–" + Math.min(p.total, p.offset + p.limit) + " of " + p.total), next);
  }

  // ---- pages -------------------------------------------------------------------

  async function pageStories() {
    const params = new URLSearchParams(location.search);
    const sort = params.get("sort") === "biggest" ? "biggest" : "newest";
    const offset = params.get("offset") || "";
    const [page, lines] = await Promise.all([
      api("stories" + qs({ sort, offset, limit: 30 })),
      api("storylines" + qs({ limit: 8 })).catch(() => ({ items: [] })),
    ]);
    setTitle("Stories");
    const tabs = el("nav", { class: "tabs" },
      link("/", "Newest", sort === "newest" ? "on" : null),
      link("/?sort=biggest", "Biggest", sort === "biggest" ? "on" : null));
    const list = el("ol", { class: "stories" }, page.items.map(storyCard));
    const side = lines.items.length ? section("Storylines", "side",
      el("ul", { class: "lines" }, lines.items.map((l) => el("li", null, link("/storyline/" + l.id, l.headline),
        el("span", { class: "meta" }, " " + plural((l.stories || []).length, "story", "stories") + " · " + range(l.first_seen, l.last_seen)))))) : null;
    return el("div", { class: "page" },
      el("div", { class: "head" }, el("h1", null, "Stories"), tabs, el("p", { id: "fresh", class: "fresh", hidden: true })),
      el("div", { class: "grid" },
        el("div", { class: "col-main" }, page.items.length ? list : el("p", { class: "empty" }, "No stories yet. Ingest some articles: sitrep ingest PATH."), pager(page, "/", { sort: sort === "newest" ? null : sort })),
        el("aside", { class: "col-side" }, side)));
  }

  // ---- coded events (internal/event; API /api/v1/coded-events) ---------------

  const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];

  // codedEventsView lists a story's happenings: who → did what → to whom,
  // where, when, how many outlets; each mention opens its article at the
  // sentence. Buttons filter by PLOVER type.
  const party = (p) => p && (p.name || p.text) ? (p.actor ? link(actorURL(p.actor), p.name || p.text) : p.geonames_id ? link(placeURL(p.geonames_id), p.name || p.text) : (p.name || p.text)) : el("span", { class: "meta" }, "—");

  // eventLine is "source → verb → target" of a coded event.
  function eventLine(e) {
    return [el("span", { class: "who" }, party(e.source)), " → ", el("span", { class: "what", title: "CAMEO " + e.cameo }, e.verb), " → ", el("span", { class: "whom" }, party(e.target))];
  }

  // topEvents orders happenings by how many outlets reported them, then by
  // date: the coder is not yet accurate enough to show every one at once
  // (see EVALUATION.md).
  function topEvents(items) {
    return items.slice().sort((a, b) => (b.sources || 0) - (a.sources || 0) || (b.num_mentions || 0) - (a.num_mentions || 0) ||
      (a.date || "").localeCompare(b.date || "") || a.id - b.id);
  }

  // codedEventsView lists coded events; opts.story shows each one's story
  // (actor and place pages list events of many stories).
  function codedEventsView(items, opts) {
    opts = opts || {};
    if (!items.length) return el("p", { class: "empty" }, "No coded events.");
    const list = el("ol", { class: "cevents" });
    const sorted = topEvents(items);
    const shown = 8;
    for (const e of sorted) {
      // a headline mention (sentence -1) says so: a title is no sentence
      const mentions = (e.mentions || []).map((m, i) => [i ? " " : "", el("a", { href: articleURL(m.article, m.sentence), nav: true, class: "cite" + (m.sentence === -1 ? " headline" : ""), title: (m.sentence === -1 ? "headline: " : "") + m.text }, (m.outlet || "article " + m.article) + (m.sentence === -1 ? " (headline)" : ""))]);
      list.append(el("li", { class: "cevent", "data-type": e.type },
        el("span", { class: "date", title: e.estimated ? "the article's (estimated) date: no date stated" : null }, e.date ? (e.estimated ? "≈ " : "") + timexLabel(e.date) : "undated"),
        el("span", { class: "who" }, party(e.source)), " → ",
        el("span", { class: "what", title: "CAMEO " + e.cameo }, e.verb + " ", el("span", { class: "tag ev-" + e.type.toLowerCase() }, e.type + (e.mode ? "/" + e.mode : ""))),
        " → ", el("span", { class: "whom" }, party(e.target)),
        e.place && e.place.name ? [" · ", e.place.stated ? link(placeURL(e.place.geonames_id || e.place.name), e.place.name) : el("span", { class: "meta", title: "the article's place: the sentence names none" }, "≈ " + e.place.name)] : null,
        e.status && e.status !== "asserted" ? el("span", { class: "tag excl" }, e.status) : null,
        e.quantities && (e.quantities.killed || e.quantities.wounded) ? el("span", { class: "tag" }, [e.quantities.killed ? e.quantities.killed + " killed" : "", e.quantities.wounded ? " " + e.quantities.wounded + " wounded" : ""].join("").trim()) : null,
        el("div", { class: "meta" }, plural(e.sources || 0, "outlet"), ": ", mentions, opts.story && e.story ? [" · ", link(storyURL(e.story), "the story")] : null)));
    }
    const types = [...new Set(items.map((e) => e.type))].sort();
    const bar = el("div", { class: "ev-filter" });
    let on = null, expanded = false;
    const all = el("button", { type: "button", class: "on" }, "All");
    const buttons = [all];
    const more = sorted.length > shown ? el("button", { type: "button", class: "more" }, "All " + sorted.length + " events") : null;
    const apply = () => {
      [...list.children].forEach((li, i) => {
        li.hidden = on !== null ? li.getAttribute("data-type") !== on : !expanded && i >= shown;
      });
      for (const b of buttons) b.classList.toggle("on", (b === all && on === null) || b.textContent === on);
      if (more) more.hidden = expanded || on !== null;
    };
    if (more) more.addEventListener("click", () => { expanded = true; apply(); });
    all.addEventListener("click", () => { on = null; apply(); });
    bar.append(all);
    for (const t of types) {
      const b = el("button", { type: "button", "data-type": t }, t);
      b.addEventListener("click", () => { on = t; apply(); });
      buttons.push(b);
      bar.append(b);
    }
    apply();
    return el("div", null, types.length > 1 ? bar : null, list, more);
  }

  async function pageStory(id) {
    const s = await api("stories/" + enc1(id));
    const cevents = await api("coded-events" + qs({ story: id, limit: 200 })).catch(() => ({ items: [] }));
    const evs = cevents.items || [];
    setTitle(s.headline);
    const summary = (s.summary || []).length ? el("ol", { class: "summary" }, s.summary.map((x) => el("li", { class: "sum" },
      x.date ? el("span", { class: "date", title: x.estimated ? "relative to an estimated publication date: may be off" : null },
        (x.estimated ? "≈ " : "") + timexLabel(x.date)) : null,
      x.text, " ", (x.citations || []).map((c, i) => cite(c, i))))) : el("p", { class: "empty" }, "No summary yet.");
    const members = s.members || [];
    return el("article", { class: "page story-page" },
      el("div", { class: "head" },
        el("p", { class: "kicker" }, s.storyline ? link("/storyline/" + s.storyline, "Storyline") : "Story", " · ", seen(s)),
        el("h1", null, s.headline || "(untitled story)"),
        el("p", { class: "meta" }, plural((s.articles || []).length, "article"),
          (s.outlets || []).length ? [" from ", plural(s.outlets.length, "outlet"), ": ", s.outlets.join(", ")] : "; no outlet named")),
      el("div", { class: "grid" },
        el("div", { class: "col-main" },
          section("Summary", "summary-card", summary),
          section("Map", "map-card", mapView(s.places || [], { events: evs })),
          section("Timeline", "timeline-card", timelineView(s.timeline || [], evs)),
          section("Events", "events-card", codedEventsView(evs)),
          section("How outlets told it", "matrix-card", matrixView(s.comparison)),
          section("Quotes", "quotes-card", quotesBySpeaker(s.quotes || []))),
        el("aside", { class: "col-side" },
          section("Actors", "actors-card", (s.actors || []).length ? [el("ul", { class: "actors" }, s.actors.slice(0, 12).map(actorItem)),
            s.actors.length > 12 ? el("details", null, el("summary", null, "All " + s.actors.length + " actors"), el("ul", { class: "actors" }, s.actors.slice(12).map(actorItem))) : null] : el("p", { class: "empty" }, "None found.")),
          section("Places", "places-card", el("ul", { class: "places" }, (s.places || []).map((p) => el("li", null, link(placeURL(placeKey(p)), p.name), p.country ? el("span", { class: "tag" }, p.country) : null)))),
          section("Articles", "members-card", articleList(members.slice(0, 8)),
            members.length > 8 ? el("details", null, el("summary", null, "All " + members.length + " articles"), articleList(members.slice(8, 500))) : null,
            members.length > 500 ? el("p", { class: "meta" }, "and " + (members.length - 500) + " more") : null))));
  }

  async function pageStoryline(id) {
    const page = await api("storylines" + qs({ limit: 200 }));
    const l = page.items.find((x) => String(x.id) === id);
    if (!l) throw new HTTPError(404, "no storyline " + id);
    setTitle(l.headline);
    return el("div", { class: "page" },
      el("div", { class: "head" }, el("p", { class: "kicker" }, "Storyline · ", range(l.first_seen, l.last_seen)), el("h1", null, l.headline)),
      el("ol", { class: "stories" }, (l.stories || []).slice().sort((a, b) => (a.first_seen ? Date.parse(a.first_seen) : Infinity) - (b.first_seen ? Date.parse(b.first_seen) : Infinity) || 0).map(storyCard)));
  }

  async function pageArticle(id) {
    const a = await api("articles/" + enc1(id));
    setTitle(a.title);
    const bytes = enc.encode(a.text || "");
    const marks = [];
    for (const m of a.mentions || []) if (m.actor) marks.push({ start: m.start, end: m.end, href: actorURL(m.actor), cls: "m-actor" });
    for (const p of a.places || []) {
      if (p.unresolved && p.end > p.start) marks.push({ start: p.start, end: p.end, cls: "m-place unresolved", title: "unresolved: no source here knows this place" });
      else if ((p.place || p.name) && p.end > p.start) marks.push({ start: p.start, end: p.end, href: placeURL(p.place || p.name), cls: "m-place", title: p.name !== p.text ? p.name : null });
    }
    marks.sort((x, y) => x.start - y.start);
    const body = el("div", { class: "text" });
    let para = el("p");
    body.append(para);
    const sents = (a.sentences || []).length ? a.sentences : [{ start: 0, end: bytes.length }];
    let prevEnd = 0;
    sents.forEach((s, i) => {
      const gap = byteSlice(bytes, prevEnd, s.start);
      if (/\n\s*\n/.test(gap) && para.childNodes.length) { para = el("p"); body.append(para); } else if (gap) para.append(" ");
      const span = el("span", { id: "s" + i, class: "sent" });
      let pos = s.start;
      for (const m of marks) {
        if (m.start < pos || m.end > s.end) continue;
        span.append(byteSlice(bytes, pos, m.start), m.href ? el("a", { href: m.href, nav: true, class: m.cls, title: m.title }, byteSlice(bytes, m.start, m.end)) : el("span", { class: m.cls, title: m.title }, byteSlice(bytes, m.start, m.end)));
        pos = m.end;
      }
      span.append(byteSlice(bytes, pos, s.end));
      para.append(span);
      prevEnd = s.end;
    });
    const orig = safeHref(a.url || "");
    return el("article", { class: "page article-page" },
      el("div", { class: "head" },
        el("p", { class: "kicker" }, a.outlet || "unknown outlet", " · ", published(a)),
        el("h1", { id: "s-1", class: "sent" }, a.title || "(untitled)"),
        el("p", { class: "meta" },
          (a.authors || []).length ? "By " + a.authors.join(", ") + " · " : "",
          a.story ? link(storyURL(a.story), "the story") : null,
          orig && /^https?:/.test(orig) ? [" · ", el("a", { href: orig, rel: "noopener noreferrer nofollow", target: "_blank" }, "original")] : null,
          a.duplicate_of ? [" · copy of ", link(articleURL(a.duplicate_of), "article " + a.duplicate_of)] : null),
        analysisLine(a)),
      el("div", { class: "grid" },
        el("div", { class: "col-main" }, el("section", { class: "card" }, body)),
        el("aside", { class: "col-side" },
          (a.places || []).length ? section("Map", "map-card", mapView(dedupePlaces(a.places), { side: true })) : null,
          (a.actors || []).length ? section("Actors", null, el("ul", { class: "actors" }, a.actors.map((x) => el("li", null, link(actorURL(actorKey(x)), x.name), " ", el("span", { class: "tag" }, x.type || ""))))) : null,
          (a.quotes || []).length ? section("Quotes", null, quotesBySpeaker(a.quotes)) : null)));
  }

  // analysisLine says the article's language and, when the analysis is
  // not complete, why ("not analysed: German", the time budget, a fault).
  function analysisLine(a) {
    const an = a.analysis || {};
    const parts = [];
    if (an.language) parts.push(an.language);
    if (an.status && an.status !== "complete") parts.push(an.note || an.status);
    for (const f of a.faults || []) parts.push("fault in " + f.stage);
    return parts.length ? el("p", { class: "meta analysis" }, parts.join(" · ")) : null;
  }

  function dedupePlaces(pms) {
    const m = new Map();
    for (const p of pms) {
      const k = p.place || p.name;
      // Named as the article writes it, not by the gazetteer's spelling.
      if (!m.has(k)) m.set(k, { id: p.place, name: p.text || p.name, lat: p.lat, lon: p.lon, mentions: 0 });
      m.get(k).mentions++;
    }
    return [...m.values()];
  }

  // eventsSection lists the coded events of an actor or a place (the API's
  // actor and place filters), with the type filter and a pager link.
  function eventsSection(page, more) {
    const items = page.items || [];
    return section("Events", "events-card",
      items.length ? el("p", { class: "meta" }, plural(page.total || items.length, "coded event"), page.total > items.length ? " (the first " + items.length + " shown)" : "", " · as source, target or place") : null,
      codedEventsView(items, { story: true }), more || null);
  }

  async function pageActor(key) {
    const [a, cev] = await Promise.all([api("actors/" + enc1(key)),
      api("coded-events" + qs({ actor: key, limit: 100 })).catch(() => ({ items: [] }))]);
    setTitle(a.name);
    return el("div", { class: "page" },
      el("div", { class: "head" },
        el("p", { class: "kicker" }, a.type || "actor", a.country ? " · " + a.country : "", a.code ? " · " + a.code : ""),
        el("h1", null, a.name),
        (a.aliases || []).length ? el("p", { class: "meta" }, "Also: ", a.aliases.filter((x) => x !== a.name).join(", ")) : null,
        el("p", { class: "meta" }, plural(a.mentions || 0, "mention"), " in ", plural((a.articles || []).length, "article"), " from ", plural((a.outlets || []).length, "outlet"))),
      el("div", { class: "grid" },
        el("div", { class: "col-main" },
          section("Stories", null, (a.stories || []).length ? el("ol", { class: "stories" }, a.stories.map(storyCard)) : el("p", { class: "empty" }, "None.")),
          eventsSection(cev),
          section("Quotes", "quotes-card", quotesBySpeaker(a.quotes || [])),
          section("In the articles", null, sentenceList(a.sentences, a.texts))),
        el("aside", { class: "col-side" },
          section("Roles", null, (a.roles || []).length ? el("ul", { class: "roles" }, a.roles.map((r) => el("li", null, roleText(r), r.citation ? [" ", cite(r.citation, 0)] : null))) : el("p", { class: "empty" }, "None known.")),
          (a.outlets || []).length ? section("Outlets", null, chips(a.outlets)) : null)));
  }

  async function pagePlace(key) {
    const p = await api("places/" + enc1(key));
    const cev = await api("coded-events" + qs({ place: p.geonames_id || p.name, limit: 100 })).catch(() => ({ items: [] }));
    setTitle(p.name);
    return el("div", { class: "page" },
      el("div", { class: "head" },
        el("p", { class: "kicker" }, "Place", p.country ? " · " + p.country : "", p.feature ? " · " + p.feature : ""),
        el("h1", null, p.name),
        el("p", { class: "meta" }, p.lat.toFixed(3) + ", " + p.lon.toFixed(3), p.geonames_id ? " · GeoNames " + p.geonames_id : "", " · ", plural(p.mentions || 0, "mention"))),
      el("div", { class: "grid" },
        el("div", { class: "col-main" },
          section("Map", "map-card", mapView([p], { labels: 1, events: cev.items || [] })),
          section("Stories", null, (p.story_list || []).length ? el("ol", { class: "stories" }, p.story_list.map(storyCard)) : el("p", { class: "empty" }, "None.")),
          eventsSection(cev),
          section("In the articles", null, sentenceList(p.sentences, p.texts))),
        el("aside", { class: "col-side" },
          (p.names || []).length ? section("As written", null, chips(p.names)) : null)));
  }

  async function pageActors() {
    const params = new URLSearchParams(location.search);
    const page = await api("actors" + qs({ q: params.get("q"), offset: params.get("offset"), limit: 100 }));
    setTitle("Actors");
    return el("div", { class: "page" }, el("div", { class: "head" }, el("h1", null, "Actors")),
      el("section", { class: "card" }, el("ul", { class: "actors cols" }, page.items.map(actorItem)), pager(page, "/actors", { q: params.get("q") })));
  }

  async function pagePlaces() {
    const params = new URLSearchParams(location.search);
    const page = await api("places" + qs({ q: params.get("q"), offset: params.get("offset"), limit: 100 }));
    setTitle("Places");
    return el("div", { class: "page" }, el("div", { class: "head" }, el("h1", null, "Places")),
      el("div", { class: "grid" },
        el("div", { class: "col-main" }, el("section", { class: "card" }, el("ul", { class: "places cols" }, page.items.map((p) => el("li", null, link(placeURL(placeKey(p)), p.name), p.country ? el("span", { class: "tag" }, p.country) : null, el("span", { class: "n" }, plural(p.mentions || 0, "mention"))))), pager(page, "/places", { q: params.get("q") }))),
        el("aside", { class: "col-side" }, section("Map", "map-card", mapView(page.items, { side: true })))));
  }

  // highlighted builds a snippet with its matches in <mark> elements, from
  // the API's byte spans: text nodes only, never markup from the text.
  function highlighted(snippet, spans) {
    const bytes = enc.encode(snippet);
    const out = [];
    let pos = 0;
    for (const sp of spans || []) {
      if (sp.start < pos || sp.end > bytes.length || sp.start >= sp.end) continue;
      out.push(byteSlice(bytes, pos, sp.start), el("mark", null, byteSlice(bytes, sp.start, sp.end)));
      pos = sp.end;
    }
    out.push(byteSlice(bytes, pos, bytes.length));
    return out;
  }

  const facetNames = ["q", "actor", "place", "outlet", "from", "to"];

  async function pageSearch() {
    const params = new URLSearchParams(location.search);
    const cur = {};
    for (const k of facetNames) if (params.get(k)) cur[k] = params.get(k);
    const input = (name, type, ph) => el("input", { name, type, value: cur[name] || "", placeholder: ph, "aria-label": ph });
    const form = el("form", { class: "search", role: "search" },
      input("q", "search", "Search articles"),
      el("div", { class: "filters" }, input("actor", "text", "actor"), input("place", "text", "place"), input("outlet", "text", "outlet"),
        el("label", null, "from ", input("from", "date", "from")), el("label", null, "to ", input("to", "date", "to"))),
      el("button", { type: "submit" }, "Search"));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const p = {};
      for (const k of facetNames) p[k] = form.elements[k].value.trim();
      history.pushState(null, "", "/search" + qs(p));
      render();
    });
    setTitle(cur.q ? "Search: " + cur.q : "Search");
    const head = el("div", { class: "head" }, el("h1", null, "Search"), form);
    if (!cur.q && !cur.actor && !cur.place && !cur.outlet) return el("div", { class: "page" }, head);
    const res = await api("search" + qs({ ...cur, offset: params.get("offset"), limit: 25 }));
    const facet = (title, key, list) => (list || []).length ? el("div", { class: "facet" }, el("h3", null, title),
      el("ul", null, list.slice(0, 10).map((f) => el("li", null, link("/search" + qs({ ...cur, [key]: key === "day" ? null : f.value, from: key === "day" ? f.value : cur.from, to: key === "day" ? f.value : cur.to }), f.value), el("span", { class: "n" }, String(f.count)))))) : null;
    return el("div", { class: "page" }, head,
      el("div", { class: "grid" },
        el("div", { class: "col-main" },
          el("p", { class: "meta" }, plural(res.total, "article"), " found",
            res.rank_window ? " · the newest " + res.rank_window + " listed first, by relevance" : null),
          el("ol", { class: "hits" }, res.items.map((h) => el("li", null,
            el("h3", null, link(articleURL(h.id), h.title || "(untitled)")),
            el("p", { class: "meta" }, h.outlet, " · ", h.published ? day(h.published) + (h.published_estimated ? " (estimated)" : "") : "undated", h.story ? [" · ", link(storyURL(h.story), "story")] : null),
            h.snippet ? el("p", { class: "snippet" }, highlighted(h.snippet, h.highlights)) : null))),
          pager(res, "/search", cur)),
        el("aside", { class: "col-side facets" },
          res.facets_approximate ? el("p", { class: "meta" }, "Counted over the newest " + res.facets_sample + " matches") : null,
          facet("Actors", "actor", res.facets.actors), facet("Places", "place", res.facets.places),
          facet("Outlets", "outlet", res.facets.outlets), facet("Days", "day", res.facets.days))));
  }

  // ---- watchlists -------------------------------------------------------------

  // writeToken is the write token typed on the watchlists page; it stays in
  // this tab only (sessionStorage), never in a cookie, so that no other
  // site can make the browser write.
  const tokenKey = "sitrep.write-token";

  async function write(method, path, body) {
    const headers = { Accept: "application/json", Authorization: "Bearer " + (sessionStorage.getItem(tokenKey) || "") };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const r = await fetch("/api/v1/" + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!r.ok) {
      let msg = r.statusText;
      try { const b = await r.json(); if (b && b.error) msg = b.error.message; } catch (e) { /* not JSON */ }
      throw new HTTPError(r.status, msg);
    }
  }

  async function pageWatchlists() {
    setTitle("Watchlists");
    const page = await api("watchlists");
    const status = el("p", { class: "meta", role: "status" });
    const fail = (err) => { status.textContent = err.status === 401 ? "A change needs the write token (SITREP_TOKEN)." : err.message; };
    const field = (name, ph, type) => el("input", { name, type: type || "text", placeholder: ph, "aria-label": ph, autocomplete: "off" });
    const kind = el("select", { name: "kind", "aria-label": "kind" }, ["actor", "place", "keyword"].map((k) => el("option", { value: k }, k)));
    const token = field("token", "write token", "password");
    token.value = sessionStorage.getItem(tokenKey) || "";
    const etype = el("select", { name: "event_type", "aria-label": "coded events of type" }, el("option", { value: "" }, "articles"),
      el("option", { value: "any" }, "events: any type"), PLOVER.map((t) => el("option", { value: t }, "events: " + t)));
    const form = el("form", { class: "search watch" }, kind, field("value", "name or words"), etype, field("webhook", "webhook URL (optional)"), token,
      el("button", { type: "submit" }, "Watch"));
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      status.textContent = "";
      sessionStorage.setItem(tokenKey, token.value.trim());
      const body = { kind: kind.value, value: form.elements.value.value.trim() };
      if (form.elements.webhook.value.trim()) body.webhook = form.elements.webhook.value.trim();
      if (etype.value) body.event_type = etype.value;
      try { await write("POST", "watchlists", body); render(); } catch (err) { fail(err); }
    });
    const items = page.items.map((w) => {
      const del = el("button", { type: "button", class: "del", "aria-label": "stop watching " + w.value }, "Stop");
      del.addEventListener("click", async () => {
        status.textContent = "";
        sessionStorage.setItem(tokenKey, token.value.trim());
        try { await write("DELETE", "watchlists/" + w.id); render(); } catch (err) { fail(err); }
      });
      return el("li", { "data-id": String(w.id) }, el("span", { class: "tag" }, w.kind), " ", w.value,
        w.event_type ? el("span", { class: "tag" }, "events: " + w.event_type) : null,
        w.webhook ? el("span", { class: "meta" }, " → " + w.webhook) : null, " ", del);
    });
    return el("div", { class: "page" }, el("div", { class: "head" }, el("h1", null, "Watchlists"),
      el("p", { class: "meta" }, "Articles matching a watchlist raise an alert on every open page (and a POST to its webhook) as they arrive; a watchlist of events (an actor or a place) alerts on each new coded event of its type that involves it."), form, status),
      el("section", { class: "card" }, items.length ? el("ul", { class: "watchlists" }, items) : el("p", { class: "empty" }, "Nothing watched yet.")));
  }

  // ---- live updates ----------------------------------------------------------

  function live() {
    if (!window.EventSource) return;
    const es = new EventSource("/api/v1/events");
    const badge = document.getElementById("live");
    let pending = 0;
    es.addEventListener("open", () => { badge.hidden = false; });
    es.addEventListener("error", () => {
      badge.hidden = true;
      if (es.readyState === EventSource.CLOSED) es.close();
    });
    const onNews = (e) => {
      let ev;
      try { ev = JSON.parse(e.data); } catch (err) { return; }
      pending++;
      const fresh = document.getElementById("fresh");
      if (location.pathname === "/" && fresh) {
        fresh.hidden = false;
        fresh.replaceChildren(plural(pending, "update") + " since this page loaded — ", el("a", { href: "/" + location.search, nav: true }, "show"));
      } else if (location.pathname === "/story/" + ev.id) {
        render();
      }
    };
    es.addEventListener("story", onNews);
    es.addEventListener("article", onNews);
    es.addEventListener("alert", (e) => {
      let ev;
      try { ev = JSON.parse(e.data); } catch (err) { return; }
      const d = ev.data || {};
      const box = d.event ? el("div", { class: "alert", role: "status" }, "Watchlist ", (d.watchlist || {}).value || "", " (", d.event.type, "): ",
        eventLine(d.event), " · ", link(storyURL(d.event.story), "the story")) :
        el("div", { class: "alert", role: "status" }, "Watchlist ", (d.watchlist || {}).value || "", ": ",
        link(articleURL(ev.id), (d.article || {}).title || "article " + ev.id));
      document.body.append(box);
      setTimeout(() => box.remove(), 15000);
    });
    // Browsers allow few connections per server: give this one back when
    // the page goes away (or into the back-forward cache).
    window.addEventListener("pagehide", () => es.close());
  }

  render();
  live();
})();
