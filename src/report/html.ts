/**
 * The HTML report: one self-contained file an admin opens from disk, offline, on a locked-down machine. Inline
 * CSS and script only; a Content-Security-Policy that allows nothing else (no network, no external anything), with
 * the inline script and stylesheet admitted by hash.
 *
 * The summary (result, inputs, counts by status, totals) is static HTML, complete without JavaScript. The file
 * list and each file's conflict and change views are built by the inline script (html-client.ts) from a JSON
 * block holding the JSON report itself plus the views of html-data.ts, escaped so that no file content can close
 * the block (`</script>`, `<!--`).
 */

import { createHash } from 'node:crypto';
import { CONFLICT_LABELS, needsAttention, STATUS_LABELS, STATUS_ORDER, type ConflictKind, type FileStatus } from '../tree/status';
import { CLIENT_CSS, CLIENT_JS } from './html-client';
import { buildViews, type MergedTexts } from './html-data';
import { fill, uiStrings, type UiStrings } from './html-ui';
import type { InputInfo, Report } from './model';

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
  const { base, mine, theirs } = report.inputs;
  const payload = {
    lang,
    ui,
    conflictLabels,
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
    countsPanel(report, ui, lang),
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
  const result =
    report.totals.needsAttention === 0
      ? `<div class="result clean">${esc(ui.clean)}</div>`
      : `<div class="result conflicts">${esc(fill(ui.attentionResult, { n: report.totals.needsAttention }))}` +
        (report.totals.conflictBlocks > 0 ? `<p class="hint">${esc(ui.hint)}</p>` : '') +
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
      : `<tr data-role="${role}"><td>${esc(label)}</td><td colspan="4">${esc(ui.noBase)}</td></tr>`;
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
    `<li>${esc(ui.output)}: ${out.archive ? `<code>${esc(out.archive)}</code>` : esc(ui.notWritten)}</li>`,
    out.keptAside ? `<li>${esc(ui.keptAside)}: <code>${esc(out.keptAside)}</code></li>` : '',
    `<li>${esc(ui.style)}: <code>${esc(report.options.conflictStyle)}</code></li>`,
    '</ul>',
    mergeNotes(report, lang),
    '</section>',
  ].join('\n');
}

/** What the merge decided about the inputs as a whole: the same lines the text summary prints, and layout notes. */
function mergeNotes(report: Report, lang: Lang): string {
  const notes = [...(report.sameInputs ?? []), ...(report.layout ?? []), ...(report.base?.messages ?? [])];
  if (notes.length === 0) return '';
  return `<ul class="notes">${notes.map((n) => `<li>${esc(n[lang])}</li>`).join('')}</ul>`;
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
    '</p>',
    '</section>',
  ].join('\n');
}

function filesSection(report: Report, ui: UiStrings, lang: Lang): string {
  const options = [
    `<option value="all">${esc(ui.filterAll)}</option>`,
    ...(report.totals.needsAttention
      ? [`<option value="attention">${esc(ui.filterAttention)} (${num(report.totals.needsAttention, lang)})</option>`]
      : []),
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
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
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
