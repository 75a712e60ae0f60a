/**
 * Conflict characters of the line merge against the default (auto) on the real front-end triplets of
 * ../shared/1c-templates (older = base, newer = theirs, older + an admin's typical edits = mine: a statement in the
 * middle of each bundle's longest line, a <script> before </body> and the title of each page), and whether every
 * edit is in the output (merged or inside a block). `npm run bench:conflicts`; prints one line per triplet.
 */
const bw = require('./bench-whole.js');
const fs = require('fs'), path = require('path'), cp = require('child_process'), os = require('os');
const CLI = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-bench-conflicts-'));
process.on('exit', () => fs.rmSync(TMP, { recursive: true, force: true }));
function walk(d, pre = '') { let out = []; for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = pre + e.name; if (e.isDirectory()) out = out.concat(walk(path.join(d, e.name), p + '/')); else out.push(p); } return out; }
const marks = [];
function edit(dir) {
  let n = 0;
  for (const p of walk(dir)) {
    const f = path.join(dir, p);
    if (/\.js$/.test(p)) {
      const t = fs.readFileSync(f, 'latin1');
      const lines = t.split('\n'); let li = 0; lines.forEach((l, i) => { if (l.length > lines[li].length) li = i; });
      if (lines[li].length < 10000) continue;
      const l = lines[li]; const at = l.indexOf(';', Math.floor(l.length / 2));
      if (at < 0) continue;
      const m = `window.__ourCounter${n}=1;`; marks.push(m);
      lines[li] = l.slice(0, at + 1) + m + l.slice(at + 1); fs.writeFileSync(f, lines.join('\n'), 'latin1'); n++;
    } else if (/\.html$/.test(p)) {
      let t = fs.readFileSync(f, 'latin1');
      const m = `<script>/*our counter ${n}*/</script>`; const b = t.lastIndexOf('</body>');
      if (b >= 0) { t = t.slice(0, b) + m + t.slice(b); marks.push(m); n++; }
      t = t.replace(/<title>([^<]*)<\/title>/, (_, x) => { marks.push(`${x} - our cabinet`); return `<title>${x} - our cabinet</title>`; });
      fs.writeFileSync(f, t, 'latin1');
    }
  }
  return n;
}
let totL = 0, totA = 0, lost = 0, files = 0;
bw.templatePairs().forEach((pair, i) => {
  const dir = path.join(TMP, `t${i}`); fs.rmSync(dir, { recursive: true, force: true });
  bw.unzip(pair.older, path.join(dir, 'mine')); marks.length = 0; edit(path.join(dir, 'mine'));
  bw.zipFolder(path.join(dir, 'mine'), path.join(dir, 'mine.zip'));
  const res = {};
  for (const g of ['lines', 'auto']) {
    const out = path.join(dir, `out-${g}.zip`), rep = path.join(dir, `r-${g}.json`);
    const t0 = Date.now();
    cp.spawnSync('node', [CLI, 'merge', pair.older, path.join(dir, 'mine.zip'), pair.newer, '-o', out, '--report', rep, '--force', '--quiet', '--no-store', '--no-reuse-resolutions', '--granularity', g]);
    const r = JSON.parse(fs.readFileSync(rep, 'utf8'));
    let chars = 0, blocks = 0, cf = 0;
    for (const f of r.files) if (f.conflicts) { cf++; for (const c of f.conflicts) { chars += c.chars; blocks++; } }
    const ux = path.join(dir, `u-${g}`); bw.unzip(out, ux);
    const all = walk(ux).filter((p) => /\.(js|html)$/.test(p)).map((p) => fs.readFileSync(path.join(ux, p), 'latin1')).join('\n');
    const missing = marks.filter((m) => !all.includes(m)).length;
    res[g] = { chars, blocks, cf, missing, ms: Date.now() - t0 };
  }
  totL += res.lines.chars; totA += res.auto.chars; lost += res.auto.missing + res.lines.missing; files += res.lines.cf;
  console.log(`${pair.name} edits ${marks.length} | lines: ${res.lines.blocks} blocks in ${res.lines.cf} files, ${res.lines.chars} chars, missing ${res.lines.missing} | auto: ${res.auto.blocks} blocks in ${res.auto.cf} files, ${res.auto.chars} chars, missing ${res.auto.missing}, ${res.auto.ms} ms`);
});
console.log(`TOTAL lines ${totL} chars, auto ${totA} chars: ${(100 * (1 - totA / totL)).toFixed(3)} % fewer; edits missing: ${lost}`);
