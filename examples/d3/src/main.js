// The diplograph graph page: loads graph.json (node-link JSON, see
// ../../shared/spec/README.md) from the server that serves this page and
// draws it with a D3 force layout.
//
// Every string that comes from the articles (labels, aliases, roles, places,
// topics, evidence) is inserted with .text() / textContent, never as HTML.
import {
  drag, forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY,
  scaleSqrt, select, zoom, zoomIdentity,
} from 'd3';

// The kinds' colours of the DOT diagram (darker, for white strokes), and
// link colours none of them uses.
const NODE_COLORS = {
  country: '#3b8fd0',
  organization: '#f28a2e',
  initiative: '#45a845',
  person: '#9aa1a8',
  place: '#a56bd6',
};
const LINK_COLORS = {
  met: '#343a40',
  represents: '#c7ccd1',
  attended: '#dee2e6',
  invited: '#d6336c',
  member_of: '#0c8599',
};
const LINK_NAMES = {
  met: 'met',
  represents: 'represents',
  attended: 'attended',
  invited: 'invited',
  member_of: 'member of',
};
// Centralities the server may attach to nodes (`centrality` object), in the
// order the dropdown lists them.
const MEASURES = {
  engagement: 'engagement (as diplograph partners scores it)',
  pagerank: 'PageRank',
  betweenness: 'betweenness',
  closeness: 'closeness',
  eigenvector: 'eigenvector',
  degree: 'partners (degree centrality)',
  weighted_degree: 'meetings (weighted degree)',
};
const LINKS_MEASURE = 'links';

const svg = select('#graph');
const details = document.getElementById('details');

main().catch((err) => {
  document.getElementById('summary').textContent = `Cannot show the graph: ${err.message}`;
  document.body.dataset.state = 'error';
});

async function main() {
  const response = await fetch('graph.json');
  if (!response.ok) throw new Error(`graph.json: HTTP ${response.status}`);
  const graph = await response.json();
  const nodes = graph.nodes.map((n) => ({ ...n }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const links = graph.links
    .filter((l) => byId.has(l.source) && byId.has(l.target))
    .map((l, i) => ({ ...l, index: i, span: dateSpan(l.date) }));
  for (const n of nodes) n.links = [];
  for (const l of links) {
    byId.get(l.source).links.push(l);
    byId.get(l.target).links.push(l);
  }
  spreadParallelLinks(links);

  const view = draw(nodes, links);
  setupSize(nodes, view);
  const time = setupTime(links, view);
  setupSearch(nodes, view);
  setupPending(links, view);
  setupViews();
  legend();
  time.apply();
  document.body.dataset.state = 'ready';
}

// --- dates -----------------------------------------------------------------

const DAY = 86_400_000;

// A contract date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `--MM-DD` or null) as the
// first and last day (days since 1970) it may be; null when the year is unknown.
function dateSpan(date) {
  if (typeof date !== 'string') return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m) {
    const d = Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY;
    return { start: d, end: d };
  }
  m = /^(\d{4})-(\d{2})$/.exec(date);
  if (m) {
    return { start: Date.UTC(+m[1], +m[2] - 1, 1) / DAY, end: Date.UTC(+m[1], +m[2], 0) / DAY };
  }
  m = /^(\d{4})$/.exec(date);
  if (m) return { start: Date.UTC(+m[1], 0, 1) / DAY, end: Date.UTC(+m[1], 11, 31) / DAY };
  return null;
}

const isoDay = (day) => new Date(day * DAY).toISOString().slice(0, 10);

// --- drawing ---------------------------------------------------------------

// Links between the same two entities get distinct curvatures.
function spreadParallelLinks(links) {
  const groups = new Map();
  for (const l of links) {
    const key = [l.source, l.target].sort().join('\u0000');
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(l);
  }
  for (const group of groups.values()) {
    group.forEach((l, i) => {
      const bend = (i - (group.length - 1) / 2) * 14;
      // Keep the bend on one side whatever the direction the link was stored in.
      l.bend = l.source < l.target ? bend : -bend;
    });
  }
}

function draw(nodes, links) {
  const { width, height } = svg.node().getBoundingClientRect();
  const root = svg.append('g');
  const linkLayer = root.append('g').attr('class', 'links');
  const nodeLayer = root.append('g').attr('class', 'nodes');

  const linkSel = linkLayer
    .selectAll('path')
    .data(links)
    .join('path')
    .attr('class', (l) => `link ${l.kind}`)
    .attr('data-kind', (l) => l.kind)
    .attr('stroke', (l) => LINK_COLORS[l.kind] ?? '#999')
    .on('mouseenter', (_, l) => showLink(l))
    .on('click', (event, l) => { event.stopPropagation(); pin(() => showLink(l)); });

  const nodeSel = nodeLayer
    .selectAll('g')
    .data(nodes)
    .join('g')
    .attr('class', (n) => `node ${n.kind}${n.hub ? ' hub' : ''}`)
    .attr('data-id', (n) => n.id)
    .on('mouseenter', (_, n) => showNode(n))
    .on('click', (event, n) => { event.stopPropagation(); pin(() => showNode(n)); });
  nodeSel.append('circle').attr('fill', (n) => NODE_COLORS[n.kind] ?? '#555');
  // Long organization names are drawn as their acronym (the panel gives both).
  nodeSel.append('text').attr('dy', '0.32em').text((n) => (n.acronym && n.label.length > 24 ? n.acronym : n.label));

  const simulation = forceSimulation(nodes)
    .force('link', forceLink(links).id((n) => n.id).distance((l) => (l.kind === 'met' ? 130 : 80)).strength(0.3))
    .force('charge', forceManyBody().strength(-520))
    .force('center', forceCenter(width / 2, height / 2))
    .force('x', forceX(width / 2).strength(0.04))
    .force('y', forceY(height / 2).strength(0.06))
    .force('collide', forceCollide((n) => n.r + 8))
    .stop();

  const zoomer = zoom().scaleExtent([0.2, 6]).on('zoom', (e) => {
    root.attr('transform', e.transform);
    view.transform = e.transform;
    scheduleLabels(view);
  });
  svg.call(zoomer).on('dblclick.zoom', null);
  svg.on('click', () => { pinned = false; });

  const render = () => {
    linkSel.attr('d', linkPath);
    nodeSel.attr('transform', (n) => `translate(${n.x},${n.y})`);
    scheduleLabels(view);
  };
  simulation.on('tick', render);
  nodeSel.call(
    drag()
      .on('start', (e, n) => { if (!e.active) simulation.alphaTarget(0.2).restart(); n.fx = n.x; n.fy = n.y; })
      .on('drag', (e, n) => { n.fx = e.x; n.fy = e.y; })
      .on('end', (e, n) => { if (!e.active) simulation.alphaTarget(0); n.fx = null; n.fy = null; }),
  );

  const view = {
    svg, nodes, links, linkSel, nodeSel, nodeLayer, simulation, zoomer, width, height, transform: zoomIdentity,
    // Lays the graph out from scratch (synchronously, so the result does not
    // depend on the frame rate) and fits it in the view.
    layout() {
      simulation.alpha(1);
      for (let i = 0; i < 300; i++) simulation.tick();
      render();
      fit(view, 0);
    },
  };
  return view;
}

function linkPath(l) {
  const { x: x1, y: y1 } = l.source;
  const { x: x2, y: y2 } = l.target;
  if (!l.bend) return `M${x1},${y1}L${x2},${y2}`;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy) || 1;
  const cx = (x1 + x2) / 2 - (dy / len) * l.bend * 2;
  const cy = (y1 + y2) / 2 + (dx / len) * l.bend * 2;
  return `M${x1},${y1}Q${cx},${cy} ${x2},${y2}`;
}

// Zooms so that every node and its label is in view.
function fit(view, duration) {
  const { zoomer, width, height } = view;
  const box = view.nodeLayer.node().getBBox();
  if (!box.width && !box.height) return;
  const pad = 24;
  const k = Math.min(1.6, (width - 2 * pad) / Math.max(1, box.width), (height - 2 * pad) / Math.max(1, box.height));
  const t = zoomIdentity.translate(width / 2, height / 2).scale(k).translate(-(box.x + box.width / 2), -(box.y + box.height / 2));
  (duration ? view.svg.transition().duration(duration) : view.svg).call(zoomer.transform, t);
}

// --- node size ---------------------------------------------------------------

function setupSize(nodes, view) {
  const select_ = document.getElementById('size');
  // engagement is on the node itself (partners only), the centralities
  // under `centrality`
  const measureOf = (n, m) => (m === 'engagement' ? n.engagement : n.centrality?.[m]);
  const available = Object.keys(MEASURES).filter((m) => nodes.some((n) => typeof measureOf(n, m) === 'number'));
  for (const [value, name] of [...available.map((m) => [m, MEASURES[m]]), [LINKS_MEASURE, 'links in this graph (computed here)']]) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = name;
    select_.append(option);
  }
  select_.value = available[0] ?? LINKS_MEASURE;
  const apply = () => {
    const measure = select_.value;
    const value = (n) => (measure === LINKS_MEASURE ? n.links.length : measureOf(n, measure) ?? 0);
    const max = Math.max(1e-9, ...nodes.map(value));
    // The hubs are no partners: by engagement they are drawn as large as
    // the most engaged partner.
    const size = (n) => (measure === 'engagement' && n.hub ? max : value(n));
    const radius = scaleSqrt().domain([0, max]).range([6, 26]);
    for (const n of nodes) n.r = radius(size(n));
    view.nodeSel.select('circle').attr('r', (n) => n.r);
    placeLabels(view);
  };
  select_.addEventListener('change', () => { apply(); view.simulation.force('collide').radius((n) => n.r + 8); view.simulation.alpha(0.3).restart(); });
  apply();
  view.simulation.force('collide').radius((n) => n.r + 8);
  view.layout();
}

// --- time slider -------------------------------------------------------------

function setupTime(links, view) {
  const slider = document.getElementById('time');
  const label = document.getElementById('time-label');
  const undated = document.getElementById('undated');
  const people = document.getElementById('people');
  const dated = links.filter((l) => l.span);
  const first = Math.min(...dated.map((l) => l.span.start));
  const last = Math.max(...dated.map((l) => l.span.start));
  if (dated.length) {
    slider.min = first;
    slider.max = last;
    slider.value = last;
  } else {
    slider.disabled = true;
  }
  const summary = document.getElementById('summary');
  const apply = () => {
    const until = +slider.value;
    label.textContent = dated.length ? (until >= last ? `${isoDay(until)} (all)` : isoDay(until)) : 'no dated meetings';
    for (const n of view.nodes) n.hidden = !people.checked && n.kind === 'person';
    // A partial date (a month, a year) counts from its first day.
    for (const l of links) {
      const dated = l.span ? l.span.start <= until : undated.checked;
      l.visible = dated && !l.source.hidden && !l.target.hidden;
    }
    view.linkSel.classed('hidden', (l) => !l.visible);
    view.nodeSel.classed('hidden', (n) => n.hidden);
    view.nodeSel.classed('idle', (n) => n.links.length > 0 && !n.links.some((l) => l.visible));
    const shown = links.filter((l) => l.visible).length;
    const entities = view.nodes.filter((n) => !n.hidden).length;
    summary.textContent = `${entities} of ${view.nodes.length} entities · ${shown} of ${links.length} links shown`;
    summary.dataset.visibleLinks = shown;
    placeLabels(view);
    document.dispatchEvent(new Event('visibility'));
  };
  slider.addEventListener('input', apply);
  undated.addEventListener('change', apply);
  people.addEventListener('change', apply);
  return { apply };
}

// --- search ------------------------------------------------------------------

const fold = (s) => String(s ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

function setupSearch(nodes, view) {
  const input = document.getElementById('search');
  const status = document.getElementById('search-status');
  const list = document.getElementById('entities');
  for (const n of [...nodes].sort((a, b) => a.label.localeCompare(b.label))) {
    const option = document.createElement('option');
    option.value = n.label;
    list.append(option);
  }
  const names = (n) => [n.label, n.id, n.iso, n.acronym, ...(n.aliases ?? [])].filter(Boolean).map(fold);
  const find = (query) => {
    const q = fold(query);
    return nodes.find((n) => names(n).includes(q)) ?? nodes.find((n) => names(n).some((s) => s.includes(q)));
  };
  const run = () => {
    const query = input.value;
    for (const d of nodes) d.highlight = false;
    view.nodeSel.classed('highlight', false).classed('neighbor', false);
    view.linkSel.classed('near', false);
    svg.classed('focus', false);
    status.textContent = '';
    if (!fold(query)) {
      fit(view, 400);
      return;
    }
    const n = find(query);
    if (!n) {
      status.textContent = `No entity matches “${query}”.`;
      return;
    }
    const near = new Set(n.links.map((l) => (l.source === n ? l.target : l.source)));
    for (const d of nodes) d.highlight = d === n;
    view.nodeSel.classed('highlight', (d) => d === n).classed('neighbor', (d) => near.has(d));
    placeLabels(view);
    view.linkSel.classed('near', (l) => l.source === n || l.target === n);
    svg.classed('focus', true);
    status.textContent = `${n.label} (${n.id}): ${near.size} neighbours.`;
    pin(() => showNode(n));
    const k = 2;
    svg.transition().duration(600)
      .call(view.zoomer.transform, zoomIdentity.translate(view.width / 2, view.height / 2).scale(k).translate(-n.x, -n.y));
  };
  input.addEventListener('change', run);
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') run(); });
  input.addEventListener('input', () => { if (!input.value) run(); });
}

// --- pending invitations -------------------------------------------------------

function setupPending(links, view) {
  const toggle = document.getElementById('pending');
  const status = document.getElementById('pending-status');
  const apply = () => {
    // An invitation is pending when the invitee has no member_of link to the
    // same target among the links the time slider shows.
    const joined = new Set(
      links.filter((l) => l.visible && l.kind === 'member_of').map((l) => `${l.source.id}\u0000${l.target.id}`),
    );
    const pending = links.filter((l) => l.visible && l.kind === 'invited' && !joined.has(`${l.source.id}\u0000${l.target.id}`));
    const ends = new Set(pending.flatMap((l) => [l.source, l.target]));
    view.linkSel.classed('pending-invitation', (l) => pending.includes(l));
    view.nodeSel.classed('pending-end', (n) => ends.has(n));
    svg.classed('pending', toggle.checked);
    status.textContent = toggle.checked ? `${pending.length} pending invitation${pending.length === 1 ? '' : 's'}.` : '';
  };
  toggle.addEventListener('change', apply);
  document.addEventListener('visibility', apply);
}

// --- labels ------------------------------------------------------------------

// Labels keep their size on screen whatever the zoom. Placed from the most
// engaged entity down (a highlighted one first), a label that would overlap
// one already placed is hidden, so that no two labels overlap and zooming in
// shows more of them.
const LABEL_GAP = 3;

const weight = (n) => n.engagement ?? n.links.length;

function placeLabels(view) {
  const t = view.transform;
  const texts = view.nodeSel.select('text')
    .classed('culled', false)
    .attr('transform', `scale(${1 / t.k})`)
    .attr('x', (n) => (n.r + LABEL_GAP) * t.k);
  const boxes = new Map();
  texts.each(function (n) {
    const b = this.getBBox();
    boxes.set(n, { w: b.width, h: b.height });
  });
  const order = view.nodes
    .filter((n) => !n.hidden && boxes.get(n)?.w)
    .sort((a, b) => (b.highlight ? 1 : 0) - (a.highlight ? 1 : 0) || weight(b) - weight(a) || b.r - a.r);
  const placed = [];
  const shown = new Set();
  for (const n of order) {
    const { w, h } = boxes.get(n);
    const x = t.x + t.k * (n.x + n.r + LABEL_GAP);
    const y = t.y + t.k * n.y - h / 2;
    const box = { x0: x, y0: y, x1: x + w, y1: y + h };
    if (placed.some((p) => box.x0 < p.x1 && p.x0 < box.x1 && box.y0 < p.y1 && p.y0 < box.y1)) continue;
    placed.push(box);
    shown.add(n);
  }
  texts.classed('culled', (n) => !shown.has(n));
}

// Places the labels once per frame at most (zoom and drag fire often).
function scheduleLabels(view) {
  if (view.labelFrame) return;
  view.labelFrame = requestAnimationFrame(() => {
    view.labelFrame = 0;
    placeLabels(view);
  });
}

// --- the partner graph ---------------------------------------------------------

// Two views of one page: the whole graph, and the partners among themselves
// (partners.json: the hubs left out, partners linked by the events, joint
// meetings, people and initiatives they shared, as `diplograph partners
// --links` gives them), drawn the first time it is chosen.
function setupViews() {
  const status = document.getElementById('view-status');
  const main = document.getElementById('graph');
  const second = document.getElementById('partners');
  let drawn = null;
  const apply = async () => {
    const which = document.querySelector('input[name=view]:checked').value;
    main.classList.toggle('off', which !== 'all');
    second.classList.toggle('off', which !== 'partners');
    document.body.dataset.view = which;
    if (which === 'partners') {
      drawn ??= drawPartners(second, status);
      await drawn;
    }
    status.hidden = which !== 'partners';
  };
  for (const radio of document.querySelectorAll('input[name=view]')) {
    radio.addEventListener('change', () => apply().catch((err) => {
      status.hidden = false;
      status.textContent = `Cannot show the partner graph: ${err.message}`;
    }));
  }
}

async function drawPartners(el, status) {
  const response = await fetch('partners.json');
  if (!response.ok) throw new Error(`partners.json: HTTP ${response.status}`);
  const data = await response.json();
  const byId = new Map(data.nodes.map((n) => [n.id, { ...n, links: [] }]));
  const links = data.links
    .filter((l) => byId.has(l.source) && byId.has(l.target))
    .map((l) => ({ ...l }));
  for (const l of links) {
    byId.get(l.source).links.push(l);
    byId.get(l.target).links.push(l);
  }
  const nodes = [...byId.values()].filter((n) => n.links.length);
  status.dataset.partners = nodes.length;
  const hubs = data.hubs.length === 1 ? 'the hub' : `the ${data.hubs.length} hubs`;
  status.textContent = nodes.length
    ? `${nodes.length} of ${byId.size} partners shared an event, a meeting, a person or an initiative (${links.length} link${links.length === 1 ? '' : 's'}; ${hubs} left out).`
    : `No two of the ${byId.size} partners shared an event, a meeting, a person or an initiative (${hubs} left out).`;

  const svgSel = select(el);
  const { width, height } = el.getBoundingClientRect();
  const root = svgSel.append('g');
  const linkSel = root.append('g').attr('class', 'links')
    .selectAll('line')
    .data(links)
    .join('line')
    .attr('class', 'link partner')
    .attr('stroke', LINK_COLORS.met)
    .attr('stroke-width', (l) => 1.5 + 2 * Math.sqrt(l.weight - 1))
    .on('mouseenter', (_, l) => showPartnerLink(l))
    .on('click', (event, l) => { event.stopPropagation(); pin(() => showPartnerLink(l)); });
  const nodeLayer = root.append('g').attr('class', 'nodes');
  const nodeSel = nodeLayer
    .selectAll('g')
    .data(nodes)
    .join('g')
    .attr('class', (n) => `node ${n.kind}`)
    .attr('data-id', (n) => n.id)
    .on('mouseenter', (_, n) => showPartner(n))
    .on('click', (event, n) => { event.stopPropagation(); pin(() => showPartner(n)); });
  const radius = scaleSqrt().domain([0, Math.max(1, ...nodes.map(weight))]).range([6, 22]);
  for (const n of nodes) n.r = radius(weight(n));
  nodeSel.append('circle').attr('r', (n) => n.r).attr('fill', (n) => NODE_COLORS[n.kind] ?? '#555');
  nodeSel.append('text').attr('dy', '0.32em').text((n) => n.label);

  const simulation = forceSimulation(nodes)
    .force('link', forceLink(links).id((n) => n.id).distance(90).strength(0.4))
    .force('charge', forceManyBody().strength(-300))
    .force('center', forceCenter(width / 2, height / 2))
    .force('x', forceX(width / 2).strength(0.05))
    .force('y', forceY(height / 2).strength(0.05))
    .force('collide', forceCollide((n) => n.r + 6))
    .stop();
  for (let i = 0; i < 300; i++) simulation.tick();
  linkSel
    .attr('x1', (l) => l.source.x).attr('y1', (l) => l.source.y)
    .attr('x2', (l) => l.target.x).attr('y2', (l) => l.target.y);
  nodeSel.attr('transform', (n) => `translate(${n.x},${n.y})`);

  const view = { svg: svgSel, nodes, nodeSel, nodeLayer, width, height, transform: zoomIdentity };
  view.zoomer = zoom().scaleExtent([0.2, 6]).on('zoom', (e) => {
    root.attr('transform', e.transform);
    view.transform = e.transform;
    scheduleLabels(view);
  });
  svgSel.call(view.zoomer).on('dblclick.zoom', null);
  svgSel.on('click', () => { pinned = false; });
  placeLabels(view);
  fit(view, 0);
  placeLabels(view);
  return view;
}

function showPartner(n) {
  if (pinned) return;
  const box = select(details);
  box.selectChildren().remove();
  box.append('h2').text(n.label);
  const dl = box.append('dl');
  for (const [key, value] of [['kind', n.kind], ['id', n.id], ['meetings', n.meetings], ['engagement', n.engagement?.toFixed(3) ?? '-']]) {
    dl.append('dt').text(key);
    dl.append('dd').text(value);
  }
  box.append('h3').text(`linked to ${n.links.length} partner${n.links.length === 1 ? '' : 's'}`);
  const ul = box.append('ul');
  for (const l of n.links) {
    const other = l.source === n ? l.target : l.source;
    ul.append('li').text(`${other.label} (${l.weight})`);
  }
}

function showPartnerLink(l) {
  if (pinned) return;
  const box = select(details);
  box.selectChildren().remove();
  box.append('h2').text(`${l.source.label} — ${l.target.label}`);
  box.append('h3').text(`${l.weight} piece${l.weight === 1 ? '' : 's'} of evidence`);
  const ul = box.append('ul');
  for (const e of l.evidence) ul.append('li').text(evidenceLine(e));
}

// One piece of evidence of a partner link (`kind` as partners --links gives it).
function evidenceLine(e) {
  switch (e.kind) {
    case 'same_event': return `${e.date}, ${e.place}: meetings ${e.meetings.join(', ')}`;
    case 'same_occasion': return `${e.occasion}: meetings ${e.meetings.join(', ')}`;
    case 'joint_meeting': return `meeting ${e.meeting}${e.date ? ` (${e.date})` : ''}, ${e.parties.length} parties`;
    case 'shared_person': return `${e.person}: meetings ${e.meetings.join(', ')}`;
    case 'shared_initiative': return `${e.initiative}: ${e.relations.join(' and ')}`;
    default: return e.kind;
  }
}

// --- legend and details --------------------------------------------------------

function legend() {
  const box = select('#legend');
  box.append('div').attr('class', 'title').text('Entities');
  for (const [kind, color] of Object.entries(NODE_COLORS)) {
    const item = box.append('div');
    item.append('span').attr('class', 'swatch').style('background', color);
    item.append('span').text(kind);
  }
  box.append('div').attr('class', 'title').text('Links');
  for (const [kind, color] of Object.entries(LINK_COLORS)) {
    const item = box.append('div');
    item.append('span').attr('class', 'swatch line').style('background', color);
    item.append('span').text(LINK_NAMES[kind]);
  }
}

let pinned = false;
function pin(show) {
  pinned = false;
  show();
  pinned = true;
}

function showNode(n) {
  if (pinned) return;
  const box = select(details);
  box.selectChildren().remove();
  box.append('h2').text(n.label);
  const dl = box.append('dl');
  const row = (key, value) => {
    if (value === undefined || value === null || value === '') return;
    dl.append('dt').text(key);
    dl.append('dd').text(value);
  };
  row('kind', n.kind);
  row('id', n.id);
  row('ISO', n.iso);
  row('acronym', n.acronym);
  if (n.hub) row('hub', 'a publisher of these releases');
  if (typeof n.engagement === 'number') row('engagement', n.engagement.toFixed(3));
  const roles = [...new Set(n.links.filter((l) => l.source === n && l.role).map((l) => l.role))];
  row('roles', roles.join('; '));
  const meetings = new Map();
  for (const l of n.links) if (!meetings.has(l.meeting)) meetings.set(l.meeting, l);
  const dates = [...meetings.values()].map((l) => l.date).filter(Boolean).sort();
  row('dates', dates.length ? `${dates[0]} … ${dates[dates.length - 1]}` : 'unknown');
  row('topics', [...new Set([...meetings.values()].flatMap((l) => l.topics ?? []))].join(', '));
  if (n.centrality) row('PageRank', n.centrality.pagerank?.toFixed(3));
  const aliases = n.aliases ?? [];
  row('aliases', aliases.length > 6 ? `${aliases.slice(0, 6).join(', ')} and ${aliases.length - 6} more` : aliases.join(', '));
  box.append('h3').text(`${meetings.size} meeting${meetings.size === 1 ? '' : 's'}`);
  const ul = box.append('ul');
  for (const l of [...meetings.values()].sort((a, b) => String(a.date).localeCompare(String(b.date)))) {
    const li = ul.append('li');
    li.append('strong').text(l.date ?? 'undated');
    li.append('span').text([l.place, l.mode].filter(Boolean).map((s) => ` · ${s.replace('_', ' ')}`).join(''));
    const sentence = l.evidence?.[0]?.text;
    if (sentence) li.append('blockquote').text(sentence);
  }
}

function showLink(l) {
  if (pinned) return;
  const box = select(details);
  box.selectChildren().remove();
  box.append('h2').text(`${l.source.label} — ${LINK_NAMES[l.kind] ?? l.kind} — ${l.target.label}`);
  const dl = box.append('dl');
  const row = (key, value) => {
    if (value === undefined || value === null || value === '') return;
    dl.append('dt').text(key);
    dl.append('dd').text(value);
  };
  row('date', l.date ?? 'unknown');
  row('place', l.place);
  row('mode', l.mode?.replace('_', ' '));
  row('role', l.role);
  row('capacity', l.capacity);
  row('topics', (l.topics ?? []).join(', '));
  row('meeting', l.meeting);
  box.append('h3').text('Evidence');
  for (const e of l.evidence ?? []) {
    box.append('blockquote').text(e.text);
    box.append('p').attr('class', 'muted').text(`${e.doc}, bytes ${e.start}–${e.end}`);
  }
}
