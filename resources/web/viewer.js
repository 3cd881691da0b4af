/* mapapp's published page: the situation's map, events, claims and timeline in a browser.
 *
 * Reads the page's data elements (JSON, or gzipped JSON/binary as base64), draws the
 * basemap and the markers on two canvas layers of a Leaflet map in the window's style,
 * and keeps the side list, details, timeline and URL fragment in step. Every string
 * from the data is put into the page as text (textContent), never parsed as markup.
 */
(function () {
  'use strict';

  const R = 6378137, HALF = Math.PI * R, DEG = 180 / Math.PI;
  const $ = (id) => document.getElementById(id);

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function add(parent, ...children) {
    for (const c of children) if (c) parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    return parent;
  }

  async function readData(id) {
    const node = $(id);
    if (!node) return null;
    if (node.type === 'application/json') return JSON.parse(node.textContent);
    const text = atob(node.textContent.trim());
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    const buffer = await new Response(stream).arrayBuffer();
    return node.type === 'application/json+gzip' ? JSON.parse(new TextDecoder().decode(buffer)) : buffer;
  }

  // ---- the basemap blob (see mapapp/publish/basemap_blob.py) -------------------------
  function decodeBasemap(buffer) {
    const n = new DataView(buffer).getUint32(0, true);
    const index = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, n)));
    let offset = 4 + n;
    offset += (4 - (offset % 4)) % 4;
    const ints = new Int32Array(buffer.slice(offset));
    let p = 0;  // the rings follow one another in the order the layers were written
    for (const name of ['world_context', 'countries_10m', 'mali_admin1', 'azawad', 'mali_algeria_border', 'places']) {
      for (const f of index.layers[name] || []) {
        f.levels = f.levels.map(([tol, counts]) => ({
          tol,
          rings: counts.map((count) => {
            const ring = new Float64Array(2 * count);
            let x = 0, y = 0;
            for (let i = 0; i < count; i++) {
              x += ints[p++]; y += ints[p++];
              ring[2 * i] = x; ring[2 * i + 1] = y;
            }
            return ring;
          }),
        }));
      }
    }
    return index.layers;
  }

  // ---- projection: EPSG:3857 metres <-> degrees -------------------------------------
  const toLatLng = (x, y) => L.latLng((2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) * DEG, (x / R) * DEG);
  const lonOf = (x) => (x / R) * DEG;
  const latOf = (y) => (2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) * DEG;
  const yOfLat = (lat) => R * Math.log(Math.tan(Math.PI / 4 + lat / DEG / 2));

  function dayText(day) {
    return new Date(day * 86400000).toISOString().slice(0, 10);
  }
  function dayOf(text) {
    const t = Date.parse(text + 'T00:00:00Z');
    return Number.isFinite(t) ? Math.round(t / 86400000) : null;
  }

  // ---- the state every view reads --------------------------------------------------
  const S = {
    meta: null, styles: null, base: null, ev: null, doc: null, n: 0,
    rows: null,          // Int32Array of the rows with a marker
    shown: null,         // Float32Array per row: 0 hidden, 1 shown, between: fading
    passing: null,       // Uint8Array per row: passes search/actor/status (time aside)
    selected: -1,
    window: null,        // [first, last] days or null (all time)
    mode: 'window',
    frame: null,         // the last marker frame (cells), for clicks
    docEvents: new Map(), docClaims: new Map(), docActors: new Map(), docPlaces: new Map(),
    docAreas: new Map(), docSources: new Map(), claimsAbout: new Map(),
  };

  // ---- the map ---------------------------------------------------------------------
  let map;

  function frameOf() {
    const z = map.getZoom();
    const k = (256 * Math.pow(2, z)) / (2 * HALF);
    const o = map.containerPointToLayerPoint([0, 0]).add(map.getPixelOrigin());
    const size = map.getSize();
    return { k, ox: o.x, oy: o.y, res: 1 / k, w: size.x, h: size.y,
      sx: (x) => (x + HALF) * k - o.x, sy: (y) => (HALF - y) * k - o.y,
      x0: o.x / k - HALF, x1: (o.x + size.x) / k - HALF, y1: HALF - o.y / k, y0: HALF - (o.y + size.y) / k };
  }

  const CanvasLayer = L.Layer.extend({
    initialize(draw, pane) { this._draw = draw; this.options.pane = pane; },
    onAdd(m) {
      this._canvas = L.DomUtil.create('canvas', 'leaflet-zoom-animated');
      this.getPane().appendChild(this._canvas);
      m.on('moveend zoomend resize viewreset', this.redraw, this);
      m.on('zoomanim', this._animate, this);
      this.redraw();
    },
    onRemove(m) {
      L.DomUtil.remove(this._canvas);
      m.off('moveend zoomend resize viewreset', this.redraw, this);
      m.off('zoomanim', this._animate, this);
    },
    _animate(e) {
      const scale = this._map.getZoomScale(e.zoom);
      const offset = this._map._latLngToNewLayerPoint(this._corner, e.zoom, e.center);
      L.DomUtil.setTransform(this._canvas, offset, scale);
    },
    redraw() {
      const m = this._map;
      if (!m) return;
      const size = m.getSize(), dpr = window.devicePixelRatio || 1, c = this._canvas;
      c.width = Math.round(size.x * dpr); c.height = Math.round(size.y * dpr);
      c.style.width = size.x + 'px'; c.style.height = size.y + 'px';
      L.DomUtil.setPosition(c, m.containerPointToLayerPoint([0, 0]));
      this._corner = m.containerPointToLatLng([0, 0]);
      const g = c.getContext('2d');
      g.setTransform(dpr, 0, 0, dpr, 0, 0);
      g.clearRect(0, 0, size.x, size.y);
      this._draw(g, frameOf());
    },
  });

  // ---- tiles (--basemap): embedded ones, or fetched by the reader's browser ----------
  function tileLayer(t) {
    const options = { minNativeZoom: t.min_zoom, maxNativeZoom: t.max_zoom, minZoom: 0, maxZoom: 19, keepBuffer: 2 };
    if (t.kind === 'online') return L.tileLayer(t.url, { ...options, subdomains: t.subdomains || 'abc', crossOrigin: false });
    const Embedded = L.GridLayer.extend({
      createTile(coords) {
        const img = document.createElement('img');
        img.alt = '';
        const url = t.tiles[`${coords.z}/${coords.x}/${coords.y}`];
        if (url && url.startsWith('data:image/')) img.src = url;
        else img.style.visibility = 'hidden';  // no tile here: the vector map shows
        return img;
      },
    });
    return new Embedded(options);
  }

  // ---- labels that do not collide --------------------------------------------------
  class Placer {
    constructor(w, h) { this.w = w; this.h = h; this.rects = []; }
    free(r) {
      if (r[0] < 2 || r[1] < 2 || r[0] + r[2] > this.w - 2 || r[1] + r[3] > this.h - 2) return false;
      for (const q of this.rects) {
        if (r[0] < q[0] + q[2] && q[0] < r[0] + r[2] && r[1] < q[1] + q[3] && q[1] < r[1] + r[3]) return false;
      }
      return true;
    }
    reserve(r) { this.rects.push(r); }
    place(candidates) {
      for (const r of candidates) if (this.free(r)) { this.rects.push(r); return r; }
      return null;
    }
  }

  function font(px, bold, italic) {
    return `${italic ? 'italic ' : ''}${bold ? 'bold ' : ''}${px}px ${S.styles.font}, "DejaVu Sans", Arial, sans-serif`;
  }

  function haloText(g, text, x, y, colour, halo) {
    g.lineJoin = 'round';
    g.strokeStyle = S.styles.colours.halo;
    g.lineWidth = halo || 3;
    g.strokeText(text, x, y);
    g.fillStyle = colour;
    g.fillText(text, x, y);
  }

  // ---- drawing the basemap ---------------------------------------------------------
  function ringsFor(f, f0) {
    const tol = f0.res / 2;
    let best = f.levels[0];
    for (const level of f.levels) if (level.tol <= tol) best = level;
    return best.rings;
  }

  function visible(f, fr) {
    const b = f.bbox;
    return b[2] >= fr.x0 && b[0] <= fr.x1 && b[3] >= fr.y0 && b[1] <= fr.y1;
  }

  function tracePath(g, rings, fr, closed) {
    for (const ring of rings) {
      const n = ring.length / 2;
      if (!n) continue;
      g.moveTo(fr.sx(ring[0]), fr.sy(ring[1]));
      for (let i = 1; i < n; i++) g.lineTo(fr.sx(ring[2 * i]), fr.sy(ring[2 * i + 1]));
      if (closed) g.closePath();
    }
  }

  let hatch = null;
  function hatchPattern(g) {
    if (!hatch) {
      const c = document.createElement('canvas');
      c.width = c.height = 10;
      const h = c.getContext('2d');
      h.fillStyle = S.styles.colours.azawad_fill; h.fillRect(0, 0, 10, 10);
      h.strokeStyle = S.styles.colours.azawad_hatch; h.lineWidth = 1;
      h.beginPath(); h.moveTo(-1, 11); h.lineTo(11, -1); h.moveTo(-1, 1); h.lineTo(1, -1); h.moveTo(9, 11); h.lineTo(11, 9); h.stroke();
      hatch = g.createPattern(c, 'repeat');
    }
    return hatch;
  }

  function drawFills(g, fr) {
    const C = S.styles.colours, B = S.base;
    g.fillStyle = C.sea; g.fillRect(0, 0, fr.w, fr.h);
    g.fillStyle = C.land_context;
    g.beginPath();
    for (const f of B.world_context) if (visible(f, fr)) tracePath(g, ringsFor(f, fr), fr, true);
    g.fill('evenodd');
    if (fr.res > S.styles.detail_max_resolution) return;
    for (const f of B.countries_10m) {
      if (!visible(f, fr)) continue;
      g.fillStyle = f.props.iso_a3 === 'MLI' ? C.land_focus : C.land;
      g.beginPath(); tracePath(g, ringsFor(f, fr), fr, true); g.fill('evenodd');
    }
  }

  function drawLines(g, fr) {
    // over tiles (when the page has them) each line gets a light companion a pixel
    // below-right, so it stays readable on imagery, as in the window
    const C = S.styles.colours, B = S.base, cased = !!S.tiles;
    const detail = fr.res <= S.styles.detail_max_resolution;
    const edges = (detail ? B.countries_10m : B.world_context).filter((f) => visible(f, fr));
    const azawad = B.azawad.filter((f) => visible(f, fr));
    for (const f of azawad) {
      g.fillStyle = hatchPattern(g);
      g.beginPath(); tracePath(g, ringsFor(f, fr), fr, true); g.fill('evenodd');
    }
    g.lineJoin = 'round'; g.lineCap = 'round';
    const admin1 = B.mali_admin1.filter((f) => visible(f, fr));
    if (cased) {
      g.save(); g.translate(1, 1); g.strokeStyle = 'rgb(250,250,247)'; g.lineWidth = 1;
      g.beginPath(); for (const f of admin1.concat(edges)) tracePath(g, ringsFor(f, fr), fr, true); g.stroke();
      g.restore();
    }
    g.setLineDash([4, 3]); g.strokeStyle = C.admin1_edge; g.lineWidth = 0.8;
    g.beginPath(); for (const f of admin1) tracePath(g, ringsFor(f, fr), fr, true); g.stroke();
    g.setLineDash([]); g.strokeStyle = C.country_edge; g.lineWidth = cased ? 1 : detail ? 0.9 : 0.6;
    g.beginPath(); for (const f of edges) tracePath(g, ringsFor(f, fr), fr, true); g.stroke();
    g.setLineDash([5, 3]); g.strokeStyle = C.azawad_edge; g.lineWidth = 1;
    g.beginPath(); for (const f of azawad) tracePath(g, ringsFor(f, fr), fr, true); g.stroke();
    g.setLineDash([]);
    for (const f of B.mali_algeria_border.filter((f) => visible(f, fr))) {
      g.strokeStyle = C.border_casing; g.lineWidth = 5;
      g.beginPath(); tracePath(g, ringsFor(f, fr), fr, false); g.stroke();
      g.strokeStyle = C.border; g.lineWidth = 2.6;
      g.beginPath(); tracePath(g, ringsFor(f, fr), fr, false); g.stroke();
    }
    const placer = new Placer(fr.w, fr.h);
    reserveOverlays(placer, fr);
    // labels keep clear of the markers, as in the window
    if (S.shown) for (const c of binMarkers(fr)) {
      const r = c.single >= 0 ? S.styles.types[S.typeIndex[c.single]].size / 2 + 2 : bubbleRadius(c.n) + 1;
      placer.reserve([c.x - r, c.y - r, 2 * r, 2 * r]);
    }
    drawGraticule(g, fr, placer);
    drawPlaces(g, fr, placer);
    drawAreaLabels(g, fr, placer);
  }

  function reserveOverlays(placer, fr) {
    // the map's own boxes: zoom buttons, north arrow, scale bar, legend and credit
    placer.reserve([0, 0, 50, 80]);
    placer.reserve([fr.w - 60, 0, 60, 80]);
    placer.reserve([0, fr.h - 70, 240, 70]);
    const legend = document.querySelector('.legend-box');
    if (legend) placer.reserve([fr.w - legend.offsetWidth - 14, fr.h - legend.offsetHeight - 40, legend.offsetWidth + 14, legend.offsetHeight + 40]);
  }

  function graticuleStep(fr) {
    const degPerPx = fr.res / 111319.49;
    for (const step of S.styles.graticule_steps) if (step / degPerPx >= S.styles.min_graticule_px) return step;
    return S.styles.graticule_steps[S.styles.graticule_steps.length - 1];
  }

  function drawGraticule(g, fr, placer) {
    const step = graticuleStep(fr), C = S.styles.colours;
    g.strokeStyle = C.graticule; g.lineWidth = 0.8;
    g.beginPath();
    const labels = [];
    const lon0 = Math.ceil(lonOf(fr.x0) / step) * step;
    for (let lon = lon0; lon <= lonOf(fr.x1); lon += step) {
      const sx = fr.sx((lon / DEG) * R);
      g.moveTo(sx, 0); g.lineTo(sx, fr.h);
      labels.push([hemisphere(lon, 'E', 'W'), sx, true]);
    }
    const lat0 = Math.ceil(Math.max(-85, latOf(fr.y0)) / step) * step;
    for (let lat = lat0; lat <= Math.min(85, latOf(fr.y1)); lat += step) {
      const sy = fr.sy(yOfLat(lat));
      g.moveTo(0, sy); g.lineTo(fr.w, sy);
      labels.push([hemisphere(lat, 'N', 'S'), sy, false]);
    }
    g.stroke();
    g.font = font(10); g.textBaseline = 'top';
    for (const [text, at, vertical] of labels) {
      const w = g.measureText(text).width;
      const r = vertical ? [at - w / 2, 3, w, 12] : [4, at - 13, w, 12];
      if (placer.place([r])) haloText(g, text, r[0], r[1], C.graticule_text, 3);
    }
  }

  function hemisphere(v, pos, neg) {
    const a = Math.round(Math.abs(v) * 100) / 100;
    return a === 0 ? '0°' : `${a}°${v >= 0 ? pos : neg}`;
  }

  function drawPlaces(g, fr, placer) {
    const C = S.styles.colours, maxRes = S.styles.rank_max_resolution;
    const focusNames = new Set(S.meta.focus_places);
    const candidates = S.base.places.map((f) => [String(f.props.name || ''), f.bbox[0], f.bbox[1], Number(f.props.rank || 3)]);
    for (const [name, x, y] of S.meta.extra_places) candidates.push([name, x, y, 1]);
    const shown = [];
    for (const [name, x, y, placeRank] of candidates) {
      const focus = focusNames.has(name);
      const rank = focus ? 0 : placeRank;
      if (!focus && fr.res > (maxRes[rank] || 3000) * 1.6) continue;
      const sx = fr.sx(x), sy = fr.sy(y);
      if (sx >= 0 && sy >= 0 && sx < fr.w && sy < fr.h) shown.push([rank, name, sx, sy, focus]);
    }
    shown.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
    g.strokeStyle = C.halo; g.lineWidth = 1.2;
    for (const [, , sx, sy] of shown) {
      g.fillStyle = C.place_dot; g.beginPath(); g.arc(sx, sy, 3, 0, 2 * Math.PI); g.fill(); g.stroke();
      placer.reserve([sx - 4, sy - 4, 8, 8]);
    }
    g.textBaseline = 'middle';
    for (const [rank, name, sx, sy, focus] of shown) {
      if (!(focus || fr.res <= (maxRes[rank] || 3000))) continue;
      g.font = font(focus ? 13 : rank === 1 ? 12 : 11, focus || rank === 1);
      const w = g.measureText(name).width, h = focus ? 16 : 14, gap = focus ? 12 : 6;
      const r = placer.place([[sx + gap, sy - h / 2, w, h], [sx - gap - w, sy - h / 2, w, h], [sx - w / 2, sy - gap - h, w, h], [sx - w / 2, sy + gap, w, h]]);
      if (r) haloText(g, name, r[0], r[1] + h / 2, focus ? '#a23b28' : C.place_text, 3);
    }
  }

  function drawAreaLabels(g, fr, placer) {
    const C = S.styles.colours, items = [];
    for (const f of S.base.azawad) items.push(['AZAWAD', f, font(15, true), C.azawad_text]);
    for (const f of S.base.countries_10m) {
      const name = String(f.props.name || '');
      if (name && (f.bbox[2] - f.bbox[0]) / fr.res > 90) items.push([name.toUpperCase().split('').join(' '), f, font(13), C.country_text]);
    }
    if (fr.res < 4000) for (const f of S.base.mali_admin1) if (f.props.name) items.push([String(f.props.name), f, font(11, false, true), C.admin1_edge]);
    g.textBaseline = 'middle';
    for (const [text, f, fnt, colour] of items) {
      g.font = fnt;
      const w = g.measureText(text).width, h = 16;
      const anchors = (f.label ? [f.label] : []).concat(f.labels || [])
        .map(([x, y]) => [fr.sx(x), fr.sy(y)])
        .filter(([sx, sy]) => sx >= 0 && sy >= 0 && sx <= fr.w && sy <= fr.h)
        .sort((a, b) => Math.abs(a[0] - fr.w / 2) + Math.abs(a[1] - fr.h / 2) - Math.abs(b[0] - fr.w / 2) - Math.abs(b[1] - fr.h / 2))
        .slice(0, 4);
      const cands = [];
      for (const [sx, sy] of anchors) for (const dy of [0, -h * 1.5, h * 1.5]) cands.push([sx - w / 2, sy - h / 2 + dy, w, h]);
      const r = placer.place(cands);
      if (r) haloText(g, text, r[0], r[1] + h / 2, colour, 2.5);
    }
  }

  // ---- markers -----------------------------------------------------------------------
  const symbols = new Map();
  function symbolPath(g, shape, size, x, y) {
    const r = size / 2;
    g.beginPath();
    if (shape === 'square') g.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
    else if (shape === 'diamond') { g.moveTo(x, y - r); g.lineTo(x + r, y); g.lineTo(x, y + r); g.lineTo(x - r, y); g.closePath(); }
    else if (shape === 'triangle') { g.moveTo(x, y - r); g.lineTo(x + r, y + r * 0.8); g.lineTo(x - r, y + r * 0.8); g.closePath(); }
    else if (shape === 'star') {
      for (let i = 0; i < 10; i++) {
        const a = -Math.PI / 2 + (i * Math.PI) / 5, rr = i % 2 === 0 ? r : r * 0.45;
        if (i === 0) g.moveTo(x + rr * Math.cos(a), y + rr * Math.sin(a)); else g.lineTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
      }
      g.closePath();
    } else g.arc(x, y, r * 0.8, 0, 2 * Math.PI);
  }

  function paintSymbol(g, type, x, y, size) {
    const st = S.styles.types[type] || S.styles.types[S.reportType];
    symbolPath(g, st.shape, size || st.size, x, y);
    g.fillStyle = st.fill; g.fill();
    g.strokeStyle = '#ffffff'; g.lineWidth = 1.5; g.stroke();
  }

  function symbolImage(type) {
    const dpr = window.devicePixelRatio || 1, key = type + '@' + dpr;
    if (!symbols.has(key)) {
      const st = S.styles.types[type];
      const side = Math.ceil((st.size + 4) * dpr), c = document.createElement('canvas');
      c.width = c.height = side;
      const g = c.getContext('2d');
      g.scale(dpr, dpr);
      paintSymbol(g, type, side / dpr / 2, side / dpr / 2);
      symbols.set(key, c);
    }
    return symbols.get(key);
  }

  function symbolCanvas(type, px) {
    const c = document.createElement('canvas'), dpr = window.devicePixelRatio || 1;
    c.width = c.height = Math.round(px * dpr);
    c.style.width = c.style.height = px + 'px';
    const g = c.getContext('2d');
    g.scale(dpr, dpr);
    paintSymbol(g, type, px / 2, px / 2, Math.min(px - 4, S.styles.types[type].size));
    return c;
  }

  function bubbleRadius(n) {
    const [r0, perDecade, max] = S.styles.bubble;
    return Math.min(r0 + perDecade * Math.log10(Math.max(1, n)), max);
  }

  function clusterLabel(n) {
    return n >= 1000 ? (n / 1000).toFixed(1).replace('.0', '') + 'k' : String(n);
  }

  function binMarkers(fr) {
    const cellM = S.styles.cell_px * fr.res, pad = cellM;
    const ev = S.ev, rows = S.rows, shown = S.shown;
    const cells = new Map();
    for (let j = 0; j < rows.length; j++) {
      const i = rows[j];
      if (shown[i] <= 0) continue;
      const x = ev.mx[i], y = ev.my[i];
      if (x < fr.x0 - pad || x > fr.x1 + pad || y < fr.y0 - pad || y > fr.y1 + pad) continue;
      const key = Math.floor(x / cellM) * 4194304 + Math.floor(y / cellM);
      let c = cells.get(key);
      if (!c) { c = { n: 0, sx: 0, sy: 0, first: i, members: [], alpha: 0 }; cells.set(key, c); }
      c.n++; c.sx += fr.sx(x); c.sy += fr.sy(y); c.members.push(i); c.alpha += shown[i];
    }
    const out = [];
    for (const c of cells.values()) {
      out.push({ n: c.n, x: c.sx / c.n, y: c.sy / c.n, single: c.n === 1 ? c.first : -1, members: c.members, alpha: c.alpha / c.n });
    }
    return out;
  }

  function drawMarkers(g, fr) {
    drawSelectedArea(g, fr);
    drawRings(g, fr);
    const cells = binMarkers(fr);
    S.frame = { cells, fr };
    const fading = S.mode === 'fade' && S.window;
    for (const c of cells) {
      g.globalAlpha = fading ? Math.max(0.12, c.alpha) : 1;
      if (c.single >= 0) {
        const img = symbolImage(S.typeIndex[c.single]), w = img.width / (window.devicePixelRatio || 1);
        g.drawImage(img, c.x - w / 2, c.y - w / 2, w, w);
      } else drawBubble(g, c);
    }
    g.globalAlpha = 1;
    if (S.selected >= 0 && S.ev.mx[S.selected] !== null && S.shown[S.selected] > 0) {
      const sx = fr.sx(S.ev.mx[S.selected]), sy = fr.sy(S.ev.my[S.selected]);
      g.strokeStyle = S.styles.colours.selection; g.lineWidth = 3;
      g.beginPath(); g.arc(sx, sy, 12, 0, 2 * Math.PI); g.stroke();
      paintSymbol(g, S.typeIndex[S.selected], sx, sy);
    }
    updateLegend(cells, fr);
  }

  function drawBubble(g, c) {
    const r = bubbleRadius(c.n);
    g.fillStyle = 'rgba(60,60,72,0.843)'; g.strokeStyle = 'rgba(255,255,255,0.9)'; g.lineWidth = 2;
    g.beginPath(); g.arc(c.x, c.y, r, 0, 2 * Math.PI); g.fill(); g.stroke();
    const byColour = new Map();
    for (const i of c.members) {
      const fill = S.styles.types[S.typeIndex[i]].fill;
      byColour.set(fill, (byColour.get(fill) || 0) + 1);
    }
    const parts = [...byColour.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    let start = -Math.PI / 2;
    g.lineWidth = 4; g.lineCap = 'butt';
    for (const [fill, m] of parts) {
      const span = (2 * Math.PI * m) / c.n;
      g.strokeStyle = fill; g.beginPath(); g.arc(c.x, c.y, r - 3, start, start + span); g.stroke();
      start += span;
    }
    const text = clusterLabel(c.n);
    g.fillStyle = '#ffffff'; g.font = font(text.length < 4 ? 10 : 9, true);
    g.textAlign = 'center'; g.textBaseline = 'middle';
    g.fillText(text, c.x, c.y + 0.5);
    g.textAlign = 'start';
  }

  function drawRings(g, fr) {
    g.setLineDash([4, 3]); g.lineWidth = 1;
    g.strokeStyle = 'rgba(217,72,15,0.667)'; g.fillStyle = 'rgba(217,72,15,0.11)';
    S.ringsDrawn = 0;
    for (const i of S.rows) {
      const r = S.ev.ring_m[i];
      if (!r || S.shown[i] <= 0) continue;
      const rp = r * fr.k, sx = fr.sx(S.ev.mx[i]), sy = fr.sy(S.ev.my[i]);
      if (rp < 4 || sx < -rp || sy < -rp || sx > fr.w + rp || sy > fr.h + rp) continue;
      g.beginPath(); g.arc(sx, sy, rp, 0, 2 * Math.PI); g.fill(); g.stroke();
      S.ringsDrawn++;
    }
    g.setLineDash([]);
  }

  function drawSelectedArea(g, fr) {
    S.areaDrawn = false;
    if (S.selected < 0 || !S.doc) return;
    const area = S.docAreas.get(S.ev.area[S.selected]);
    if (!area || S.ev.location_precision[S.selected] !== 'region' || !area.rings.length) return;
    g.beginPath();
    for (const ring of area.rings) {
      ring.forEach(([x, y], k) => (k ? g.lineTo(fr.sx(x), fr.sy(y)) : g.moveTo(fr.sx(x), fr.sy(y))));
      g.closePath();
    }
    g.fillStyle = 'rgba(31,95,168,0.157)'; g.fill('evenodd');
    g.strokeStyle = '#1f5fa8'; g.lineWidth = 2.5; g.stroke();
    S.areaDrawn = true;
  }

  function hitTest(px, py) {
    if (!S.frame) return null;
    let best = null, d2 = Infinity;
    for (const c of S.frame.cells) {
      const d = (c.x - px) ** 2 + (c.y - py) ** 2;
      if (d < d2) { d2 = d; best = c; }
    }
    if (!best) return null;
    const radius = best.single >= 0 ? S.styles.types[S.typeIndex[best.single]].size / 2 + 3 : bubbleRadius(best.n) + 2;
    return d2 <= radius * radius ? best : null;
  }

  // ---- legend, scale bar, north arrow, credit ---------------------------------------
  function legendSwatch(draw) {
    const c = document.createElement('canvas'), dpr = window.devicePixelRatio || 1;
    c.width = c.height = 18 * dpr; c.style.width = c.style.height = '18px';
    const g = c.getContext('2d'); g.scale(dpr, dpr); draw(g);
    return c;
  }

  let legendKey = '';
  function updateLegend(cells, fr) {
    const box = document.querySelector('.legend-box');
    if (!box) return;
    const types = new Set(), L_ = S.styles.legend, C = S.styles.colours;
    let clusters = false;
    for (const c of cells) { if (c.single >= 0) types.add(S.typeIndex[c.single]); else clusters = true; }
    if (S.selected >= 0 && S.shown[S.selected] > 0 && S.ev.mx[S.selected] !== null) types.add(S.typeIndex[S.selected]);
    const rows = [...types].sort((a, b) => a - b).map((t) => ['Event: ' + S.styles.types[t].name.replace(/_/g, ' '), (g) => paintSymbol(g, t, 9, 9, 13)]);
    if (clusters) rows.push([L_.cluster, (g) => drawBubble(g, { n: 5, x: 9, y: 9, members: [] })]);
    if (S.ringsDrawn) rows.push([L_.ring, (g) => { g.setLineDash([3, 2]); g.strokeStyle = 'rgba(217,72,15,0.667)'; g.fillStyle = 'rgba(217,72,15,0.11)'; g.beginPath(); g.arc(9, 9, 7, 0, 7); g.fill(); g.stroke(); }]);
    if (S.areaDrawn) rows.push([L_.area, (g) => { g.fillStyle = 'rgba(31,95,168,0.157)'; g.strokeStyle = '#1f5fa8'; g.lineWidth = 2; g.fillRect(2, 3, 14, 12); g.strokeRect(2, 3, 14, 12); }]);
    rows.push([L_.mali_algeria_border, (g) => { g.strokeStyle = C.border; g.lineWidth = 2.6; g.beginPath(); g.moveTo(1, 9); g.lineTo(17, 9); g.stroke(); }]);
    rows.push([L_.azawad, (g) => { g.fillStyle = hatchPattern(g); g.fillRect(2, 3, 14, 12); g.setLineDash([3, 2]); g.strokeStyle = C.azawad_edge; g.strokeRect(2, 3, 14, 12); }]);
    rows.push([L_.mali_admin1, (g) => { g.setLineDash([4, 3]); g.strokeStyle = C.admin1_edge; g.beginPath(); g.moveTo(1, 9); g.lineTo(17, 9); g.stroke(); }]);
    rows.push([L_.country_edge, (g) => { g.strokeStyle = C.country_edge; g.beginPath(); g.moveTo(1, 9); g.lineTo(17, 9); g.stroke(); }]);
    rows.push([L_.places, (g) => { g.fillStyle = C.place_dot; g.beginPath(); g.arc(9, 9, 3, 0, 7); g.fill(); }]);
    const key = rows.map((r) => r[0]).join('|');
    if (key === legendKey) return;
    legendKey = key;
    box.replaceChildren(el('div', 'legend-title', 'Legend'));
    for (const [label, draw] of rows) add(box, add(el('div', 'legend-row'), legendSwatch(draw), el('span', '', label)));
    if (baseLayer) setTimeout(() => baseLayer.redraw(), 0);  // its labels keep clear of the new box
  }

  function northArrow() {
    // Web Mercator keeps true north straight up everywhere: the arrow never turns
    const c = document.createElement('canvas'), dpr = window.devicePixelRatio || 1;
    c.width = 24 * dpr; c.height = 44 * dpr; c.style.width = '24px'; c.style.height = '44px';
    c.setAttribute('aria-label', 'North is up');
    const g = c.getContext('2d');
    g.scale(dpr, dpr);
    g.fillStyle = '#1f1f1f'; g.font = font(12, true); g.textAlign = 'center'; g.fillText('N', 12, 11);
    g.strokeStyle = '#1f1f1f'; g.lineWidth = 1;
    g.beginPath(); g.moveTo(12, 16); g.lineTo(4, 42); g.lineTo(12, 36); g.closePath(); g.fill(); g.stroke();
    g.fillStyle = '#ffffff'; g.beginPath(); g.moveTo(12, 16); g.lineTo(20, 42); g.lineTo(12, 36); g.closePath(); g.fill(); g.stroke();
    return c;
  }

  function niceLength(m) {
    const p = Math.pow(10, Math.floor(Math.log10(m)));
    for (const f of [5, 2, 1]) if (f * p <= m) return f * p;
    return p;
  }

  function updateScale() {
    const box = document.querySelector('.scale-box');
    if (!box) return;
    const fr = frameOf(), lat = latOf(HALF - (fr.oy + fr.h / 2) / fr.k);
    const maxPx = Math.min(220, fr.w * 0.3);
    // ground metres per pixel along the parallel through the centre (WGS84 ellipsoid)
    const e2 = 0.00669437999014, phi = lat / DEG;
    const perPx = (fr.res * Math.cos(phi)) / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
    const metres = niceLength(maxPx * perPx), px = metres / perPx;
    const label = metres >= 1000 ? `${(metres / 1000).toLocaleString('en')} km` : `${metres} m`;
    box.replaceChildren(el('div', 'scale-label', label));
    const bar = el('div', 'scale-bar');
    bar.style.width = px + 'px';
    add(box, bar, el('div', 'scale-note', `true at ${Math.abs(lat).toFixed(1)}°${lat >= 0 ? 'N' : 'S'}`));
  }

  function boxControl(position, cls, build) {
    const C = L.Control.extend({ onAdd() { const d = el('div', 'map-box ' + cls); L.DomEvent.disableClickPropagation(d); if (build) build(d); return d; } });
    return new C({ position });
  }

  // ---- the side list (only the rows in view are in the page) ----------------------
  const ROW_H = 46;
  let listRows = new Int32Array(0);

  function chronological(a, b) {
    const da = S.ev.day_lo[a], db = S.ev.day_lo[b];
    if (da !== db) return (da === null ? Infinity : da) - (db === null ? Infinity : db);
    return a - b;
  }

  function updateList() {
    const inView = $('in-view').checked;
    const fr = inView ? frameOf() : null;
    const out = [];
    for (let i = 0; i < S.n; i++) {
      if (S.shown[i] <= 0) continue;
      if (S.ev.part_of[i] && S.docEvents.has(S.ev.part_of[i])) continue;
      if (fr && S.ev.mx[i] !== null) {
        const x = S.ev.mx[i], y = S.ev.my[i];
        if (x < fr.x0 || x > fr.x1 || y < fr.y0 || y > fr.y1) continue;
      }
      out.push(i);
    }
    out.sort(chronological);
    listRows = Int32Array.from(out);
    $('list-count').textContent = `${listRows.length.toLocaleString('en')} of ${S.topLevel.toLocaleString('en')} events` + (inView ? ' in view' : '');
    $('list-inner').style.height = listRows.length * ROW_H + 'px';
    renderListRows();
  }

  function renderListRows() {
    const list = $('list'), inner = $('list-inner');
    const first = Math.max(0, Math.floor(list.scrollTop / ROW_H) - 4);
    const last = Math.min(listRows.length, Math.ceil((list.scrollTop + list.clientHeight) / ROW_H) + 4);
    const items = [];
    for (let k = first; k < last; k++) {
      const i = listRows[k], item = el('div', 'item' + (i === S.selected ? ' selected' : ''));
      item.style.top = k * ROW_H + 'px';
      item.dataset.row = String(i);
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', i === S.selected ? 'true' : 'false');
      add(item, symbolCanvas(S.typeIndex[i], 18), el('div', 't', S.ev.title[i] || titleOf(i)), el('div', 'w', `${S.ev.when[i]} · ${S.ev.where[i]}`));
      items.push(item);
    }
    inner.replaceChildren(...items);
  }

  function titleOf(i) {
    const kind = S.ev.subtype[i] || String(S.ev.type[i] || 'event').replace(/_/g, ' ');
    return S.ev.location[i] ? `${kind}: ${S.ev.location[i]}` : kind;
  }

  function scrollToRow(i) {
    const k = listRows.indexOf(i);
    if (k < 0) return;
    const list = $('list'), top = k * ROW_H;
    if (top < list.scrollTop || top + ROW_H > list.scrollTop + list.clientHeight) list.scrollTop = top - list.clientHeight / 2;
  }

  // ---- filters and the time window ------------------------------------------------
  function computePassing() {
    const q = $('search').value.trim().toLowerCase();
    const actor = $('actor-filter').value, status = $('status-filter').value;
    const pass = new Uint8Array(S.n).fill(1);
    if (q) {
      if (!S.hay) {  // built on the first search: each row's searched words, lower-cased
        S.hay = new Array(S.n);
        for (let i = 0; i < S.n; i++) {
          S.hay[i] = [S.ev.title[i], S.ev.subtype[i], S.ev.notes[i], S.ev.actors[i], S.ev.location[i], S.ev.id[i], S.searchExtra.get(i) || '']
            .join('\u001f').toLowerCase();
        }
      }
      for (let i = 0; i < S.n; i++) if (!S.hay[i].includes(q)) pass[i] = 0;
    }
    if (actor) for (let i = 0; i < S.n; i++) if (pass[i] && !S.actorsOf[i].has(actor)) pass[i] = 0;
    if (status) for (let i = 0; i < S.n; i++) if (pass[i] && !(S.statusesOf.get(i) || new Set()).has(status)) pass[i] = 0;
    S.passing = pass;
  }

  function computeShown() {
    const shown = new Float32Array(S.n), w = S.window, lo = S.ev.day_lo, hi = S.ev.day_hi;
    for (let i = 0; i < S.n; i++) {
      if (!S.passing[i]) continue;
      if (!w) { shown[i] = 1; continue; }
      if (lo[i] === null || hi[i] === null || lo[i] > w[1]) continue;
      if (S.mode === 'window') shown[i] = hi[i] >= w[0] ? 1 : 0;
      else if (S.mode === 'accumulate') shown[i] = 1;
      else shown[i] = Math.min(1, Math.max(0, 1 - Math.max(w[0] - hi[i], 0) / 30));
    }
    // a part is shown with its event (it has no marker of its own)
    S.shown = shown;
  }

  function refresh() {
    computeShown();
    if (baseLayer) baseLayer.redraw();  // its labels make room for the markers shown
    if (markerLayer) markerLayer.redraw();
    updateList();
    drawHistogram();
    updateWindowLabel();
    writeFragment();
  }

  // ---- details ------------------------------------------------------------------------
  function badge(status) {
    const b = el('span', 'badge', S.styles.status_labels[status] || status);
    b.style.background = S.styles.status_colours[status] || '#4b5563';
    return b;
  }

  function link(text, onClick) {
    const a = el('a', 'link', text);
    a.tabIndex = 0;
    a.addEventListener('click', onClick);
    a.addEventListener('keydown', (e) => { if (e.key === 'Enter') onClick(e); });
    return a;
  }

  function actorName(id) {
    const a = S.docActors.get(id);
    return a ? a.name : id;
  }

  function quoteBlock(c) {
    const src = S.docSources.get(c.source);
    const box = el('div', 'quote');
    const text = src && typeof src.text === 'string' ? src.text : null;
    if (text !== null && Number.isInteger(c.start) && Number.isInteger(c.end) && c.end <= text.length) {
      // the cited sentence in its paragraph
      let a = text.lastIndexOf('\n\n', c.start), b = text.indexOf('\n\n', c.end);
      a = a < 0 ? 0 : a + 2; b = b < 0 ? text.length : b;
      add(box, text.slice(a, c.start), el('mark', '', text.slice(c.start, c.end)), text.slice(c.end, b));
    } else if (c.quote) add(box, '“' + c.quote + '”');
    else add(box, el('i', '', c.locator || c.note || 'no quoted text'));
    const where = src ? [src.publisher, src.title, src.published].filter(Boolean).join(' · ') : c.source;
    add(box, el('span', 'src', where + (Number.isInteger(c.start) ? ` — characters ${c.start}–${c.end}` : '')));
    return box;
  }

  function figureLabel(f) {
    if (f.value !== undefined && f.value !== null) {
      const q = f.qualifier && f.qualifier !== 'exact' ? f.qualifier + ' ' : '';
      return `${q}${Number(f.value).toLocaleString('en')} ${f.unit}`;
    }
    if (f.min !== undefined && f.min !== null && f.max !== undefined && f.max !== null) return `${Number(f.min).toLocaleString('en')}–${Number(f.max).toLocaleString('en')} ${f.unit}`;
    return `“${f.text}”`;
  }

  function claimBlock(c) {
    const box = el('div', 'claim');
    box.dataset.claim = c.id;
    add(box, badge(c.status), el('span', 'who', c.claimant ? actorName(c.claimant) : 'Unattributed'), ': ', el('span', '', c.statement));
    if (c.figures && c.figures.length) add(box, el('div', 'small', 'Figures: ' + c.figures.map(figureLabel).join('; ')));
    for (const l of c.links || []) {
      const other = S.docClaims.get(l.claim);
      if (other) add(box, el('div', 'small', `${l.relation} ${other.claimant ? actorName(other.claimant) : 'an unattributed claim'}: ${other.statement}`));
    }
    for (const cit of c.citations || []) add(box, quoteBlock(cit));
    return box;
  }

  function figuresTable(claims) {
    // every figure counting the same thing, side by side, on one axis
    const groups = new Map();
    for (const c of claims) for (const f of c.figures || []) if (f.tally) {
      if (!groups.has(f.tally)) groups.set(f.tally, []);
      groups.get(f.tally).push([c, f]);
    }
    const out = [], order = new Map(S.doc.tallies.map(([t, title], k) => [t, [k, title]]));
    const sorted = [...groups.entries()].sort((a, b) => (order.has(a[0]) ? order.get(a[0])[0] : 99) - (order.has(b[0]) ? order.get(b[0])[0] : 99));
    for (const [tally, rows] of sorted) {
      const max = Math.max(1, ...rows.map(([, f]) => Math.max(f.value || 0, f.max || 0)));
      const table = el('table', 'figures');
      add(table, el('caption', '', order.has(tally) ? order.get(tally)[1] : tally.replace(/-/g, ' ')));
      for (const [c, f] of rows) {
        const tr = el('tr'), barCell = el('td');
        barCell.style.width = '40%';
        if (f.value !== undefined && f.value !== null) { const b = el('div', 'bar'); b.style.width = (100 * f.value) / max + '%'; add(barCell, b); }
        else if (f.min !== undefined && f.min !== null) { const b = el('div', 'range'); b.style.marginLeft = (100 * f.min) / max + '%'; b.style.width = (100 * (f.max - f.min)) / max + '%'; add(barCell, b); }
        add(tr, add(el('td'), c.claimant ? actorName(c.claimant) : 'Unattributed'), add(el('td'), figureLabel(f)), barCell, add(el('td'), badge(c.status)));
        add(table, tr);
      }
      out.push(table);
    }
    return out;
  }

  function showDetails(i) {
    const body = $('details-body');
    body.replaceChildren();
    $('details').hidden = i < 0;
    if (i < 0) return;
    const e = S.docEvents.get(S.ev.id[i]);
    add(body, el('h2', '', S.ev.title[i] || titleOf(i)));
    const kind = String(S.ev.type[i] || '').replace(/_/g, ' ') + (S.ev.subtype[i] ? ' · ' + S.ev.subtype[i] : '');
    add(body, el('p', 'small', kind));
    if (e && e.part_of && S.docEvents.has(e.part_of)) {
      const parent = S.docEvents.get(e.part_of);
      add(body, add(el('p'), 'Part of ', link(parent.title, () => select(S.rowOfId.get(parent.id), true))));
    }
    const when = add(el('p'), el('b', '', 'When: '), S.ev.when[i]);
    if (['day', 'week', 'month', 'year'].includes(S.ev.time_precision[i])) add(when, el('span', 'small', ` (precision: ${S.ev.time_precision[i]})`));
    if (e && e.time.note) add(when, el('div', 'small', e.time.note));
    add(body, when);
    add(body, whereBlock(i, e));
    if (e) {
      if (e.summary) add(body, el('p', '', e.summary));
      const children = S.doc.events.filter((x) => x.part_of === e.id);
      if (children.length) {
        add(body, el('h3', '', 'Within this event'));
        const ul = el('ul');
        for (const x of children) add(ul, add(el('li'), link(x.title, () => showDetails(S.rowOfId.get(x.id)))));
        add(body, ul);
      }
      if (e.actors && e.actors.length) {
        add(body, el('h3', '', 'Actors'));
        const ul = el('ul');
        for (const p of e.actors) add(ul, add(el('li'), el('b', '', actorName(p.actor)), ' — ' + p.role));
        add(body, ul);
      }
      const claims = S.claimsAbout.get(e.id) || [];
      if (claims.length) {
        add(body, el('h3', '', `Claims (${claims.length})`));
        for (const c of claims) add(body, claimBlock(c));
        const tables = figuresTable(claims);
        if (tables.length) { add(body, el('h3', '', 'Figures side by side')); for (const t of tables) add(body, t); }
      }
      add(body, el('h3', '', 'What the source says'));
      for (const c of e.citations || []) add(body, quoteBlock(c));
    } else {
      if (S.ev.actors[i]) add(body, add(el('p'), el('b', '', 'Actors: '), S.ev.actors[i]));
      if (S.ev.fatalities[i] !== null && S.ev.fatalities[i] !== undefined) add(body, add(el('p'), el('b', '', 'Fatalities (as coded): '), String(S.ev.fatalities[i])));
      if (S.ev.notes[i]) add(body, el('p', '', S.ev.notes[i]));
      add(body, el('p', 'small', `Row ${S.ev.id[i]} of ${S.meta.title}`));
    }
  }

  function whereBlock(i, e) {
    const p = add(el('p'), el('b', '', 'Where: '));
    const prec = S.ev.location_precision[i];
    const label = S.styles.precision_labels[prec] || prec;
    const place = e ? S.docPlaces.get(e.location.place) : null;
    if (place && (prec === 'exact' || prec === 'near')) {
      add(p, (prec === 'near' ? 'near ' : '') + place.name + ` (${label})`);
      const ns = place.lat >= 0 ? 'N' : 'S', ew = place.lon >= 0 ? 'E' : 'W';
      add(p, el('div', 'small', `${place.name}: ${Math.abs(place.lat).toFixed(4)}° ${ns}, ${Math.abs(place.lon).toFixed(4)}° ${ew}. These are the place's coordinates${prec === 'near' ? ", not the event's" : ''}.`));
      if (prec === 'near' && e.location.radius_km && !e.location.note) add(p, el('div', 'small', `The ring on the map (${e.location.radius_km} km) only draws 'near'; the source gives no distance.`));
    } else if (prec === 'region' && S.ev.location[i]) add(p, `${S.ev.location[i]} (${label}; no point is implied)`);
    else add(p, S.ev.where[i] + (S.ev.where[i] === label ? '' : ` (${label})`));
    if (e && e.location.note) add(p, el('div', 'small', e.location.note));
    return p;
  }

  function select(i, pan) {
    if (i === undefined || i === null) i = -1;
    S.selected = i;
    showDetails(i);
    if (markerLayer) markerLayer.redraw();
    renderListRows();
    if (i >= 0) {
      scrollToRow(i);
      if (pan && S.ev.mx[i] !== null) {
        const p = toLatLng(S.ev.mx[i], S.ev.my[i]);
        if (!map.getBounds().pad(-0.1).contains(p)) map.panTo(p);
      } else if (pan && S.ev.location_precision[i] === 'region' && S.docAreas.has(S.ev.area[i])) {
        fitArea(S.docAreas.get(S.ev.area[i]));
      }
    }
    writeFragment();
  }

  function fitArea(area) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const ring of area.rings) for (const [x, y] of ring) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
    if (x0 < x1) map.fitBounds(L.latLngBounds(toLatLng(x0, y0), toLatLng(x1, y1)), { padding: [20, 20] });
  }

  // ---- the timeline --------------------------------------------------------------------
  const T = { first: 0, last: 0, drag: null };

  function histogramBins(width) {
    const span = T.last - T.first + 1;
    const per = Math.max(1, Math.ceil(span / Math.max(1, Math.floor(width / 3))));
    const bins = Math.ceil(span / per);
    const counts = new Float64Array(bins);
    const lo = S.ev.day_lo, hi = S.ev.day_hi;
    for (let i = 0; i < S.n; i++) {
      if (!S.passing[i] || lo[i] === null || hi[i] === null) continue;
      const a = Math.floor((lo[i] - T.first) / per), b = Math.floor((hi[i] - T.first) / per);
      for (let k = Math.max(0, a); k <= Math.min(bins - 1, b); k++) counts[k]++;
    }
    return { per, bins, counts };
  }

  function xOfDay(day, w) { return ((day - T.first) / (T.last - T.first + 1)) * w; }
  function dayOfX(x, w) { return Math.round(T.first + (x / w) * (T.last - T.first + 1)); }

  function drawHistogram() {
    const c = $('histogram'), box = $('histogram-box'), dpr = window.devicePixelRatio || 1;
    const w = box.clientWidth, h = box.clientHeight;
    if (!w || !h) return;
    c.width = w * dpr; c.height = h * dpr;
    const g = c.getContext('2d');
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, w, h);
    if (!S.dated) { g.fillStyle = '#6b6b6b'; g.font = font(12); g.fillText('No dated events', 8, h / 2); return; }
    const { per, bins, counts } = histogramBins(w);
    const max = Math.max(1, ...counts), bw = w / bins, axis = 14;
    g.fillStyle = '#f4f2ec'; g.fillRect(0, 0, w, h - axis);
    for (let k = 0; k < bins; k++) {
      if (!counts[k]) continue;
      const bh = Math.max(1, ((h - axis - 4) * counts[k]) / max);
      const day = T.first + k * per;
      const inside = !S.window || (day + per - 1 >= S.window[0] && day <= S.window[1]);
      g.fillStyle = inside ? '#d9480f' : '#c9c2b4';
      g.fillRect(k * bw, h - axis - bh, Math.max(1, bw - 0.5), bh);
    }
    g.fillStyle = '#52677a'; g.font = font(10); g.textBaseline = 'bottom';
    g.fillText(dayText(T.first), 2, h);
    const end = dayText(T.last);
    g.fillText(end, w - g.measureText(end).width - 2, h);
    if (S.window) {
      const a = xOfDay(S.window[0], w), b = xOfDay(S.window[1] + 1, w);
      g.fillStyle = 'rgba(255,179,0,0.22)'; g.fillRect(a, 0, Math.max(2, b - a), h - axis);
      g.strokeStyle = '#b37d00'; g.lineWidth = 2; g.strokeRect(a, 1, Math.max(2, b - a), h - axis - 2);
    }
  }

  function updateWindowLabel() {
    const w = S.window;
    $('window-label').textContent = w ? `${dayText(w[0])}${w[1] !== w[0] ? ' to ' + dayText(w[1]) : ''} · ${S.mode}` : 'Every date shown';
  }

  function setWindow(w) {
    if (w) {
      let [a, b] = w;
      if (a > b) [a, b] = [b, a];
      S.window = [Math.round(a), Math.round(b)];
    } else S.window = null;
    refresh();
  }

  function histogramEvents() {
    const c = $('histogram');
    c.addEventListener('pointerdown', (e) => {
      if (!S.dated) return;
      const w = c.clientWidth, x = e.offsetX, day = dayOfX(x, w);
      c.setPointerCapture(e.pointerId);
      if (S.window) {
        const a = xOfDay(S.window[0], w), b = xOfDay(S.window[1] + 1, w);
        if (Math.abs(x - a) < 6) T.drag = { kind: 'start' };
        else if (Math.abs(x - b) < 6) T.drag = { kind: 'end' };
        else if (x > a && x < b) T.drag = { kind: 'move', from: day, window: S.window.slice() };
      }
      if (!T.drag) { T.drag = { kind: 'new', from: day }; setWindow([day, day]); }
    });
    c.addEventListener('pointermove', (e) => {
      if (!T.drag) return;
      // a window stays within the data's days (the pointer may leave the histogram)
      const day = Math.min(T.last + 1, Math.max(T.first, dayOfX(e.offsetX, c.clientWidth))), d = T.drag;
      if (d.kind === 'start') setWindow([Math.min(day, S.window[1]), S.window[1]]);
      else if (d.kind === 'end') setWindow([S.window[0], Math.max(day - 1, S.window[0])]);
      else if (d.kind === 'move') setWindow([d.window[0] + day - d.from, d.window[1] + day - d.from]);
      else setWindow([d.from, Math.min(day, T.last)]);
    });
    const end = () => { T.drag = null; };
    c.addEventListener('pointerup', end);
    c.addEventListener('pointercancel', end);
    $('mode').addEventListener('change', () => { S.mode = $('mode').value; refresh(); });
    $('window-all').addEventListener('click', () => { stopPlay(); setWindow(null); });
    $('play').addEventListener('click', () => (T.timer ? stopPlay() : startPlay()));
  }

  function startPlay() {
    if (!S.dated) return;
    if (!S.window) S.window = [T.first, T.first + Math.max(0, Math.round((T.last - T.first) / 10))];
    const len = S.window[1] - S.window[0] + 1, step = Math.max(1, Math.round(len / 4));
    if (S.window[0] > T.last) S.window = [T.first, T.first + len - 1];
    $('play').textContent = '❚❚'; $('play').setAttribute('aria-label', 'Pause');
    T.timer = setInterval(() => {
      if (S.window[0] + step > T.last) { stopPlay(); return; }
      setWindow([S.window[0] + step, S.window[1] + step]);
    }, 400);
  }

  function stopPlay() {
    clearInterval(T.timer); T.timer = null;
    $('play').textContent = '▶'; $('play').setAttribute('aria-label', 'Play');
  }

  // ---- the URL fragment: view, selection, time window ------------------------------
  let writing = null;
  function writeFragment() {
    clearTimeout(writing);
    writing = setTimeout(() => {
      const c = map.getCenter(), parts = [`map=${map.getZoom().toFixed(2)}/${c.lat.toFixed(4)}/${c.lng.toFixed(4)}`];
      if (S.selected >= 0) parts.push('event=' + encodeURIComponent(S.ev.id[S.selected]));
      if (S.window) parts.push(`from=${dayText(S.window[0])}`, `to=${dayText(S.window[1])}`, `mode=${S.mode}`);
      const q = $('search').value.trim();
      if (q) parts.push('q=' + encodeURIComponent(q));
      const hash = '#' + parts.join('&');
      if (location.hash !== hash) history.replaceState(null, '', hash);
    }, 150);
  }

  function readFragment() {
    const out = {};
    for (const part of location.hash.replace(/^#/, '').split('&')) {
      const k = part.indexOf('=');
      if (k > 0) {
        try { out[part.slice(0, k)] = decodeURIComponent(part.slice(k + 1)); } catch (err) { /* a broken link: ignored */ }
      }
    }
    return out;
  }

  function applyFragment(initial) {
    const f = readFragment();
    if (f.q !== undefined) { $('search').value = f.q; computePassing(); }
    if (['window', 'accumulate', 'fade'].includes(f.mode)) { S.mode = f.mode; $('mode').value = f.mode; }
    const a = f.from ? dayOf(f.from) : null, b = f.to ? dayOf(f.to) : null;
    if (a !== null || b !== null) S.window = [a !== null ? a : T.first, b !== null ? b : T.last];
    const m = /^(-?[\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)$/.exec(f.map || '');
    let viewSet = false;
    if (m) { map.setView([Number(m[2]), Number(m[3])], Number(m[1]), { animate: false }); viewSet = true; }
    if (f.event !== undefined && S.rowOfId.has(f.event)) {
      computeShown();
      select(S.rowOfId.get(f.event), !viewSet);
    } else if (initial && S.meta.select && S.rowOfId.has(S.meta.select)) {
      computeShown();
      select(S.rowOfId.get(S.meta.select), false);
    }
    return viewSet;
  }

  // ---- about ---------------------------------------------------------------------------
  function buildAbout() {
    const body = $('about-body'), m = S.meta;
    add(body, el('p', '', m.description));
    const [a, b] = m.days;
    const days = a !== null && b !== null ? `from ${dayText(a)} to ${dayText(b)}` : a !== null ? `from ${dayText(a)} on` : b !== null ? `up to ${dayText(b)}` : '';
    if (days) add(body, el('p', 'small', `This page holds the events ${days}; the situation's other events were left out when it was published.`));
    add(body, el('h3', '', 'Where the data comes from'));
    const ul = el('ul');
    for (const s of m.sources) add(ul, el('li', '', s));
    add(body, ul);
    add(body, el('p', 'small', `Made with mapapp ${m.version} on ${m.created}` + (m.data_date ? `; data as of ${m.data_date}` : '') + '.'));
    add(body, el('p', 'small', 'Map drawn with Leaflet 1.9.4 (BSD-2-Clause licence, © Volodymyr Agafonkin, CloudMade). Basemap: Natural Earth 1:10m (public domain); places: GeoNames (CC BY 4.0). This page is one file and makes no request: it works offline.'));
    $('about-open').addEventListener('click', () => { $('about').hidden = false; $('about-close').focus(); });
    $('about-close').addEventListener('click', () => { $('about').hidden = true; });
    $('about').addEventListener('click', (e) => { if (e.target === $('about')) $('about').hidden = true; });
    document.addEventListener('keydown', (e) => { if (e.key === 'Escape') $('about').hidden = true; });
  }

  // ---- start ---------------------------------------------------------------------------
  let markerLayer, baseLayer;

  function indexDocument() {
    S.searchExtra = new Map();
    S.statusesOf = new Map();
    S.actorsOf = [];
    if (!S.doc) {
      for (let i = 0; i < S.n; i++) S.actorsOf.push(new Set((S.ev.actors[i] || '').split('; ').filter(Boolean)));
      return;
    }
    for (const s of S.doc.sources) S.docSources.set(s.id, s);
    for (const a of S.doc.actors) S.docActors.set(a.id, a);
    for (const p of S.doc.places) S.docPlaces.set(p.id, p);
    for (const a of S.doc.areas) S.docAreas.set(a.id, a);
    for (const e of S.doc.events) S.docEvents.set(e.id, e);
    for (const c of S.doc.claims) {
      S.docClaims.set(c.id, c);
      for (const about of c.about || []) {
        const root = rootOf(about);
        for (const id of new Set([about, root])) {
          if (!S.claimsAbout.has(id)) S.claimsAbout.set(id, []);
          if (!S.claimsAbout.get(id).includes(c)) S.claimsAbout.get(id).push(c);
        }
      }
    }
    for (let i = 0; i < S.n; i++) {
      const e = S.docEvents.get(S.ev.id[i]), ids = new Set();
      const claims = S.claimsAbout.get(S.ev.id[i]) || [];
      for (const p of (e && e.actors) || []) ids.add(p.actor);
      for (const c of claims) if (c.claimant) ids.add(c.claimant);
      S.actorsOf.push(ids);
      S.statusesOf.set(i, new Set(claims.map((c) => c.status)));
      S.searchExtra.set(i, claims.map((c) => c.statement + ' ' + actorName(c.claimant || '')).join(' ').toLowerCase() + [...ids].map(actorName).join(' ').toLowerCase());
    }
  }

  function rootOf(id) {
    let e = S.docEvents.get(id);
    const seen = new Set();
    while (e && e.part_of && !seen.has(e.id) && S.docEvents.has(e.part_of)) { seen.add(e.id); e = S.docEvents.get(e.part_of); }
    return e ? e.id : id;
  }

  function fillFilters() {
    const actors = $('actor-filter'), statuses = $('status-filter');
    if (S.doc) {
      for (const a of [...S.docActors.values()].sort((x, y) => (x.name < y.name ? -1 : 1))) actors.appendChild(Object.assign(el('option', '', a.name), { value: a.id }));
      const used = new Set(S.doc.claims.map((c) => c.status));
      for (const [k, v] of Object.entries(S.styles.status_labels)) if (used.has(k)) statuses.appendChild(Object.assign(el('option', '', v), { value: k }));
    } else {
      const counts = new Map();
      for (const set of S.actorsOf) for (const a of set) counts.set(a, (counts.get(a) || 0) + 1);
      for (const [a] of [...counts.entries()].sort((x, y) => y[1] - x[1]).slice(0, 300)) actors.appendChild(Object.assign(el('option', '', a), { value: a }));
      statuses.hidden = true;
    }
    const filtered = () => { computePassing(); refresh(); };
    $('search').addEventListener('input', filtered);
    $('actor-filter').addEventListener('change', filtered);
    $('status-filter').addEventListener('change', filtered);
    $('in-view').addEventListener('change', updateList);
    $('list').addEventListener('scroll', renderListRows);
    $('list').addEventListener('click', (e) => {
      const item = e.target.closest('.item');
      if (item) select(Number(item.dataset.row), true);
    });
    $('list').addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      e.preventDefault();
      const k = listRows.indexOf(S.selected) + (e.key === 'ArrowDown' ? 1 : -1);
      if (k >= 0 && k < listRows.length) select(listRows[k], true);
    });
    $('details-close').addEventListener('click', () => select(-1));
  }

  async function start() {
    S.meta = await readData('mapapp-meta');
    S.styles = S.meta.styles;
    S.base = decodeBasemap(await readData('mapapp-basemap'));
    S.ev = await readData('mapapp-events');
    S.doc = await readData('mapapp-document');
    S.tiles = await readData('mapapp-tiles');
    S.n = S.ev.id.length;
    const typeIndex = new Map(S.styles.types.map((t, k) => [t.name, k]));
    S.reportType = typeIndex.get('report');
    S.typeIndex = Int16Array.from(S.ev.type, (t) => (typeIndex.has(t) ? typeIndex.get(t) : S.reportType));
    S.rowOfId = new Map(S.ev.id.map((id, i) => [id, i]));
    const withMarker = [];
    for (let i = 0; i < S.n; i++) if (S.ev.mx[i] !== null) withMarker.push(i);
    S.rows = Int32Array.from(withMarker);
    indexDocument();
    // the list shows events, their parts are reached through them (as in the window)
    S.topLevel = S.ev.part_of.filter((p) => !(p && S.docEvents.has(p))).length;
    $('title').textContent = S.meta.title;
    document.title = S.meta.title;
    $('subtitle').textContent = `${S.n.toLocaleString('en')} event${S.n === 1 ? '' : 's'}` + (S.meta.data_date ? ` · data as of ${S.meta.data_date}` : '');
    let first = Infinity, last = -Infinity;
    for (let i = 0; i < S.n; i++) {
      if (S.ev.day_lo[i] !== null && S.ev.day_hi[i] !== null) { first = Math.min(first, S.ev.day_lo[i]); last = Math.max(last, S.ev.day_hi[i]); }
    }
    S.dated = Number.isFinite(first);
    T.first = S.dated ? first : 0; T.last = S.dated ? last : 0;

    map = L.map('map', { zoomSnap: 0, zoomDelta: 0.5, wheelPxPerZoomLevel: 90, minZoom: 1, maxZoom: 14, attributionControl: false, keyboard: true, keyboardPanDelta: 120 });
    // fills, then tiles (Leaflet's tile pane, 200), then lines and labels, then events
    map.createPane('fills').style.zIndex = 150;
    map.createPane('basemap').style.zIndex = 250;
    map.createPane('events').style.zIndex = 450;
    const v = S.meta.view;
    map.fitBounds(L.latLngBounds(toLatLng(v[0], v[1]), toLatLng(v[2], v[3])), { animate: false });
    boxControl('topright', 'north-box', (d) => add(d, northArrow())).addTo(map);
    boxControl('bottomleft', 'scale-box').addTo(map);
    // a bottom corner stacks upwards: the credit first keeps it at the map's foot
    boxControl('bottomright', 'credit-box', (d) => add(d, S.meta.attribution)).addTo(map);
    boxControl('bottomright', 'legend-box').addTo(map);
    computePassing();
    const viewSet = applyFragment(true);
    if (!viewSet && S.selected < 0) map.fitBounds(L.latLngBounds(toLatLng(v[0], v[1]), toLatLng(v[2], v[3])), { animate: false });
    computeShown();
    new CanvasLayer(drawFills, 'fills').addTo(map);
    if (S.tiles) tileLayer(S.tiles).addTo(map);
    baseLayer = new CanvasLayer(drawLines, 'basemap').addTo(map);
    markerLayer = new CanvasLayer(drawMarkers, 'events').addTo(map);
    map.on('moveend zoomend', () => { updateScale(); updateList(); writeFragment(); });
    map.on('click', (e) => {
      const hit = hitTest(e.containerPoint.x, e.containerPoint.y);
      if (!hit) return;
      if (hit.single >= 0) { select(hit.single, false); return; }
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (const i of hit.members) { x0 = Math.min(x0, S.ev.mx[i]); x1 = Math.max(x1, S.ev.mx[i]); y0 = Math.min(y0, S.ev.my[i]); y1 = Math.max(y1, S.ev.my[i]); }
      if (x1 - x0 < 1 && y1 - y0 < 1) { map.setView(e.latlng, map.getMaxZoom()); return; }
      map.fitBounds(L.latLngBounds(toLatLng(x0, y0), toLatLng(x1, y1)), { padding: [60, 60], maxZoom: map.getZoom() + 4 });
    });
    const tip = el('div', 'map-tip');
    tip.hidden = true;
    $('map').appendChild(tip);
    map.on('mousemove', (e) => {
      const hit = hitTest(e.containerPoint.x, e.containerPoint.y);
      $('map').style.cursor = hit ? 'pointer' : '';
      tip.hidden = !hit;
      if (!hit) return;
      // the window's tooltip: one event's title and time, or a cluster's count and split
      if (hit.single >= 0) tip.textContent = `${S.ev.title[hit.single] || titleOf(hit.single)} — ${S.ev.when[hit.single]}`;
      else {
        const byType = new Map();
        for (const i of hit.members) byType.set(S.ev.type[i], (byType.get(S.ev.type[i]) || 0) + 1);
        const parts = [...byType.entries()].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${n.toLocaleString('en')} ${String(t).replace(/_/g, ' ')}`);
        tip.textContent = `${hit.n.toLocaleString('en')} events: ${parts.join(', ')} — click to zoom in`;
      }
      tip.style.left = e.containerPoint.x + 14 + 'px';
      tip.style.top = e.containerPoint.y + 14 + 'px';
    });
    map.on('mouseout movestart', () => { tip.hidden = true; });
    // our own writes replace the state and fire nothing; a link pasted or followed does
    window.addEventListener('hashchange', () => { applyFragment(false); refresh(); });
    fillFilters();
    histogramEvents();
    buildAbout();
    updateScale();
    refresh();
    window.addEventListener('resize', () => { drawHistogram(); renderListRows(); });
    // for tests and for anyone scripting the page: where each event's marker is drawn
    window.mapapp = {
      ready: true,
      readyAt: performance.now(),  // ms since the page began loading: its first frame
      markerPoint(id) {
        const i = S.rowOfId.get(id);
        if (i === undefined || S.ev.mx[i] === null) return null;
        const fr = frameOf(), r = $('map').getBoundingClientRect();
        return [fr.sx(S.ev.mx[i]) + r.left, fr.sy(S.ev.my[i]) + r.top];
      },
      drawnMarkers() { return S.frame ? S.frame.cells.reduce((n, c) => n + c.n, 0) : 0; },
      selected() { return S.selected >= 0 ? S.ev.id[S.selected] : null; },
      window() { return S.window ? [dayText(S.window[0]), dayText(S.window[1])] : null; },
      opacity(id) { const i = S.rowOfId.get(id); return i === undefined ? null : S.shown[i]; },
    };
    document.body.dataset.ready = 'true';
  }

  start().catch((err) => {
    const p = el('p', 'noscript', 'This page could not be opened: ' + (err && err.message ? err.message : String(err)));
    document.body.prepend(p);
    throw err;
  });
})();
