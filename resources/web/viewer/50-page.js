/* part 5: the URL fragment, About, and putting the page together */
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
  // a followed link shows what it names: what it does not say is reset
  const f = readFragment();
  if (f.q !== undefined || !initial) $('search').value = f.q || '';
  computePassing();
  S.mode = ['window', 'accumulate', 'fade'].includes(f.mode) ? f.mode : 'window';
  $('mode').value = S.mode;
  const a = f.from ? dayOf(f.from) : null, b = f.to ? dayOf(f.to) : null;
  S.window = a !== null || b !== null ? ordered([a !== null ? a : T.first, b !== null ? b : T.last]) : null;
  const v = (f.map || '').split('/').map(Number);
  const viewSet = v.length === 3 && v.every(Number.isFinite);
  if (viewSet) {
    const zoom = Math.min(map.getMaxZoom(), Math.max(map.getMinZoom(), v[0]));
    map.setView([Math.min(85, Math.max(-85, v[1])), ((((v[2] + 180) % 360) + 360) % 360) - 180], zoom, { animate: false });
  }
  computeShown();
  if (f.event !== undefined && S.rowOfId.has(f.event)) select(S.rowOfId.get(f.event), !viewSet);
  else if (initial && S.meta.select && S.rowOfId.has(S.meta.select)) select(S.rowOfId.get(S.meta.select), false);
  else if (!initial) select(-1);
  return viewSet;
}

// ---- the page's fixed words, in its language ---------------------------------------
function staticTexts() {
  document.documentElement.lang = S.text.lang;
  const set = (id, key) => { $(id).textContent = tx(key); };
  const label = (id, key) => { $(id).setAttribute('aria-label', tx(key)); };
  set('about-open', 'about'); set('about-title', 'about'); label('about-close', 'about_close');
  $('search').placeholder = tx('search'); label('search', 'search');
  $('actor-filter').options[0].textContent = tx('every_actor'); label('actor-filter', 'actor_label');
  $('status-filter').options[0].textContent = tx('any_status'); label('status-filter', 'claim_status_label');
  $('in-view').parentNode.lastChild.textContent = ' ' + tx('in_view');
  label('map', 'map_label'); label('side', 'events_label'); label('list', 'events_label');
  label('timeline', 'timeline_label'); label('histogram', 'histogram_label');
  label('details-close', 'close_details'); label('play', 'play'); label('mode', 'mode_label');
  for (const o of $('mode').options) o.textContent = tx('mode_' + o.value);
  set('window-all', 'all_time');
}

function typeLabel(t) {
  const style = S.styles.types.find((x) => x.name === t);
  return style ? style.label : String(t).replace(/_/g, ' ');
}

// ---- about ---------------------------------------------------------------------------
function buildAbout() {
  const body = $('about-body'), m = S.meta;
  add(body, el('p', '', m.description));
  const [a, b] = m.days;
  const days = a !== null && b !== null ? tx('days_from_to', { first: dateWords(a), last: dateWords(b) })
    : a !== null ? tx('days_from', { first: dateWords(a) }) : b !== null ? tx('days_to', { last: dateWords(b) }) : '';
  if (days) add(body, el('p', 'small', tx('holds_days', { days })));
  add(body, el('h3', '', tx('sources_title')));
  const ul = el('ul');
  for (const s of m.sources) add(ul, el('li', '', s));
  add(body, ul);
  const date = m.data_date && dayOf(m.data_date) !== null ? dateWords(dayOf(m.data_date)) : m.data_date;
  const made = { version: m.version, created: m.created, date };
  add(body, el('p', 'small', tx(m.data_date ? 'made_with_date' : 'made_with', made)));
  add(body, el('p', 'small', tx('credits')));
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
    for (let i = 0; i < S.n; i++) {
      const named = [S.ev.actor1[i], S.ev.actor2[i], ...(S.ev.actors[i] || '').split('; ')];
      S.actorsOf.push(new Set(named.filter(Boolean)));
    }
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
  S.text = S.meta.texts;
  staticTexts();
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
  S.topLevel = S.ev.part_of.filter((p) => !(p && S.rowOfId.has(p))).length;
  $('title').textContent = S.meta.title;
  document.title = S.meta.title;
  const dataDate = S.meta.data_date && dayOf(S.meta.data_date) !== null ? dateWords(dayOf(S.meta.data_date)) : S.meta.data_date;
  $('subtitle').textContent = count('events_total', S.n) + (S.meta.data_date ? ' · ' + tx('data_as_of', { date: dataDate }) : '');
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
  applyFragment(true);
  new CanvasLayer(drawFills, 'fills').addTo(map);
  if (S.tiles) tileLayer(S.tiles).addTo(map);
  baseLayer = new CanvasLayer(drawLines, 'basemap').addTo(map);
  markerLayer = new CanvasLayer(drawMarkers, 'events').addTo(map);
  map.on('moveend zoomend', () => { updateScale(); updateList(); writeFragment(); });
  map.on('click', (e) => {
    const hit = hitTest(e.containerPoint.x, e.containerPoint.y);
    if (!hit) return;
    if (hit.single >= 0) { select(hit.single, false); return; }
    if (oneSpot(hit.members)) { showSpot(hit.members); return; }  // zooming would not split it
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const i of hit.members) { x0 = Math.min(x0, S.ev.mx[i]); x1 = Math.max(x1, S.ev.mx[i]); y0 = Math.min(y0, S.ev.my[i]); y1 = Math.max(y1, S.ev.my[i]); }
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
      const parts = [...byType.entries()].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${num(n)} ${typeLabel(t)}`);
      tip.textContent = tx(oneSpot(hit.members) ? 'tip_cluster_list' : 'tip_cluster_zoom', { count: count('events_total', hit.n), types: parts.join(', ') });
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
  const reason = err && err.message ? err.message : String(err);
  const p = el('p', 'noscript', S.text ? tx('could_not_open', { reason }) : 'This page could not be opened: ' + reason);
  document.body.prepend(p);
  throw err;
});
