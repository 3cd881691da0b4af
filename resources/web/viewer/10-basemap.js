/* part 1: the basemap (fills, tiles, lines and labels) in the window's style */
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
    labels.push([hemisphere(lon, 'E', tx('west')), sx, true]);
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
  // name: the situation's (English) key; label: as the page's language writes it
  const candidates = S.base.places.map((f) => [String(f.props.name || ''), String(f.props.label || f.props.name || ''), f.bbox[0], f.bbox[1], Number(f.props.rank || 3)]);
  for (const [name, x, y] of S.meta.extra_places) candidates.push([name, name, x, y, 1]);
  const shown = [];
  for (const [key, name, x, y, placeRank] of candidates) {
    const focus = focusNames.has(key);
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
    const name = String(f.props.label || f.props.name || '');
    if (name && (f.bbox[2] - f.bbox[0]) / fr.res > 90) items.push([name.toUpperCase().split('').join(' '), f, font(13), C.country_text]);
  }
  if (fr.res < 4000) for (const f of S.base.mali_admin1) if (f.props.name) items.push([String(f.props.label || f.props.name), f, font(11, false, true), C.admin1_edge]);
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

