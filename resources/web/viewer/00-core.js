/* mapapp's published page, part 0: helpers, the page's data, the state every part reads,
 * and the canvas layer and label placer the drawing parts use. The parts are joined in
 * their names' order inside one function by mapapp/publish/page.py. */
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
  for (const name of index.order) {
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

// the page's words, made in its language when it was published (mapapp/publish/page_text.py)
function tx(key, vars) {
  let s = S.text[key];
  if (typeof s !== 'string') return key;
  if (vars) s = s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
  return s;
}

function count(key, n) {
  const [one, many] = S.text[key];
  const single = S.text.lang === 'fr' ? n < 2 : n === 1;  // French: 0 and 1 are singular
  return (single ? one : many).replace('{n}', num(n));
}

function num(n, digits) {
  const lang = S.text.lang || 'en';
  if (digits === undefined) return Number(n).toLocaleString(lang);
  return Number(n).toLocaleString(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

// a day as a person reads it: ISO 8601 in English (as mapapp writes it), words in French
function dateWords(day) {
  if (S.text.lang === 'en') return dayText(day);
  const format = new Intl.DateTimeFormat(S.text.lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return format.format(new Date(day * 86400000));
}

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

