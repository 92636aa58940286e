// The dashboard's data side: polls this instance's JSON endpoints and keeps a short history per selected series
// in the page (the server keeps only the latest forecast per series). Every string from the server reaches the
// page through textContent, never innerHTML: a series named "<img onerror=...>" is shown, not run.
'use strict';
(() => {
  const SERIES_POLL_MS = 1000, STATS_POLL_MS = 2000, LIST_POLL_MS = 10000, KEEP = 300;
  const $ = id => document.getElementById(id);
  let selected = null;   // { id, actual: Map ts->point, fc: Map ts->forecast, versions: [], latest, lastVersion }
  let listQuery = '';
  let prevStats = null;
  const rates = [];

  function fresh(id) {
    return { id: id, actual: new Map(), fc: new Map(), versions: [], latest: null, lastVersion: undefined, state: null };
  }

  async function getJson(path) {
    const r = await fetch(path, { cache: 'no-store' });
    let body = null;
    try { body = await r.json(); } catch (e) { body = null; }
    return { status: r.status, body: body, retry: r.headers.get('Retry-After') };
  }

  function setDl(dl, rows) {
    while (dl.firstChild) dl.removeChild(dl.firstChild);
    rows.forEach(([k, v]) => {
      const dt = document.createElement('dt'); dt.textContent = k;
      const dd = document.createElement('dd'); dd.textContent = v;
      dl.appendChild(dt); dl.appendChild(dd);
    });
  }

  // Forecast values at full precision (6 significant digits); meters and scores at 3, which is all they mean.
  const num = v => (v === null || v === undefined || !isFinite(v)) ? '–' : StreamcastChart.fmtNum(v);
  const num3 = v => (v === null || v === undefined || !isFinite(v)) ? '–' : String(Number(v.toPrecision(3)));
  const conn = (s, bad) => { $('conn').textContent = s; $('conn').style.color = bad ? '#b91c1c' : ''; };

  // ---- series list ----
  async function loadList() {
    try {
      const r = await getJson('/series?limit=300&q=' + encodeURIComponent(listQuery));
      if (r.status !== 200 || !r.body) { $('series-count').textContent = 'series list unavailable, retrying'; return; }
      renderList(r.body.series, r.body.truncated, r.body.instances);
      if (!selected && r.body.series.length > 0 && !location.hash) select(r.body.series[0]);
    } catch (e) { $('series-count').textContent = 'cannot reach the server'; }
  }

  function renderList(ids, truncated, instances) {
    const ul = $('series-list');
    while (ul.firstChild) ul.removeChild(ul.firstChild);
    ids.forEach(id => {
      const li = document.createElement('li');
      li.textContent = id;
      li.title = id;
      li.setAttribute('role', 'option');
      if (selected && selected.id === id) li.className = 'selected';
      li.addEventListener('click', () => select(id));
      ul.appendChild(li);
    });
    const down = (instances || []).filter(i => !i.ok).length;
    $('series-count').textContent = ids.length + (truncated ? '+' : '') + ' series from ' + (instances || []).length
      + ' instance(s)' + (down ? ', ' + down + ' not answering' : '');
  }

  function select(id) {
    selected = fresh(id);
    history.replaceState(null, '', '#series=' + encodeURIComponent(id));
    $('series-title').textContent = id;
    $('served-by').textContent = '';
    document.querySelectorAll('#series-list li').forEach(li => { li.className = li.textContent === id ? 'selected' : ''; });
    render();
    pollSeries();
  }

  // ---- one series ----
  async function pollSeries() {
    const s = selected;
    if (!s) return;
    let r;
    try { r = await getJson('/series/' + encodeURIComponent(s.id)); } catch (e) { conn('server unreachable', true); return; }
    if (s !== selected) return;
    if (r.status === 503) { conn('rebalancing: retry in ' + (r.retry || '?') + ' s', true); return; }
    if (r.status === 404) { s.empty = 'no forecast for this series yet'; render(); return; }
    if (r.status !== 200 || !r.body) { conn('error ' + r.status, true); return; }
    conn('');
    absorb(s, r.body);
    render();
  }

  function absorb(s, body) {
    const f = body.latest_forecast;
    s.state = body.state;
    s.servedBy = body.served_by;
    if (s.latest && f.ts <= s.latest.ts) return;
    s.latest = f;
    if (f.value !== null) s.actual.set(f.ts, { ts: f.ts, value: f.value, imputed: f.imputed });
    if (s.lastVersion !== undefined && f.model_version !== s.lastVersion) s.versions.push({ ts: f.ts, version: f.model_version });
    s.lastVersion = f.model_version;
    f.horizon.forEach((h, k) => {
      const old = s.fc.get(h.ts);
      if (h.mean !== null && (!old || old.lead > k + 1)) s.fc.set(h.ts, { ts: h.ts, mean: h.mean, lower: h.lower, upper: h.upper, lead: k + 1 });
    });
    trim(s);
  }

  function trim(s) {
    const ts = Array.from(s.actual.keys()).sort((a, b) => a - b);
    if (ts.length <= KEEP) return;
    const cut = ts[ts.length - KEEP];
    ts.filter(t => t < cut).forEach(t => s.actual.delete(t));
    Array.from(s.fc.keys()).filter(t => t < cut).forEach(t => s.fc.delete(t));
    s.versions = s.versions.filter(v => v.ts >= cut);
  }

  function render() {
    const s = selected;
    if (!s) return;
    const actual = Array.from(s.actual.values()).sort((a, b) => a.ts - b.ts);
    const lastTs = s.latest ? s.latest.ts : -Infinity;
    const firstTs = actual.length ? actual[0].ts : Infinity;
    const past = Array.from(s.fc.values()).filter(p => p.ts <= lastTs && p.ts >= firstTs).sort((a, b) => a.ts - b.ts);
    const ahead = s.latest ? s.latest.horizon.filter(h => h.mean !== null) : [];
    StreamcastChart.draw($('chart'), { actual: actual, past: past, ahead: ahead, versions: s.versions, empty: s.empty });
    $('plotted').textContent = actual.length + ' points plotted (collected since selection)';
    $('served-by').textContent = s.servedBy ? 'owned by ' + s.servedBy : '';
    renderSeriesStats(s, actual);
    renderHorizon(ahead);
  }

  function renderSeriesStats(s, actual) {
    // Each actual is scored against the shortest-lead forecast the page saw for it (lead 1 when polls keep up).
    let n = 0, abs = 0, inside = 0, leads = 0;
    actual.forEach(p => {
      const f = s.fc.get(p.ts);
      if (f && !p.imputed) {
        n++; leads += f.lead; abs += Math.abs(p.value - f.mean);
        if (p.value >= f.lower && p.value <= f.upper) inside++;
      }
    });
    const st = s.state || {}, f = s.latest || {};
    setDl($('series-stats'), [
      ['points seen', st.points === undefined ? '–' : String(st.points)],
      ['last value', num(f.value) + (f.imputed ? ' (imputed)' : '')],
      ['last ts', f.ts ? new Date(f.ts).toISOString() : '–'],
      ['model version', f.model_version === undefined ? '–' : 'v' + f.model_version + (f.warm ? '' : ' (warming up)')],
      ['forecast MAE (plotted)', n ? num3(abs / n) + ' over ' + n + ', mean lead ' + (leads / n).toFixed(1) : '–'],
      ['interval coverage', n ? (100 * inside / n).toFixed(0) + '% of ' + n : '–'],
      ['recent error / scale', num3(st.recent_error_mean_scaled)],
    ]);
  }

  function renderHorizon(ahead) {
    const tb = $('horizon').tBodies[0];
    while (tb.firstChild) tb.removeChild(tb.firstChild);
    const span = ahead.length ? ahead[ahead.length - 1].ts - ahead[0].ts : 0;
    ahead.forEach(h => {
      const tr = document.createElement('tr');
      [StreamcastChart.fmtTime(h.ts, span), num(h.mean), num(h.lower), num(h.upper)].forEach(v => {
        const td = document.createElement('td'); td.textContent = v; tr.appendChild(td);
      });
      tb.appendChild(tr);
    });
  }

  // ---- instance stats ----
  async function pollStats() {
    let r;
    try { r = await getJson('/stats'); } catch (e) { conn('server unreachable', true); return; }
    if (r.status !== 200 || !r.body) return;
    const st = r.body;
    $('instance').textContent = st.instance;
    $('model-version').textContent = 'v' + st.model_version;
    const pill = $('streams-state');
    pill.textContent = st.streams;
    pill.className = 'pill ' + (st.streams === 'RUNNING' ? 'ok' : 'bad');
    let rate = null;
    if (prevStats && st.at_ms > prevStats.at_ms) {
      rate = (st.events_accepted - prevStats.events_accepted) / ((st.at_ms - prevStats.at_ms) / 1000);
      rates.push(rate);
      if (rates.length > 90) rates.shift();
    }
    prevStats = st;
    StreamcastChart.sparkline($('rate'), rates);
    const dlq = Object.entries(st.dead_letters).filter(([, v]) => v > 0).map(([k, v]) => k + ' ' + v).join(', ');
    setDl($('throughput'), [
      ['events/s', rate === null ? '–' : rate.toFixed(0)],
      ['events accepted', String(st.events_accepted)],
      ['forecasts', String(st.forecasts)],
      ['dead letters', dlq || 'none'],
      ['step p50 / p99', num3(st.step_ms.p50) + ' / ' + num3(st.step_ms.p99) + ' ms'],
    ]);
    setDl($('accuracy'), [
      ['one-step error / scale', 'mean ' + num3(st.onestep_error_scaled.mean) + ', p50 ' + num3(st.onestep_error_scaled.p50)
        + ', p90 ' + num3(st.onestep_error_scaled.p90)],
      ['training runs', st.training.runs + ' (' + st.training.published + ' published, ' + st.training.rejected + ' rejected)'],
      ['model versions here', ''],
    ]);
    const ol = $('model-versions');
    while (ol.firstChild) ol.removeChild(ol.firstChild);
    st.model_versions.forEach(v => {
      const li = document.createElement('li');
      li.textContent = 'v' + v.version + ' since ' + new Date(v.since_ms).toLocaleTimeString();
      ol.appendChild(li);
    });
  }

  let searchTimer = null;
  $('search').addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => { listQuery = $('search').value.trim(); loadList(); }, 250);
  });

  const hash = location.hash.match(/^#series=(.+)$/);
  if (hash) { try { select(decodeURIComponent(hash[1])); } catch (e) { /* a broken hash just selects nothing */ } }
  loadList();
  pollStats();
  setInterval(pollSeries, SERIES_POLL_MS);
  setInterval(pollStats, STATS_POLL_MS);
  setInterval(loadList, LIST_POLL_MS);
})();
