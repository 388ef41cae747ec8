// End-to-end test of the graph page in headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core; no browser is downloaded).
//
// Starts `diplograph serve examples/corpus --port 0`, loads the page and
// checks it against the served graph.json: drawn nodes and links, node size
// by engagement, colours, the people toggle, labels that never overlap, the
// time slider, the search box, hover details, pending invitations; saves
// output/d3-page.png. Then serves a graph of multilateral meetings and checks
// the partner view against partners.json, the releases of two publishers
// (examples/two-publishers: two hubs), and a graph whose article text is
// hostile HTML and checks that it is shown as text, never run or parsed. The
// page must ask nothing of any other server.
//
// Environment: DIPLOGRAPH (the binary; default: `cargo build --release` and
// $CARGO_TARGET_DIR/release/diplograph), CHROMIUM (default /usr/bin/chromium).
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const HOSTILE = '<img src=x onerror=alert(1)>';

function binary() {
  if (process.env.DIPLOGRAPH) return path.resolve(process.env.DIPLOGRAPH);
  execFileSync('cargo', ['build', '--release', '--quiet'], { cwd: repo, stdio: 'inherit' });
  const target = path.resolve(repo, process.env.CARGO_TARGET_DIR ?? 'target');
  return path.join(target, 'release', 'diplograph');
}

// Starts `diplograph serve PATH --port 0` and resolves with the printed URL.
function serve(bin, input) {
  const child = spawn(bin, ['serve', input, '--port', '0', '--quiet'], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error(`no URL from diplograph serve: ${out}`)); }, 60_000);
    child.on('exit', (code) => reject(new Error(`diplograph serve exited with ${code}: ${out}`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({ url, stop: () => { child.removeAllListeners('exit'); child.kill(); } });
      }
    });
  });
}

// The same reading of partial dates as the page: first day, or null without a year.
function start(date) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date ?? '');
  return m ? Date.UTC(+m[1], (+m[2] || 1) - 1, +m[3] || 1) / 86_400_000 : null;
}

const checks = [];
async function check(name, fn) {
  await fn();
  checks.push(name);
  console.log(`ok - ${name}`);
}

async function openPage(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on('request', (r) => { if (!r.url().startsWith(url)) problems.push(`request to another origin: ${r.url()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.goto(url);
  await page.waitForSelector('body[data-state=ready]', { timeout: 20_000 });
  return { page, problems };
}

const visibleLinks = (page) => page.$$eval('#graph path.link', (ps) => ps.filter((p) => getComputedStyle(p).display !== 'none').length);
const setSlider = (page, value) => page.$eval('#time', (el, v) => { el.value = String(v); el.dispatchEvent(new Event('input')); }, value);

async function corpusPage(context, bin) {
  const server = await serve(bin, 'examples/corpus');
  try {
    const graph = await (await fetch(`${server.url}graph.json`)).json();
    const { page, problems } = await openPage(context, server.url);

    await check('every node and link of graph.json is drawn', async () => {
      assert.ok(graph.nodes.length > 5 && graph.links.length > 10, 'the example corpus gives a graph');
      assert.equal(await page.locator('#graph g.node').count(), graph.nodes.length);
      assert.equal(await page.locator('#graph path.link').count(), graph.links.length);
      assert.equal(await visibleLinks(page), graph.links.length);
      const ids = await page.$$eval('#graph g.node', (gs) => gs.map((g) => g.dataset.id).sort());
      assert.deepEqual(ids, graph.nodes.map((n) => n.id).sort());
      const drawn = await page.$$eval('#graph path.link', (ps) => ps.every((p) => /^M[-\d.]+,[-\d.]+[LQ]/.test(p.getAttribute('d'))));
      assert.ok(drawn, 'every link has a path');
    });

    await check('node size follows the chosen centrality', async () => {
      const options = await page.$$eval('#size option', (os) => os.map((o) => o.value));
      assert.deepEqual(options, ['engagement', 'pagerank', 'betweenness', 'closeness', 'eigenvector', 'degree', 'weighted_degree', 'links']);
      assert.equal(await page.$eval('#size', (s) => s.value), 'engagement', 'engagement by default');
      const radius = (id) => page.$eval(`g.node[data-id="${id}"] circle`, (c) => +c.getAttribute('r'));
      // engagement is that of `diplograph partners`: partners only
      const byEngagement = graph.nodes.filter((n) => typeof n.engagement === 'number').sort((a, b) => b.engagement - a.engagement);
      assert.ok(byEngagement[0].engagement > byEngagement.at(-1).engagement);
      assert.ok(await radius(byEngagement[0].id) > await radius(byEngagement.at(-1).id));
      // the hub, no partner, as large as the most engaged partner; people the smallest
      const hub = graph.nodes.find((n) => n.hub);
      assert.equal(hub.id, 'org:icesco');
      assert.equal(await radius(hub.id), await radius(byEngagement[0].id));
      const person = graph.nodes.find((n) => n.kind === 'person');
      assert.equal(await radius(person.id), 6);
      await page.selectOption('#size', 'pagerank');
      const byRank = [...graph.nodes].filter((n) => n.centrality).sort((a, b) => b.centrality.pagerank - a.centrality.pagerank);
      assert.ok(await radius(byRank[0].id) > await radius(byRank.at(-1).id));
      await page.selectOption('#size', 'links');
      const degree = (id) => graph.links.filter((l) => l.source === id || l.target === id).length;
      const byDegree = [...graph.nodes].sort((a, b) => degree(b.id) - degree(a.id));
      assert.ok(await radius(byDegree[0].id) > await radius(byDegree.at(-1).id));
      await page.selectOption('#size', 'engagement');
    });

    await check('organizations, countries, people and met links each have their colour', async () => {
      const fills = await page.$$eval('#graph g.node', (gs) => gs.map((g) => [g.classList[1], g.querySelector('circle').getAttribute('fill')]));
      const strokes = await page.$$eval('#graph path.link', (ps) => ps.map((p) => [p.dataset.kind, p.getAttribute('stroke')]));
      const colour = new Map();
      for (const [kind, c] of [...fills.map(([k, c]) => [`node ${k}`, c]), ...strokes.map(([k, c]) => [`link ${k}`, c])]) {
        assert.ok(!colour.has(kind) || colour.get(kind) === c, `one colour per ${kind}`);
        colour.set(kind, c);
      }
      for (const kind of ['node organization', 'node country', 'node person', 'link met', 'link invited', 'link member_of']) {
        assert.ok(colour.has(kind), `${kind} drawn`);
      }
      assert.equal(new Set(colour.values()).size, colour.size, `distinct colours: ${[...colour].join(' ')}`);
    });

    await check('the people toggle hides people and their links', async () => {
      const people = new Set(graph.nodes.filter((n) => n.kind === 'person').map((n) => n.id));
      assert.ok(people.size > 0);
      const shownPeople = () => page.$$eval('#graph g.node.person', (gs) => gs.filter((g) => getComputedStyle(g).display !== 'none').length);
      assert.equal(await shownPeople(), people.size);
      await page.uncheck('#people');
      assert.equal(await shownPeople(), 0);
      const without = graph.links.filter((l) => !people.has(l.source) && !people.has(l.target)).length;
      assert.ok(without < graph.links.length);
      assert.equal(await visibleLinks(page), without);
      assert.match(await page.textContent('#summary'), new RegExp(`^${graph.nodes.length - people.size} of ${graph.nodes.length} entities`));
      await page.check('#people');
      assert.equal(await shownPeople(), people.size);
      assert.equal(await visibleLinks(page), graph.links.length);
    });

    await check('labels never overlap; zooming in shows more of them', async () => {
      const labels = () => page.$$eval('#graph g.node text', (ts) => {
        const shown = ts.filter((t) => getComputedStyle(t).display !== 'none' && getComputedStyle(t.parentNode).display !== 'none');
        return { culled: ts.length - shown.length, boxes: shown.map((t) => t.getBoundingClientRect().toJSON()) };
      });
      const overlaps = ({ boxes }) => boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5));
      const box = await page.locator('#graph').boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const zoomBy = async (delta) => { for (let i = 0; i < 6; i++) await page.mouse.wheel(0, delta); await page.waitForTimeout(300); };
      const start = await labels();
      assert.deepEqual(overlaps(start), [], 'as laid out');
      await zoomBy(400);
      const out = await labels();
      assert.deepEqual(overlaps(out), [], 'zoomed out');
      assert.ok(out.culled > start.culled, `zoomed out, more labels are hidden (${out.culled} > ${start.culled})`);
      await zoomBy(-400);
      await zoomBy(-400);
      const near = await labels();
      assert.deepEqual(overlaps(near), [], 'zoomed in');
      assert.ok(near.culled < out.culled, `zoomed in, fewer labels are hidden (${near.culled} < ${out.culled})`);
      await page.fill('#search', '');
      await page.press('#search', 'Enter');
      await page.waitForTimeout(500);
    });

    await check('the partner view draws the links of partners --links', async () => {
      const partners = await (await fetch(`${server.url}partners.json`)).json();
      // the example corpus is a star but for the Coalition: Azerbaijan a member, Peru invited
      assert.deepEqual(partners.links.map((l) => [l.source, l.target, l.evidence[0].kind]), [['country:AZ', 'country:PE', 'shared_initiative']]);
      await page.check('input[name=view][value=partners]');
      await page.waitForSelector('#view-status:not([hidden])');
      assert.match(await page.textContent('#view-status'), new RegExp(`^2 of ${partners.nodes.length} partners shared .* \\(1 link; the hub left out\\)`));
      await page.hover('#partners line.link', { force: true });
      assert.ok((await page.textContent('#details')).includes('initiative:humanitarian-coalition: member and invited'));
      assert.ok(await page.$eval('#graph', (s) => getComputedStyle(s).display === 'none'));
      await page.check('input[name=view][value=all]');
      assert.ok(await page.$eval('#partners', (s) => getComputedStyle(s).display === 'none'));
    });

    await check('the time slider hides the links of later meetings', async () => {
      const starts = [...new Set(graph.links.map((l) => start(l.date)).filter((s) => s !== null))].sort((a, b) => a - b);
      assert.ok(starts.length >= 3, 'several meeting dates');
      const expected = (until, undated) => graph.links.filter((l) => (start(l.date) === null ? undated : start(l.date) <= until)).length;
      for (const until of [starts[0], starts[1], starts[Math.floor(starts.length / 2)]]) {
        await setSlider(page, until);
        assert.equal(await visibleLinks(page), expected(until, true), `until day ${until}`);
      }
      assert.ok(await visibleLinks(page) < graph.links.length, 'the count drops');
      await setSlider(page, starts[0]);
      assert.ok(await page.locator('#graph g.node.idle').count() > 0, 'entities without a shown link are dimmed');
      const label = await page.textContent('#time-label');
      assert.equal(label, new Date(starts[0] * 86_400_000).toISOString().slice(0, 10));
      await setSlider(page, starts.at(-1));
      assert.equal(await visibleLinks(page), graph.links.length);
    });

    await check('search highlights an entity, by name or French alias, and zooms to it', async () => {
      const target = graph.nodes.find((n) => n.id === 'country:NO');
      const before = await page.getAttribute('#graph > g', 'transform');
      await page.fill('#search', 'Norvège');
      await page.press('#search', 'Enter');
      await page.waitForTimeout(800);
      assert.deepEqual(await page.$$eval('#graph g.node.highlight', (gs) => gs.map((g) => g.dataset.id)), [target.id]);
      assert.ok(await page.locator('#graph g.node.neighbor').count() > 0);
      assert.ok(await page.$eval('#graph', (s) => s.classList.contains('focus')));
      assert.notEqual(await page.getAttribute('#graph > g', 'transform'), before, 'the view moved');
      assert.equal(await page.textContent('#details h2'), target.label);
      await page.fill('#search', 'no such entity');
      await page.press('#search', 'Enter');
      assert.match(await page.textContent('#search-status'), /No entity matches/);
      assert.equal(await page.locator('#graph g.node.highlight').count(), 0);
      await page.fill('#search', '');
    });

    await check('hovering shows role, dates, topics and the evidence sentence', async () => {
      await page.click('#graph', { position: { x: 5, y: 5 } });
      await page.hover('#graph g.node[data-id="person:ingrid-solberg"] circle', { force: true });
      const details = await page.textContent('#details');
      const link = graph.links.find((l) => l.source === 'person:ingrid-solberg' && l.kind === 'represents');
      assert.ok(details.includes(link.role), 'role');
      assert.ok(details.includes(link.date), 'date');
      for (const t of link.topics) assert.ok(details.includes(t), `topic ${t}`);
      assert.ok(details.includes(link.evidence[0].text), 'evidence');
    });

    await check('the toggle highlights pending invitations', async () => {
      const joined = new Set(graph.links.filter((l) => l.kind === 'member_of').map((l) => `${l.source} ${l.target}`));
      const pending = graph.links.filter((l) => l.kind === 'invited' && !joined.has(`${l.source} ${l.target}`));
      assert.ok(pending.length > 0, 'the corpus has a pending invitation');
      await page.check('#pending');
      assert.equal(await page.locator('#graph path.link.pending-invitation').count(), pending.length);
      assert.match(await page.textContent('#pending-status'), new RegExp(`^${pending.length} pending`));
      await page.uncheck('#pending');
    });

    await check('screenshot output/d3-page.png', async () => {
      await page.click('#graph', { position: { x: 5, y: 5 } });
      await page.waitForTimeout(500);
      await page.hover('#graph g.node[data-id="country:NO"] circle', { force: true });
      mkdirSync(path.join(repo, 'output'), { recursive: true });
      await page.screenshot({ path: path.join(repo, 'output', 'd3-page.png') });
    });

    await check('no script error on the page', async () => assert.deepEqual(problems, []));
    await page.close();
  } finally {
    server.stop();
  }
}

// ICESCO meets Japan and UNESCO together, Senegal and Tunisia on one day in
// Niamey, France alone; Senegal once more in Dakar.
async function partnerPage(context, bin, dir) {
  const meeting = (id, date, place, parties) => ({
    id, doc: `${id}.txt`, headline: `Headline of ${id}`, lang: 'en', date, place, mode: 'in_person', parties,
    participants: [], attendees: [], topics: ['culture'], invitations: [], memberships: [],
    evidence: [{ doc: `${id}.txt`, start: 0, end: 4, text: `Evidence of ${id}.` }],
  });
  const entity = (id, kind, name) => ({ id, kind, name, aliases: [] });
  const file = path.join(dir, 'partners-graph.json');
  writeFileSync(file, JSON.stringify({
    meetings: [
      meeting('m-1', '2023-04-11', 'Paris', ['org:icesco', 'country:JP', 'org:unesco']),
      meeting('m-2', '2023-06-02', 'Niamey', ['org:icesco', 'country:SN']),
      meeting('m-3', '2023-06-02', 'Niamey', ['org:icesco', 'country:TN']),
      meeting('m-4', '2023-07-09', 'Rabat', ['org:icesco', 'country:FR']),
      meeting('m-5', '2023-09-20', 'Dakar', ['org:icesco', 'country:SN']),
    ],
    entities: [
      entity('org:icesco', 'organization', 'ICESCO'), entity('org:unesco', 'organization', 'UNESCO'),
      entity('country:JP', 'country', 'Japan'), entity('country:SN', 'country', 'Senegal'),
      entity('country:TN', 'country', 'Tunisia'), entity('country:FR', 'country', 'France'),
    ],
  }));
  const server = await serve(bin, file);
  try {
    const partners = await (await fetch(`${server.url}partners.json`)).json();
    const { page, problems } = await openPage(context, server.url);
    await check('the partner view draws the partners who shared a meeting or an event, without the hub', async () => {
      assert.deepEqual(partners.links.map((l) => [l.source, l.target]), [['country:JP', 'org:unesco'], ['country:SN', 'country:TN']]);
      await page.check('input[name=view][value=partners]');
      await page.waitForSelector('#view-status:not([hidden])');
      const ids = await page.$$eval('#partners g.node', (gs) => gs.map((g) => g.dataset.id).sort());
      assert.deepEqual(ids, ['country:JP', 'country:SN', 'country:TN', 'org:unesco']);
      assert.equal(await page.locator('#partners line.link').count(), partners.links.length);
      assert.match(await page.textContent('#view-status'), /^4 of 5 partners shared/);
      const radius = (id) => page.$eval(`#partners g.node[data-id="${id}"] circle`, (c) => +c.getAttribute('r'));
      assert.ok(await radius('country:SN') > await radius('country:TN'), 'sized by engagement');
      await page.hover('#partners line.link >> nth=1', { force: true });
      const details = await page.textContent('#details');
      assert.ok(details.includes('2023-06-02, Niamey: meetings m-2, m-3'), details);
      await page.hover('#partners g.node[data-id="org:unesco"] circle', { force: true });
      assert.ok((await page.textContent('#details')).includes('Japan (1)'));
      await page.hover('#partners line.link >> nth=0', { force: true });
      assert.ok((await page.textContent('#details')).includes('meeting m-1 (2023-04-11), 3 parties'));
      assert.deepEqual(problems, []);
    });
    await page.close();
  } finally {
    server.stop();
  }
}

// The releases of ICESCO and ALECSO: two hubs, both marked and both left
// out of the partner view.
async function twoPublishersPage(context, bin) {
  const server = await serve(bin, 'examples/two-publishers');
  try {
    const graph = await (await fetch(`${server.url}graph.json`)).json();
    const partners = await (await fetch(`${server.url}partners.json`)).json();
    const { page, problems } = await openPage(context, server.url);
    await check('several publishers: every hub is marked, sized as the most engaged partner, and out of the partner view', async () => {
      assert.deepEqual(graph.graph.hubs, ['org:icesco', 'org:alecso']);
      const marked = await page.$$eval('#graph g.node.hub', (gs) => gs.map((g) => g.dataset.id).sort());
      assert.deepEqual(marked, ['org:alecso', 'org:icesco']);
      const radius = (id) => page.$eval(`#graph g.node[data-id="${id}"] circle`, (c) => +c.getAttribute('r'));
      assert.equal(await radius('org:alecso'), await radius('org:icesco'));
      assert.equal(await radius('org:icesco'), 26);
      assert.ok(await radius('country:JP') > await radius('country:OM'), 'Japan, met by both hubs, weighs more');
      await page.hover('#graph g.node[data-id="org:alecso"] circle', { force: true });
      assert.ok((await page.textContent('#details')).includes('a publisher of these releases'));
      assert.deepEqual(partners.hubs, ['org:icesco', 'org:alecso']);
      assert.ok(partners.nodes.every((n) => !partners.hubs.includes(n.id)));
      await page.check('input[name=view][value=partners]');
      await page.waitForSelector('#view-status:not([hidden])');
      // Tunisia and Morocco, at ALECSO's tripartite meeting, are the one link
      assert.deepEqual(partners.links.map((l) => [l.source, l.target]), [['country:MA', 'country:TN']]);
      assert.match(await page.textContent('#view-status'), /^2 of 5 partners shared .*\(1 link; the 2 hubs left out\)/);
      assert.deepEqual(problems, []);
    });
    await page.close();
  } finally {
    server.stop();
  }
}

async function hostilePage(context, bin, dir) {
  const evidence = { doc: 'x.txt', start: 0, end: 1, text: `${HOSTILE} <script>alert(2)</script>` };
  const entity = (id, kind, name) => ({ id, kind, name, aliases: [HOSTILE] });
  const file = path.join(dir, 'graph.json');
  writeFileSync(file, JSON.stringify({
    meetings: [{
      id: 'm-1', doc: 'x.txt', headline: HOSTILE, lang: 'en', date: '2024-01-02', place: HOSTILE, mode: null,
      parties: ['org:icesco', 'country:JP'],
      participants: [{ person: 'person:x', role: HOSTILE, represents: 'country:JP' }],
      attendees: [], topics: [HOSTILE], invitations: [], memberships: [], evidence: [evidence],
    }],
    entities: [
      entity('org:icesco', 'organization', 'ICESCO'),
      entity('country:JP', 'country', HOSTILE),
      entity('person:x', 'person', `<b>${HOSTILE}</b>`),
    ],
  }));
  const server = await serve(bin, file);
  try {
    const { page, problems } = await openPage(context, server.url);
    await check('article text with HTML in it is shown as text', async () => {
      assert.equal(await page.textContent('#graph g.node[data-id="country:JP"] text'), HOSTILE);
      await page.hover('#graph g.node[data-id="person:x"] circle', { force: true });
      let details = await page.textContent('#details');
      assert.ok(details.includes(`<b>${HOSTILE}</b>`) && details.includes('<script>alert(2)</script>'));
      await page.hover('#graph path.link.met', { force: true });
      details = await page.textContent('#details');
      assert.ok(details.includes(HOSTILE));
      await page.fill('#search', HOSTILE);
      await page.press('#search', 'Enter');
      await page.waitForTimeout(700);
      assert.equal(await page.locator('img, script:not([src]), b').count(), 0, 'no element made from the text');
      assert.equal(await page.locator('[onerror]').count(), 0);
      assert.deepEqual(problems, [], 'no alert, no error');
    });
    await check('the partner view says when no two partners are linked', async () => {
      await page.check('input[name=view][value=partners]');
      await page.waitForSelector('#view-status:not([hidden])');
      assert.match(await page.textContent('#view-status'), /^No two of the 1 partners .*\(the hub left out\)/);
      assert.equal(await page.locator('img, script:not([src]), b').count(), 0, 'the partner view too');
    });
    await page.close();
  } finally {
    server.stop();
  }
}

const bin = binary();
const dir = mkdtempSync(path.join(tmpdir(), 'diplograph-e2e-'));
const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 860 },
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
  ],
});
try {
  await corpusPage(context, bin);
  await partnerPage(context, bin, dir);
  await twoPublishersPage(context, bin);
  await hostilePage(context, bin, dir);
  console.log(`${checks.length} checks passed`);
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
}
