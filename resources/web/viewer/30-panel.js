/* part 3: the side list, the filters and the details of an event */
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
    if (isPart(i)) continue;  // reached through its event
    if (fr && S.ev.mx[i] !== null) {
      const x = S.ev.mx[i], y = S.ev.my[i];
      if (x < fr.x0 || x > fr.x1 || y < fr.y0 || y > fr.y1) continue;
    }
    out.push(i);
  }
  out.sort(chronological);
  listRows = Int32Array.from(out);
  $('list-count').textContent = tx(inView ? 'count_in_view' : 'count', { shown: num(listRows.length), total: num(S.topLevel) });
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
  const kind = S.ev.subtype[i] || (S.ev.type[i] ? typeLabel(S.ev.type[i]) : 'event');
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
        S.hay[i] = [S.ev.title[i], S.ev.subtype[i], S.ev.notes[i], S.ev.actor1[i], S.ev.actor2[i], S.ev.actors[i], S.ev.location[i], S.ev.id[i], S.searchExtra.get(i) || '']
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

// a citation's start and end count code points (as Python does), JavaScript's strings
// count UTF-16 units: a character outside the BMP (an emoji) before a span would shift it
const units = new Map();
function unitOffset(src, cp) {
  if (!units.has(src.id)) {
    const at = [0];
    for (const ch of src.text) at.push(at[at.length - 1] + ch.length);
    units.set(src.id, at);
  }
  const at = units.get(src.id);
  return cp >= 0 && cp < at.length ? at[cp] : null;
}

function quoteBlock(c) {
  const src = S.docSources.get(c.source);
  const box = el('div', 'quote');
  const text = src && typeof src.text === 'string' ? src.text : null;
  const start = text !== null && Number.isInteger(c.start) ? unitOffset(src, c.start) : null;
  const end = text !== null && Number.isInteger(c.end) ? unitOffset(src, c.end) : null;
  if (start !== null && end !== null && start <= end) {
    // the cited sentence in its paragraph
    let a = text.lastIndexOf('\n\n', start), b = text.indexOf('\n\n', end);
    a = a < 0 ? 0 : a + 2; b = b < 0 ? text.length : b;
    add(box, text.slice(a, start), el('mark', '', text.slice(start, end)), text.slice(end, b));
  } else if (c.quote) add(box, '“' + c.quote + '”');
  else add(box, el('i', '', c.locator || c.note || tx('no_quote')));
  const where = src ? [src.publisher, src.title, src.published].filter(Boolean).join(' · ') : c.source;
  add(box, el('span', 'src', where + (Number.isInteger(c.start) ? tx('characters', { start: c.start, end: c.end }) : '')));
  return box;
}

function figureLabel(f) {
  if (f.value !== undefined && f.value !== null) {
    const q = f.qualifier && f.qualifier !== 'exact' ? f.qualifier + ' ' : '';
    return `${q}${num(f.value)} ${f.unit}`;
  }
  if (f.min !== undefined && f.min !== null && f.max !== undefined && f.max !== null) return `${Number(f.min).toLocaleString('en')}–${Number(f.max).toLocaleString('en')} ${f.unit}`;
  return `“${f.text}”`;
}

function claimBlock(c) {
  const box = el('div', 'claim');
  box.dataset.claim = c.id;
  add(box, badge(c.status), el('span', 'who', c.claimant ? actorName(c.claimant) : tx('unattributed')), ': ', el('span', '', c.statement));
  if (c.figures && c.figures.length) add(box, el('div', 'small', tx('figures', { figures: c.figures.map(figureLabel).join('; ') })));
  for (const l of c.links || []) {
    const other = S.docClaims.get(l.claim);
    if (other) add(box, el('div', 'small', tx('linked', { relation: S.styles.link_labels[l.relation] || l.relation, claimant: other.claimant ? actorName(other.claimant) : tx('an_unattributed_claim'), statement: other.statement })));
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
      add(tr, add(el('td'), c.claimant ? actorName(c.claimant) : tx('unattributed')), add(el('td'), figureLabel(f)), barCell, add(el('td'), badge(c.status)));
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
  const kind = (S.ev.type[i] ? typeLabel(S.ev.type[i]) : '') + (S.ev.subtype[i] ? ' · ' + S.ev.subtype[i] : '');
  add(body, el('p', 'small', kind));
  if (e && e.part_of && S.rowOfId.has(e.part_of)) {
    const parent = S.rowOfId.get(e.part_of);
    add(body, add(el('p'), tx('part_of'), link(S.ev.title[parent], () => select(parent, true))));
  }
  const when = add(el('p'), el('b', '', tx('when')), S.ev.when[i]);
  if (['day', 'week', 'month', 'year'].includes(S.ev.time_precision[i])) add(when, el('span', 'small', tx('precision', { precision: S.styles.time_precision_labels[S.ev.time_precision[i]] })));
  if (e && e.time.note) add(when, el('div', 'small', e.time.note));
  add(body, when);
  add(body, whereBlock(i, e));
  if (e) {
    if (e.summary) add(body, el('p', '', e.summary));
    const children = S.doc.events.filter((x) => x.part_of === e.id && S.rowOfId.has(x.id));
    if (children.length) {
      add(body, el('h3', '', tx('within')));
      const ul = el('ul');
      for (const x of children) add(ul, add(el('li'), link(x.title, () => select(S.rowOfId.get(x.id), true))));
      add(body, ul);
    }
    if (e.actors && e.actors.length) {
      add(body, el('h3', '', tx('actors')));
      const ul = el('ul');
      for (const p of e.actors) add(ul, add(el('li'), el('b', '', actorName(p.actor)), ' — ' + p.role));
      add(body, ul);
    }
    const claims = S.claimsAbout.get(e.id) || [];
    if (claims.length) {
      add(body, el('h3', '', tx('claims', { n: claims.length })));
      for (const c of claims) add(body, claimBlock(c));
      const tables = figuresTable(claims);
      if (tables.length) { add(body, el('h3', '', tx('figures_side'))); for (const t of tables) add(body, t); }
    }
    add(body, el('h3', '', tx('what_source_says')));
    for (const c of e.citations || []) add(body, quoteBlock(c));
  } else {
    const main = [S.ev.actor1[i], S.ev.actor2[i]].filter(Boolean);
    if (main.length) add(body, add(el('p'), el('b', '', tx('actors_colon')), main.join(' · ')));
    const also = (S.ev.actors[i] || '').split('; ').filter((a) => a && !main.includes(a));
    if (also.length) add(body, add(el('p'), el('b', '', tx('with')), also.join('; ')));
    if (S.ev.fatalities[i] !== null && S.ev.fatalities[i] !== undefined) add(body, add(el('p'), el('b', '', tx('fatalities')), num(S.ev.fatalities[i])));
    if (S.ev.notes[i]) add(body, el('p', '', S.ev.notes[i]));
    add(body, el('p', 'small', tx('row_of', { id: S.ev.id[i], title: S.meta.title })));
  }
}

function isPart(i) {
  return !!(S.ev.part_of[i] && S.rowOfId.has(S.ev.part_of[i]));
}

function oneSpot(members) {
  const x = S.ev.mx[members[0]], y = S.ev.my[members[0]];
  return members.every((i) => Math.abs(S.ev.mx[i] - x) < 1 && Math.abs(S.ev.my[i] - y) < 1);
}

const SPOT_LISTED = 500;
function showSpot(members) {
  // events coded to one point (ACLED's town-level rows): no zoom splits them, so list them
  select(-1);
  const body = $('details-body');
  $('details').hidden = false;
  const rows = [...members].sort(chronological);
  add(body, el('h2', '', count('spot', rows.length)));
  add(body, el('p', 'small', tx('spot_hint')));
  const ul = el('ul');
  for (const i of rows.slice(0, SPOT_LISTED)) add(ul, add(el('li'), link(S.ev.title[i] || titleOf(i), () => select(i, false)), ` — ${S.ev.when[i]}`));
  add(body, ul);
  if (rows.length > SPOT_LISTED) add(body, el('p', 'small', tx('spot_more', { n: num(rows.length - SPOT_LISTED) })));
}

function whereBlock(i, e) {
  const p = add(el('p'), el('b', '', tx('where')));
  const prec = S.ev.location_precision[i];
  const label = S.styles.precision_labels[prec] || prec;
  const place = e ? S.docPlaces.get(e.location.place) : null;
  if (place && (prec === 'exact' || prec === 'near')) {
    add(p, tx(prec === 'near' ? 'near_place' : 'place', { place: place.name, precision: label }));
    const ns = place.lat >= 0 ? 'N' : 'S', ew = place.lon >= 0 ? 'E' : tx('west');
    const coords = { place: place.name, lat: num(Math.abs(place.lat), 4), ns, lon: num(Math.abs(place.lon), 4), ew };
    add(p, el('div', 'small', tx(prec === 'near' ? 'place_coordinates_near' : 'place_coordinates', coords)));
    if (prec === 'near' && e.location.radius_km && !e.location.note) add(p, el('div', 'small', tx('ring_note', { km: num(e.location.radius_km) })));
  } else if (prec === 'region' && S.ev.location[i]) add(p, tx('region_place', { area: S.ev.location[i], precision: label }));
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

