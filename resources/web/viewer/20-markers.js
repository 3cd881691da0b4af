/* part 2: markers, clusters, rings, the selected area; legend, scale bar, north arrow */
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
  const rows = [...types].sort((a, b) => a - b).map((t) => [tx('event_type', { type: S.styles.types[t].label }), (g) => paintSymbol(g, t, 9, 9, 13)]);
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
  box.replaceChildren(el('div', 'legend-title', tx('legend')));
  for (const [label, draw] of rows) add(box, add(el('div', 'legend-row'), legendSwatch(draw), el('span', '', label)));
  if (baseLayer) setTimeout(() => baseLayer.redraw(), 0);  // its labels keep clear of the new box
}

function northArrow() {
  // Web Mercator keeps true north straight up everywhere: the arrow never turns
  const c = document.createElement('canvas'), dpr = window.devicePixelRatio || 1;
  c.width = 24 * dpr; c.height = 44 * dpr; c.style.width = '24px'; c.style.height = '44px';
  c.setAttribute('aria-label', tx('north_up'));
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
  const label = metres >= 1000 ? `${num(metres / 1000)} km` : `${num(metres)} m`;
  box.replaceChildren(el('div', 'scale-label', label));
  const bar = el('div', 'scale-bar');
  bar.style.width = px + 'px';
  add(box, bar, el('div', 'scale-note', tx('true_at', { latitude: `${num(Math.abs(lat), 1)}°${lat >= 0 ? 'N' : 'S'}` })));
}

function boxControl(position, cls, build) {
  const C = L.Control.extend({ onAdd() { const d = el('div', 'map-box ' + cls); L.DomEvent.disableClickPropagation(d); if (build) build(d); return d; } });
  return new C({ position });
}

