/**
 * The HTML report: one self-contained file an admin opens from disk, offline, on a locked-down machine. Inline
 * CSS and script only; a Content-Security-Policy that allows nothing else (no network, no external anything), with
 * the inline script and stylesheet admitted by hash.
 *
 * The summary (result, inputs, the base and what it meant, counts by status, totals) is static HTML, complete
 * without JavaScript. The file
 * list and each file's conflict and change views are built by the inline script (html-client.ts) from a JSON
 * block holding the JSON report itself plus the views of html-data.ts, escaped so that no file content can close
 * the block (`</script>`, `<!--`).
 */

import { sha256Hash } from '../hash';
import { CONFLICT_LABELS, needsAttention, STATUS_LABELS, STATUS_ORDER, type ConflictKind, type FileStatus } from '../tree/status';
import { STRATEGY_LABELS, type Strategy } from '../tree/strategy';
import { CLIENT_CSS, CLIENT_JS } from './html-client';
import { buildViews, type MergedTexts } from './html-data';
import { fill, uiStrings, type UiStrings } from './html-ui';
import type { BaseReport, InputInfo, Report } from './model';
import { workdirWords } from './workdir-words';

export type { MergedTexts } from './html-data';
export { collectMergedTexts } from './html-data';

type Lang = 'en' | 'ru';

/** The statuses present in the report, in report order (tree/status.ts). */
function orderedStatuses(report: Report): FileStatus[] {
  return STATUS_ORDER.filter((s) => report.totals.byStatus[s]);
}

/**
 * Renders the report as one HTML page in `lang`. `texts` holds the merged text of the files with changes or
 * conflicts (collectMergedTexts); a file missing from it is listed with its status only.
 */
export function renderHtml(report: Report, texts: MergedTexts, lang: Lang): string {
  const ui = uiStrings(lang);
  const conflictLabels = {} as Record<ConflictKind, string>;
  for (const k of Object.keys(CONFLICT_LABELS) as ConflictKind[]) conflictLabels[k] = CONFLICT_LABELS[k][lang];
  const strategyLabels = {} as Record<Strategy, string>;
  for (const k of Object.keys(STRATEGY_LABELS) as Strategy[]) strategyLabels[k] = STRATEGY_LABELS[k][lang];
  const { base, mine, theirs } = report.inputs;
  const payload = {
    lang,
    ui,
    conflictLabels,
    strategyLabels,
    attention: (Object.keys(STATUS_LABELS) as FileStatus[]).filter(needsAttention),
    sides: {
      mine: fill(ui.sideMine, { name: baseName(mine.path) }),
      base: fill(ui.sideBase, { name: base ? baseName(base.path) : ui.noBase }),
      theirs: fill(ui.sideTheirs, { name: baseName(theirs.path) }),
    },
    report,
    views: buildViews(report, texts),
  };
  const csp = [
    "default-src 'none'",
    `script-src '${sha256(CLIENT_JS)}'`,
    `style-src '${sha256(CLIENT_CSS)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${esc(ui.title)}</title>`,
    `<style>${CLIENT_CSS}</style>`,
    '</head>',
    '<body>',
    header(report, ui),
    '<main>',
    inputsPanel(report, ui, lang),
    basePanel(report, ui, lang),
    countsPanel(report, ui, lang),
    groupsPanel(report, ui, lang),
    filesSection(report, ui, lang),
    '</main>',
    `<script type="application/json" id="cm-data">${jsonForScript(payload)}</script>`,
    `<script>${CLIENT_JS}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function header(report: Report, ui: UiStrings): string {
  const work = workdirWords(report);
  const result =
    report.result === 'review'
      ? `<div class="result conflicts">${esc(
          report.totals.reused > 0
            ? fill(ui.reviewResult, { n: report.totals.reused })
            : fill(ui.reviewBaseResult, { n: report.base?.baseEqualsMine?.length ?? 0 }),
        )}${work ? `<p class="hint">${esc(fill(ui.reviewWorkdir, work))}</p>` : ''}</div>`
      : report.totals.needsAttention === 0
      ? `<div class="result clean">${esc(work ? fill(ui.cleanWorkdir, work) : ui.clean)}</div>`
      : `<div class="result conflicts">${esc(fill(ui.attentionResult, { n: report.totals.needsAttention }))}` +
        (work ? `<p class="hint">${esc(fill(ui.hintWorkdir, work))}</p>` : report.totals.conflictBlocks > 0 ? `<p class="hint">${esc(ui.hint)}</p>` : '') +
        '</div>';
  return [
    '<header>',
    `<h1>${esc(ui.title)}</h1>`,
    `<p class="sub">${esc(ui.subtitle)} · ${esc(report.tool.name)} ${esc(report.tool.version)}</p>`,
    result,
    '</header>',
  ].join('\n');
}

function inputsPanel(report: Report, ui: UiStrings, lang: Lang): string {
  const row = (role: 'base' | 'mine' | 'theirs', label: string, info: InputInfo | null) =>
    info
      ? `<tr data-role="${role}"><td>${esc(label)}</td><td class="mono">${esc(info.path)}</td>` +
        `<td>${esc(info.kind === 'zip' ? ui.kindZip : ui.kindFolder)}</td>` +
        `<td class="num" data-files="${info.files}">${num(info.files, lang)}</td>` +
        `<td class="num" data-bytes="${info.bytes}" title="${num(info.bytes, lang)} ${esc(ui.bytes)}">${size(info.bytes, ui, lang)}</td></tr>`
      : `<tr data-role="${role}"><td>${esc(label)}</td><td colspan="4">${esc(noBaseText(report.base, ui))}</td></tr>`;
  const out = report.output;
  return [
    '<section class="panel" id="cm-inputs">',
    `<h2>${esc(ui.inputsTitle)}</h2>`,
    '<table class="inputs">',
    `<thead><tr><th>${esc(ui.colRole)}</th><th>${esc(ui.colPath)}</th><th>${esc(ui.colKind)}</th>` +
      `<th class="num">${esc(ui.colFiles)}</th><th class="num">${esc(ui.colSize)}</th></tr></thead>`,
    '<tbody>',
    row('base', ui.roleBase, report.inputs.base),
    row('mine', ui.roleMine, report.inputs.mine),
    row('theirs', ui.roleTheirs, report.inputs.theirs),
    '</tbody>',
    '</table>',
    '<ul class="outputs">',
    // A merge --out-dir run without -o wrote no archive by design: its output is the working folder.
    out.archive || !out.workdir ? `<li>${esc(ui.output)}: ${out.archive ? `<code>${esc(out.archive)}</code>` : esc(ui.notWritten)}</li>` : '',
    out.workdir ? `<li>${esc(ui.workdir)}: <code>${esc(out.workdir)}</code></li>` : '',
    out.keptAside ? `<li>${esc(out.archive ? ui.keptAside : ui.keptAsideWorkdir)}: <code>${esc(out.keptAside)}</code></li>` : '',
    `<li>${esc(ui.style)}: <code>${esc(report.options.conflictStyle)}</code></li>`,
    '</ul>',
    mergeNotes(report, lang),
    '</section>',
  ].join('\n');
}

/** The base row of the inputs table when no one base tree was used for every file. */
function noBaseText(base: BaseReport | undefined, ui: UiStrings): string {
  if (base?.source === 'candidates') return ui.inputBaseCandidates;
  if (base?.source === 'none') return ui.inputBaseNone;
  return ui.noBase;
}

/** What the merge decided about the inputs as a whole (same archive twice, layout); the base has its own panel. */
function mergeNotes(report: Report, lang: Lang): string {
  const notes = [...(report.sameInputs ?? []), ...(report.layout ?? [])];
  if (notes.length === 0) return '';
  return `<ul class="notes">${notes.map((n) => `<li>${esc(n[lang])}</li>`).join('')}</ul>`;
}

/**
 * Which base the merge used and how well it matched (the report's `base` section, written by `merge`): the facts
 * as a short table, then the summary's own lines about the base (what it meant, store events, advice, the
 * baseline reminder), so the page says everything the terminal said.
 */
function basePanel(report: Report, ui: UiStrings, lang: Lang): string {
  const base = report.base;
  if (!base) return '';
  const facts: [string, string][] = [];
  switch (base.source) {
    case 'given':
      facts.push([ui.baseSource, esc(fill(ui.baseGiven, { name: report.inputs.base?.path ?? '' }))]);
      break;
    case 'store': {
      const b = base.baseline;
      if (b) {
        const pct = b.mineFiles ? Math.round((100 * b.identicalFiles) / b.mineFiles) : 0;
        facts.push([ui.baseSource, esc(fill(ui.baseStore, { name: b.name, id: b.id, date: b.savedAt.slice(0, 10), source: b.source }))]);
        facts.push([
          ui.baseMatch,
          `<meter min="0" max="${b.mineFiles}" value="${b.identicalFiles}"></meter> ` +
            `<span data-base-match="${b.identicalFiles}/${b.mineFiles}">${esc(fill(ui.baseMatchText, { n: num(b.identicalFiles, lang), m: num(b.mineFiles, lang), p: pct }))}</span>`,
        ]);
      }
      break;
    }
    case 'candidates':
      facts.push([ui.baseSource, esc(ui.baseCandidates)]);
      break;
    case 'none':
      facts.push([ui.baseSource, esc(ui.baseNone)]);
      break;
    default: {
      const never: never = base.source;
      throw new Error(`unknown base source ${String(never)}`);
    }
  }
  if (base.undecidedWithoutBase > 0) {
    facts.push([ui.baseUndecided, `<b data-base-undecided>${num(base.undecidedWithoutBase, lang)}</b>`]);
  }
  const candidates = base.candidates?.length
    ? [
        '<table class="inputs candidates">',
        `<thead><tr><th>${esc(ui.colCandidate)}</th><th class="num">${esc(ui.colBasedFiles)}</th></tr></thead>`,
        '<tbody>',
        ...base.candidates.map(
          (c) => `<tr data-candidate><td class="mono">${esc(c.path)}</td><td class="num" data-files="${c.files}">${num(c.files, lang)}</td></tr>`,
        ),
        '</tbody>',
        '</table>',
      ].join('')
    : '';
  const stored =
    base.theirsBaseline && !base.theirsBaseline.savedNow
      ? [esc(fill(ui.theirsStored, { name: base.theirsBaseline.name, id: base.theirsBaseline.id }))]
      : [];
  const lines = [...base.messages.map((m) => esc(m[lang])), ...stored];
  return [
    `<section class="panel" id="cm-base" data-source="${base.source}">`,
    `<h2>${esc(ui.baseTitle)}</h2>`,
    `<table class="facts">${facts.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`).join('')}</table>`,
    candidates,
    lines.length ? `<ul class="notes">${lines.map((l) => `<li>${l}</li>`).join('')}</ul>` : '',
    '</section>',
  ].join('\n');
}

function countsPanel(report: Report, ui: UiStrings, lang: Lang): string {
  const items = orderedStatuses(report).map((s) => {
    const n = report.totals.byStatus[s]!;
    return (
      `<li${needsAttention(s) ? ' class="attention"' : ''}><button type="button" data-filter="${s}">` +
      `${esc(STATUS_LABELS[s][lang])}: <b data-count="${s}">${num(n, lang)}</b></button></li>`
    );
  });
  const t = report.totals;
  return [
    '<section class="panel" id="cm-counts">',
    `<h2>${esc(ui.countsTitle)}</h2>`,
    `<ul class="counts">${items.join('')}</ul>`,
    '<p class="totals">',
    `<span>${esc(ui.totalFiles)}: <b data-total="files">${num(t.files, lang)}</b></span>`,
    `<span>${esc(ui.totalAttention)}: <b data-total="needsAttention">${num(t.needsAttention, lang)}</b></span>`,
    `<span>${esc(ui.totalBlocks)}: <b data-total="conflictBlocks">${num(t.conflictBlocks, lang)}</b></span>`,
    ...settledFilters(report).map(
      ({ key, n }) =>
        `<span class="${key}"><button type="button" data-filter="${key}">` +
        `${esc(key === 'reused' ? ui.totalReused : ui.totalRuled)}: <b data-total="${key}">${num(n, lang)}</b></button></span>`,
    ),
    '</p>',
    '</section>',
  ].join('\n');
}

/** Folder groups (tree/groups.ts): one item each, with the commands that keep or drop the whole folder. */
function groupsPanel(report: Report, ui: UiStrings, lang: Lang): string {
  const groups = report.groups ?? [];
  if (groups.length === 0) return '';
  const items = groups.map(
    (g) =>
      `<li data-group="${esc(g.folder)}"><span class="path">${esc(g.folder || ui.groupTop)}</span> ` +
      `<b data-files="${g.files}">${esc(fill(ui.groupFiles, { n: num(g.files, lang) }))}</b> — ${esc(STATUS_LABELS[g.status][lang])}` +
      `<br>${esc(ui.groupKeep)}: <code>${esc(g.commands.keep)}</code><br>${esc(ui.groupDrop)}: <code>${esc(g.commands.drop)}</code></li>`,
  );
  return [
    '<section class="panel" id="cm-groups">',
    `<h2>${esc(ui.groupsTitle)}</h2>`,
    `<p class="legend">${esc(ui.groupsLegend)}</p>`,
    `<ul class="notes">${items.join('')}</ul>`,
    '</section>',
  ].join('\n');
}

/**
 * Files settled without markers that the admin may want to look at: conflicts resolved from a previous resolution
 * (`reused`, to review) and conflicting lines settled by a rules-file rule (`favored`). Filters of the file list
 * beside the statuses; the page's script knows the same two keys.
 */
function settledFilters(report: Report): { key: 'reused' | 'ruled'; n: number }[] {
  const reused = report.files.filter((f) => f.reused?.length).length;
  const ruled = report.files.filter((f) => f.rule && f.favored).length;
  return [
    ...(reused ? [{ key: 'reused' as const, n: reused }] : []),
    ...(ruled ? [{ key: 'ruled' as const, n: ruled }] : []),
  ];
}

function filesSection(report: Report, ui: UiStrings, lang: Lang): string {
  const options = [
    `<option value="all">${esc(ui.filterAll)}</option>`,
    ...(report.totals.needsAttention
      ? [`<option value="attention">${esc(ui.filterAttention)} (${num(report.totals.needsAttention, lang)})</option>`]
      : []),
    ...settledFilters(report).map(
      ({ key, n }) => `<option value="${key}">${esc(key === 'reused' ? ui.filterReused : ui.filterRuled)} (${num(n, lang)})</option>`,
    ),
    ...orderedStatuses(report).map(
      (s) => `<option value="${s}">${esc(STATUS_LABELS[s][lang])} (${num(report.totals.byStatus[s]!, lang)})</option>`,
    ),
  ];
  return [
    '<section id="cm-files">',
    `<h2>${esc(ui.filesTitle)}</h2>`,
    '<div class="toolbar">',
    `<label>${esc(ui.filter)} <select id="cm-filter">${options.join('')}</select></label>`,
    `<input type="search" id="cm-search" placeholder="${esc(ui.search)}" aria-label="${esc(ui.search)}" autocomplete="off">`,
    '<span id="cm-shown"></span>',
    '</div>',
    `<p id="cm-none" hidden>${esc(ui.noMatches)}</p>`,
    '<div id="cm-list"></div>',
    `<noscript><p class="warn">${esc(ui.noScript)}</p></noscript>`,
    '</section>',
  ].join('\n');
}

/** Escapes text for HTML element content and quoted attribute values. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON for a <script type="application/json"> block. `<`, `>` and `&` are written as \u escapes, so no content
 * can form `</script>` or `<!--` (which would end the block or switch the parser into its script-escape states);
 * U+2028/U+2029 likewise, for any reader that treats the text as JavaScript. JSON.parse gives back the same value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sha256(text: string): string {
  return `sha256-${sha256Hash().update(text, 'utf8').digest('base64')}`;
}

/** The last component of a path written with either separator (a Windows path read on Linux, and back). */
function baseName(p: string): string {
  const parts = p.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? p;
}

function num(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-US');
}

function size(bytes: number, ui: UiStrings, lang: Lang): string {
  const fmt = (x: number) => x.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-US', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${num(bytes, lang)} ${esc(ui.bytes)}`;
  if (bytes < 1024 * 1024) return `${fmt(bytes / 1024)} ${esc(ui.kib)}`;
  return `${fmt(bytes / (1024 * 1024))} ${esc(ui.mib)}`;
}
