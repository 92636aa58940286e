// Draws one series as SVG: actuals, one-step forecasts with their interval, the horizon ahead, model changes.
// Pure drawing, no state: app.js owns the data. Text goes in through textContent only, never markup.
'use strict';
const StreamcastChart = (() => {
  const NS = 'http://www.w3.org/2000/svg';
  const W = 900, H = 340, L = 56, R = 10, T = 12, B = 28;

  function el(name, attrs, parent) {
    const e = document.createElementNS(NS, name);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }

  function text(parent, x, y, s, cls, anchor) {
    const t = el('text', { x: x, y: y, class: cls, 'text-anchor': anchor || 'start' }, parent);
    t.textContent = s;
    return t;
  }

  // Times in UTC, as precise as the visible span needs (series steps range from seconds to days).
  function fmtTime(ms, span) {
    const iso = new Date(ms).toISOString();
    if (span === undefined || span < 3600e3) return iso.slice(11, 19);
    if (span < 2 * 86400e3) return iso.slice(5, 16).replace('T', ' ');
    return iso.slice(0, 10);
  }

  // With a step (axis ticks): just enough decimals to tell ticks apart; otherwise six significant digits.
  function fmtNum(v, step) {
    const a = Math.abs(v);
    if (a >= 1e7 || (a > 0 && a < 1e-4)) return v.toExponential(3);
    if (step > 0) return v.toFixed(Math.min(6, Math.max(0, Math.ceil(-Math.log10(step)))));
    return String(Number(v.toPrecision(6)));
  }

  function path(points, sx, sy, key) {
    return points.map((p, i) => (i ? 'L' : 'M') + sx(p.ts).toFixed(1) + ' ' + sy(p[key]).toFixed(1)).join(' ');
  }

  function bandPath(points, sx, sy) {
    if (points.length === 0) return '';
    const up = points.map((p, i) => (i ? 'L' : 'M') + sx(p.ts).toFixed(1) + ' ' + sy(p.upper).toFixed(1));
    const down = points.slice().reverse().map(p => 'L' + sx(p.ts).toFixed(1) + ' ' + sy(p.lower).toFixed(1));
    return up.join(' ') + ' ' + down.join(' ') + ' Z';
  }

  /** m = {actual:[{ts,value,imputed}], past:[{ts,mean,lower,upper}], ahead:[...], versions:[{ts,version}]} */
  function draw(svg, m) {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    svg.dataset.points = String(m.actual.length);
    if (m.actual.length === 0) {
      text(svg, W / 2, H / 2, m.empty || 'waiting for data…', 'empty', 'middle');
      return;
    }
    const all = m.actual.map(p => p.ts).concat(m.ahead.map(p => p.ts), m.past.map(p => p.ts));
    const t0 = Math.min.apply(null, all), t1 = Math.max.apply(null, all);
    const ys = [];
    m.actual.forEach(p => ys.push(p.value));
    m.past.concat(m.ahead).forEach(p => ys.push(p.lower, p.upper, p.mean));
    let y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    if (y1 - y0 < 1e-9) { y0 -= 1; y1 += 1; }
    const pad = (y1 - y0) * 0.05; y0 -= pad; y1 += pad;
    const sx = t => L + (t1 === t0 ? 0.5 : (t - t0) / (t1 - t0)) * (W - L - R);
    const sy = v => T + (1 - (v - y0) / (y1 - y0)) * (H - T - B);

    for (let i = 0; i <= 4; i++) {
      const v = y0 + (y1 - y0) * i / 4, y = sy(v);
      el('line', { x1: L, x2: W - R, y1: y, y2: y, class: 'axis' }, svg);
      text(svg, L - 4, y + 4, fmtNum(v, (y1 - y0) / 4), 'tick', 'end');
    }
    for (let i = 0; i <= 3; i++) {
      const t = t0 + (t1 - t0) * i / 3;
      text(svg, sx(t), H - 8, fmtTime(t, t1 - t0), 'tick', i === 0 ? 'start' : i === 3 ? 'end' : 'middle');
    }
    // The horizon fans out from the last actual, so line and band both start there.
    const last = m.actual[m.actual.length - 1];
    const ahead = [{ ts: last.ts, mean: last.value, lower: last.value, upper: last.value }].concat(m.ahead);
    el('path', { d: bandPath(m.past, sx, sy), class: 'band' }, svg);
    el('path', { d: bandPath(ahead, sx, sy), class: 'ahead-band' }, svg);
    if (m.past.length > 1) el('path', { d: path(m.past, sx, sy, 'mean'), class: 'forecast' }, svg);
    m.versions.forEach(v => {
      const x = sx(v.ts);
      el('line', { x1: x, x2: x, y1: T, y2: H - B, class: 'version' }, svg);
      text(svg, x + 3, T + 10, 'v' + v.version, 'version-label');
    });
    el('path', { d: path(m.actual, sx, sy, 'value'), class: 'actual' }, svg);
    m.actual.forEach(p => el('circle', { cx: sx(p.ts), cy: sy(p.value), r: 2,
      class: 'actual-dot' + (p.imputed ? ' imputed' : '') }, svg));
    el('path', { d: path(ahead, sx, sy, 'mean'), class: 'ahead' }, svg);
  }

  function sparkline(svg, values) {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    if (values.length < 2) return;
    const max = Math.max(1, Math.max.apply(null, values));
    const pts = values.map((v, i) => (i * 300 / (values.length - 1)).toFixed(1) + ',' + (58 - v / max * 54).toFixed(1));
    el('polyline', { points: pts.join(' ') }, svg);
  }

  return { draw: draw, sparkline: sparkline, fmtNum: fmtNum, fmtTime: fmtTime };
})();
