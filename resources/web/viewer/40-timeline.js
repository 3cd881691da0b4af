/* part 4: the timeline: histogram, draggable window, play */
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
// the day under a pixel, within the data's days (the pointer may leave the histogram)
function dayOfX(x, w) {
  return Math.min(T.last, Math.max(T.first, Math.floor(T.first + (x / w) * (T.last - T.first + 1))));
}

function drawHistogram() {
  const c = $('histogram'), box = $('histogram-box'), dpr = window.devicePixelRatio || 1;
  const w = box.clientWidth, h = box.clientHeight;
  if (!w || !h) return;
  c.width = w * dpr; c.height = h * dpr;
  const g = c.getContext('2d');
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, w, h);
  if (!S.dated) { g.fillStyle = '#6b6b6b'; g.font = font(12); g.fillText(tx('no_dated'), 8, h / 2); return; }
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
  g.fillText(dateWords(T.first), 2, h);
  const end = dateWords(T.last);
  g.fillText(end, w - g.measureText(end).width - 2, h);
  if (S.window) {
    const a = xOfDay(S.window[0], w), b = xOfDay(S.window[1] + 1, w);
    g.fillStyle = 'rgba(255,179,0,0.22)'; g.fillRect(a, 0, Math.max(2, b - a), h - axis);
    g.strokeStyle = '#b37d00'; g.lineWidth = 2; g.strokeRect(a, 1, Math.max(2, b - a), h - axis - 2);
  }
}

function updateWindowLabel() {
  const w = S.window;
  const span = w && w[1] !== w[0] ? tx('span', { first: dateWords(w[0]), last: dateWords(w[1]) }) : w ? dateWords(w[0]) : '';
  $('window-label').textContent = w ? `${span} · ${tx('mode_' + S.mode)}` : tx('every_date');
}

function ordered(w) {
  return w ? [Math.round(Math.min(w[0], w[1])), Math.round(Math.max(w[0], w[1]))] : null;
}

function setWindow(w) {
  S.window = ordered(w);
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
    const day = dayOfX(e.offsetX, c.clientWidth), d = T.drag;
    if (d.kind === 'start') setWindow([Math.min(day, S.window[1]), S.window[1]]);
    else if (d.kind === 'end') setWindow([S.window[0], Math.max(day, S.window[0])]);
    else if (d.kind === 'move') {
      // moved whole: its length kept, within the data's days
      const shift = Math.min(T.last - d.window[1], Math.max(T.first - d.window[0], day - d.from));
      setWindow([d.window[0] + shift, d.window[1] + shift]);
    } else setWindow([d.from, day]);
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
  let w = S.window || [T.first, T.first + Math.max(0, Math.round((T.last - T.first) / 10))];
  const len = w[1] - w[0] + 1, step = Math.max(1, Math.round(len / 4));
  if (w[0] > T.last) w = [T.first, T.first + len - 1];  // played to the end: from the start
  setWindow(w);
  $('play').textContent = '❚❚'; $('play').setAttribute('aria-label', tx('pause'));
  T.timer = setInterval(() => {
    if (S.window[0] + step > T.last) { stopPlay(); return; }
    setWindow([S.window[0] + step, S.window[1] + step]);
  }, 400);
}

function stopPlay() {
  clearInterval(T.timer); T.timer = null;
  $('play').textContent = '▶'; $('play').setAttribute('aria-label', tx('play'));
}

