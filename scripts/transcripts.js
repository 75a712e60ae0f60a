#!/usr/bin/env node
/**
 * `npm run transcripts`: the command transcripts in README.md and docs/workflow.md are real runs of the built CLI,
 * generated here so that the docs cannot drift from what the tool prints. Each block sits between
 *   <!-- transcript:NAME -->  and  <!-- /transcript -->
 * and is replaced by a fresh run. `--check` rewrites nothing and exits 1 when a block differs (a jest test runs it).
 *
 * The route is the admin's usual case: their own export and the vendor's new one (two zips made from
 * samples/mine and samples/theirs), merged straight into a working folder, conflicts edited as an editor would
 * (the script keeps the admin's lines), the rest settled with `resolve`, `status`, `pack`, then `baseline save`
 * for the next update. It runs in a temp folder with a private HOME, shown as `~`; a run of more than six list
 * lines is cut to five and a `…` line, so a first screen stays a screen.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const JSZip = require('jszip');

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'dist', 'cli', 'main.js');
const DOCS = process.env.TRANSCRIPT_DOCS ? process.env.TRANSCRIPT_DOCS.split(',') : ['README.md', path.join('docs', 'workflow.md')];
const DATE = new Date(Date.UTC(2026, 10, 20, 9, 0, 0));

async function zipFolder(dir, file) {
  const zip = new JSZip();
  const add = (rel) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) add(r);
      else zip.file(r, fs.readFileSync(path.join(dir, r)), { date: DATE });
    }
  };
  add('');
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'DOS' }));
}

/** Keeps the admin's lines of every two-way block `<<<<<<< mine … ======= … >>>>>>> theirs`, as an editor's "Accept Current". */
function keepMine(text) {
  return text.replace(/<<<<<<< [^\r\n]*\r?\n([^]*?)(?:\|\|\|\|\|\|\| [^\r\n]*\r?\n[^]*?)?=======\r?\n[^]*?>>>>>>> [^\r\n]*\r?\n/g, '$1');
}

/** Cuts each run of more than four indented lines (a list) to its first three and `  …`. */
function shorten(lines) {
  const out = [];
  let run = [];
  const flush = () => {
    if (run.length > 6) out.push(...run.slice(0, 5), `${run[0].match(/^\s*/)[0]}…`);
    else out.push(...run);
    run = [];
  };
  for (const line of lines) {
    if (/^\s{2,}\S/.test(line) && !/^\s{4,}/.test(line)) run.push(line);
    else if (/^\s{4,}/.test(line) && run.length > 0) run.push(line);
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out;
}

async function generate() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-merge-transcripts-'));
  try {
    const blocks = {};
    for (const lang of ['ru', 'en']) {
      const cwd = path.join(tmp, lang);
      // Each language is a first run on a fresh machine: its own empty baseline and resolution stores.
      const home = path.join(tmp, `home-${lang}`);
      fs.mkdirSync(cwd);
      fs.mkdirSync(home);
      const names = lang === 'ru' ? { mine: 'МОЙ_ЛК.zip', theirs: 'НОВЫЙ_ЛК.zip', out: 'ИТОГ_ЛК.zip' } : { mine: 'MY_LK.zip', theirs: 'NEW_LK.zip', out: 'FINAL_LK.zip' };
      await zipFolder(path.join(root, 'samples', 'mine'), path.join(cwd, names.mine));
      await zipFolder(path.join(root, 'samples', 'theirs'), path.join(cwd, names.theirs));
      const prompt = lang === 'ru' ? '>' : '$';
      const env = {
        PATH: process.env.PATH,
        HOME: home,
        LANG: lang === 'ru' ? 'ru_RU.UTF-8' : 'en_US.UTF-8',
        NO_COLOR: '1',
        TZ: 'UTC',
      };
      const shown = [];
      const run = (args) => {
        const r = spawnSync(process.execPath, [cli, ...args], { cwd, env, encoding: 'utf8' });
        if (r.status === 2 || r.error) throw new Error(`cabinet-merge ${args.join(' ')}: ${r.stderr || r.error}`);
        const quoted = args.map((a) => (/[\s"]/.test(a) ? `"${a}"` : a)).join(' ');
        const text = `${r.stdout}${r.stderr}`.split(home).join('~').replace(/\n$/, '');
        shown.push(`${prompt} cabinet-merge ${quoted}`, ...shorten(text.split('\n')));
        return r;
      };
      const block = (name) => {
        blocks[`${name}-${lang}`] = shown.splice(0).join('\n');
      };

      run(['merge', names.mine, names.theirs, '--out-dir', 'WORK']);
      block('merge');
      // The admin edits each file with markers in an editor; here: keep their own lines in every block.
      const edited = [];
      const walk = (rel) => {
        for (const e of fs.readdirSync(path.join(cwd, 'WORK', rel), { withFileTypes: true })) {
          const r = rel ? `${rel}/${e.name}` : e.name;
          if (r === '.cabinet-merge') continue;
          if (e.isDirectory()) walk(r);
          else {
            const file = path.join(cwd, 'WORK', r);
            const bytes = fs.readFileSync(file);
            const text = bytes.toString('latin1'); // markers are ASCII; other bytes pass through unchanged
            if (!text.includes('<<<<<<< ')) continue;
            fs.writeFileSync(file, Buffer.from(keepMine(text), 'latin1'));
            edited.push(r);
          }
        }
      };
      walk('');
      const status = run(['status', 'WORK']);
      block('status');
      // What is left needs a whole side: the admin's pictures, their own extra file.
      const undecided = [...status.stdout.matchAll(/cabinet-merge resolve WORK ("[^"]+"|'[^']+'|\S+) --mine/g)].map((m) => m[1].replace(/^["']|["']$/g, ''));
      if (undecided.length === 0 && status.status !== 0) throw new Error(`no resolve command found in:\n${status.stdout}`);
      for (const file of undecided) run(['resolve', 'WORK', file, '--mine']);
      run(['status', 'WORK']);
      block('resolve');
      run(['pack', 'WORK', '-o', names.out]);
      run(['baseline', 'save', names.theirs, '--name', lang === 'ru' ? 'ЖКХ 3.1.2' : 'HCS 3.1.2']);
      block('pack');
    }
    return blocks;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function apply(text, blocks, file) {
  return text.replace(/(<!-- transcript:([\w-]+) -->\n)[^]*?(?=<!-- \/transcript -->)/g, (all, open, name) => {
    if (!(name in blocks)) throw new Error(`${file}: unknown transcript "${name}"`);
    return `${open}\`\`\`\n${blocks[name]}\n\`\`\`\n`;
  });
}

async function main() {
  const check = process.argv.includes('--check');
  if (!fs.existsSync(cli)) throw new Error('dist/cli/main.js is missing: run `npm run build` first');
  const blocks = await generate();
  let stale = 0;
  for (const doc of DOCS) {
    const file = path.resolve(root, doc);
    const text = fs.readFileSync(file, 'utf8');
    const fresh = apply(text, blocks, doc);
    if (fresh === text) continue;
    if (check) {
      stale++;
      console.error(`${doc}: a transcript differs from a fresh run; regenerate with: npm run transcripts`);
    } else {
      fs.writeFileSync(file, fresh);
      console.log(`${doc}: transcripts regenerated`);
    }
  }
  process.exit(stale > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(`transcripts: ${e.message}`);
  process.exit(2);
});
