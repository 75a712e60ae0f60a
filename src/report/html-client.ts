/**
 * The HTML report's inline stylesheet and script. Plain ES2017 in a string, not compiled TypeScript: the page
 * must run as written in any current browser from file://, and a string is immune to what a build or a coverage
 * tool would inject into a function's source. tests/browser runs it in Chromium; tests/unit checks it parses.
 *
 * The script reads the JSON block `#cm-data` (see html.ts), builds one <details> row per file, and builds a row's
 * body only when it is first opened, so a 2,000-file report costs one cheap row per file at load. File contents
 * reach the page only through textContent and text nodes, never as markup.
 */

export const CLIENT_CSS = String.raw`
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:14px/1.45 system-ui,"Segoe UI",Roboto,Arial,sans-serif;color:#1f2328;background:#f6f7f9}
header,main{max-width:1500px;margin:0 auto;padding:8px 20px}
main{padding-top:0}
h1{font-size:20px;margin:10px 0 2px}
h2{font-size:16px;margin:0 0 8px}
h4{font-size:13px;margin:14px 0 6px}
.sub{color:#57606a;margin:0 0 10px}
.result{padding:8px 12px;border-radius:6px;font-weight:600;margin:8px 0}
.result.clean{background:#dafbe1;color:#116329}
.result.conflicts{background:#fff1e5;color:#8a4600}
.hint{font-weight:normal;margin:4px 0 0}
.panel{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:12px 16px;margin:12px 0}
table.inputs{border-collapse:collapse;width:100%}
table.inputs th,table.inputs td{text-align:left;padding:4px 8px;border-bottom:1px solid #eaeef2;vertical-align:top}
table.inputs td.num,table.inputs th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.mono,.path,code{font-family:Consolas,"Cascadia Mono","DejaVu Sans Mono",monospace;word-break:break-all}
.outputs{margin:8px 0 0;padding:0;list-style:none}
.notes{margin:8px 0 0;padding:8px 12px 8px 28px;background:#fff8c5;border-radius:6px}
.counts{display:flex;flex-wrap:wrap;gap:6px;list-style:none;padding:0;margin:0 0 8px}
.counts button{font:inherit;border:1px solid #d0d7de;background:#f6f8fa;border-radius:14px;padding:3px 10px;cursor:pointer;color:inherit}
.counts button:hover,.counts button:focus{background:#eaeef2}
.counts .attention button{border-color:#d4a72c;background:#fff8c5}
.totals{display:flex;flex-wrap:wrap;gap:18px;margin:0;color:#424a53}
.totals b{font-variant-numeric:tabular-nums}
.toolbar{display:flex;gap:12px;align-items:center;flex-wrap:wrap;position:sticky;top:0;background:#f6f7f9;padding:8px 0;z-index:1}
.toolbar input,.toolbar select{font:inherit;padding:4px 8px;border:1px solid #d0d7de;border-radius:6px;background:#fff}
.toolbar input{min-width:280px}
.toolbar select{max-width:min(100%,34em)}
#cm-shown{color:#57606a}
details.file{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:4px 0}
details.file>summary{cursor:pointer;padding:5px 10px;display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}
details.file>summary::before{content:"▸";color:#8c959f}
details.file[open]>summary::before{content:"▾"}
details.file>summary::-webkit-details-marker{display:none}
details.file>summary{list-style:none}
.badge{font-size:12px;padding:1px 8px;border-radius:10px;background:#eaeef2;color:#424a53}
.st-merged .badge,.st-same-change .badge{background:#dafbe1;color:#116329}
.st-mine .badge,.st-added-mine .badge{background:#ddf4ff;color:#0550ae}
.st-theirs .badge,.st-added-theirs .badge,.st-renamed .badge{background:#fbefff;color:#6639ba}
.attention .badge{background:#ffebe9;color:#a40e26}
.where{font-size:12px;color:#57606a}
.body{padding:4px 12px 12px;border-top:1px solid #eaeef2}
.meta{color:#57606a;margin:6px 0}
.kind{font-weight:600;margin:8px 0 4px}
.warn{background:#fff8c5;padding:6px 10px;border-radius:6px}
.legend{color:#57606a;margin:0 0 6px;font-size:13px}
.cols{display:grid;gap:8px}
.cols.three{grid-template-columns:repeat(3,minmax(0,1fr))}
.cols.two{grid-template-columns:repeat(2,minmax(0,1fr))}
.col{border:1px solid #d0d7de;border-radius:6px;overflow:hidden;min-width:0;background:#fff}
.colhead{padding:4px 8px;font-weight:600;font-size:13px;border-bottom:1px solid #d0d7de}
.side-mine .colhead{background:#ddf4ff}
.side-base .colhead{background:#eaeef2}
.side-theirs .colhead{background:#fbefff}
.code{font:12.5px/1.5 Consolas,"Cascadia Mono","DejaVu Sans Mono",monospace;border:1px solid #eaeef2;border-radius:4px}
.col .code{border:0}
.ln{display:flex;min-height:1.5em}
.no{flex:none;width:4.5em;padding-right:8px;text-align:right;color:#8c959f;background:#f6f8fa;user-select:none;border-right:1px solid #eaeef2}
.tx{flex:1;min-width:0;padding:0 8px;white-space:pre-wrap;overflow-wrap:anywhere}
mark{color:inherit;border-radius:2px}
.side-mine mark{background:#80ccff}
.side-base mark{background:#ffb8b0}
.side-theirs mark{background:#d8b9ff}
.empty,.more,.gap{color:#57606a;font-style:italic;padding:2px 8px;background:#f6f8fa}
.o-mine{background:#ddf4ff}
.o-theirs{background:#fbefff}
.o-both{background:#dafbe1}
.o-union{background:#fff8c5}
.o-conflict{background:#ffebe9}
.o-mine .no{border-right:3px solid #54aeff}
.o-theirs .no{border-right:3px solid #c297ff}
.o-both .no{border-right:3px solid #4ac26b}
.o-union .no{border-right:3px solid #d4a72c}
.o-conflict .no{border-right:3px solid #ff8182}
.sw{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:-1px;margin:0 4px 0 12px;border:1px solid #d0d7de}
.sw:first-child{margin-left:0}
details.whole{margin-top:10px}
.facts{border-collapse:collapse;margin:0 0 4px}
.facts th{text-align:left;font-weight:600;color:#424a53;padding:2px 14px 2px 0;vertical-align:top;white-space:nowrap}
.facts td{padding:2px 0}
.facts meter{width:140px;vertical-align:middle}
table.candidates{width:auto;margin:6px 0 0}
.totals button{font:inherit;color:inherit;background:none;border:0;padding:0;cursor:pointer;text-decoration:underline dotted}
.tag{font-size:12px;padding:1px 8px;border-radius:10px;border:1px solid #d0d7de;color:#424a53}
.tag.reused{border-color:#1b7c83;background:#d8f3f0;color:#0d5c63}
.tag.rule{border-color:#8c959f}
.rule{margin:6px 0}
section.reused{border-left:3px solid #1b7c83;padding:2px 0 2px 10px;margin:8px 0}
section.reused ul{margin:4px 0}
.o-reused{background:#d8f3f0}
.o-reused .no{border-right:3px solid #1b7c83}
details.whole>summary{cursor:pointer;font-weight:600;font-size:13px}
@media (max-width:900px){.cols.three,.cols.two{grid-template-columns:1fr}}
`;

export const CLIENT_JS = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('cm-data').textContent);
  var ui = data.ui, report = data.report, views = data.views, lang = data.lang;
  var ATTENTION = {};
  data.attention.forEach(function (s) { ATTENTION[s] = 1; });
  var ORIGINS = ['mine', 'theirs', 'both', 'union', 'conflict', 'reused'];
  var ORIGIN_TEXT = { mine: ui.originMine, theirs: ui.originTheirs, both: ui.originBoth, union: ui.originUnion, conflict: ui.originConflict, reused: ui.originReused };
  /** Lines of one conflict column built at most; the rest is in the merged file. */
  var MAX_COLUMN_LINES = 2000;

  function fill(t, v) {
    return t.replace(/\{(\w+)\}/g, function (m, k) { return k in v ? String(v[k]) : m; });
  }
  function baseName(p) {
    var parts = p.split(/[\\/]/).filter(Boolean);
    return parts.length ? parts[parts.length - 1] : p;
  }
  /** '13' or '13–15': where a reused resolution's lines are; for one that deleted its block, where it was. */
  function reusedAt(u) {
    if (u.length === 0) return fill(ui.reusedDeleted, { a: u.startLine });
    return u.length === 1 ? String(u.startLine) : u.startLine + '–' + (u.startLine + u.length - 1);
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  var list = document.getElementById('cm-list');
  var filter = document.getElementById('cm-filter');
  var search = document.getElementById('cm-search');
  var shown = document.getElementById('cm-shown');
  var none = document.getElementById('cm-none');

  var rows = [];
  var frag = document.createDocumentFragment();
  report.files.forEach(function (f, i) {
    var d = el('details', 'file st-' + f.status + (ATTENTION[f.status] ? ' attention' : ''));
    d.setAttribute('data-index', String(i));
    d.setAttribute('data-status', f.status);
    d.setAttribute('data-path', f.path);
    var s = el('summary');
    s.appendChild(el('span', 'path', f.path));
    if (f.renamedFrom) s.appendChild(el('span', 'tag renamed', fill(ui.renamedTag, { path: f.renamedFrom })));
    s.appendChild(el('span', 'badge', f.statusText[lang]));
    if (f.conflicts && f.conflicts.length) {
      s.appendChild(el('span', 'where', f.conflicts.map(function (c) { return c.startLine + '–' + c.endLine; }).join(', ')));
    }
    var reused = !!(f.reused && f.reused.length), ruled = !!(f.rule && f.favored);
    if (reused) s.appendChild(el('span', 'tag reused', fill(ui.reusedTag, { where: f.reused.map(reusedAt).join(', ') })));
    if (ruled) s.appendChild(el('span', 'tag rule', fill(ui.ruleTag, { n: f.rule.index + 1, strategy: f.rule.strategy })));
    d.appendChild(s);
    frag.appendChild(d);
    rows.push({ el: d, status: f.status, key: (f.path + (f.renamedFrom ? '\n' + f.renamedFrom : '')).toLowerCase(), reused: reused, ruled: ruled });
  });
  list.appendChild(frag);

  // 'toggle' does not bubble; a capturing listener on the list sees every row's.
  list.addEventListener('toggle', function (e) {
    var d = e.target;
    if (!d.open || d.className.indexOf('file') < 0 || d.hasAttribute('data-built')) return;
    d.setAttribute('data-built', '');
    d.appendChild(fileBody(report.files[Number(d.getAttribute('data-index'))]));
  }, true);

  function apply() {
    var st = filter.value, q = search.value.trim().toLowerCase(), n = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var ok = (st === 'all' || (st === 'attention' ? ATTENTION[r.status] === 1 : st === 'reused' ? r.reused :
        st === 'ruled' ? r.ruled : r.status === st)) &&
        (q === '' || r.key.indexOf(q) >= 0);
      r.el.hidden = !ok;
      if (ok) n++;
    }
    shown.textContent = fill(ui.shown, { n: n, m: rows.length });
    none.hidden = n > 0;
  }
  filter.addEventListener('change', apply);
  search.addEventListener('input', apply);
  Array.prototype.forEach.call(document.querySelectorAll('button[data-filter]'), function (b) {
    b.addEventListener('click', function () {
      filter.value = b.getAttribute('data-filter');
      search.value = '';
      apply();
      document.getElementById('cm-files').scrollIntoView();
    });
  });
  apply();

  function fileBody(f) {
    var box = el('div', 'body');
    if (f.conflict) box.appendChild(el('p', 'kind', data.conflictLabels[f.conflict]));
    var meta = [];
    if (f.encoding) meta.push(ui.encoding + ': ' + (lang === 'ru' ? f.encoding.replace(' with BOM', ' с BOM') : f.encoding));
    if (f.eol) meta.push(ui.eol + ': ' + ({ lf: ui.eolLf, crlf: ui.eolCrlf, mixed: ui.eolMixed, none: ui.eolNone })[f.eol]);
    if (f.baseFrom) meta.push(ui.baseFrom + ': ' + f.baseFrom);
    if (meta.length) box.appendChild(el('p', 'meta', meta.join(' · ')));
    if (f.rule) {
      var rule = fill(ui.ruleText, { n: f.rule.index + 1, pattern: f.rule.pattern, strategy: data.strategyLabels[f.rule.strategy], source: f.rule.source });
      box.appendChild(el('p', 'rule', ui.ruleTitle + ': ' + rule + (f.favored ? ' · ' + fill(ui.favored, { n: f.favored }) : '')));
    }
    if (f.reused && f.reused.length) {
      var rs = el('section', 'reused');
      rs.appendChild(el('h4', null, ui.reusedTitle));
      rs.appendChild(el('p', 'legend', ui.reusedLegend));
      var rl = el('ul');
      f.reused.forEach(function (u) {
        var at = u.length === 0 ? reusedAt(u) : fill(u.length === 1 ? ui.reusedLine : ui.reusedLines, { a: u.startLine, b: u.startLine + u.length - 1 });
        var li = el('li', null, at + ' ' + fill(ui.reusedRecorded, { date: u.recorded.slice(0, 10), path: u.recordedPath }));
        li.setAttribute('data-reused', String(u.startLine));
        rl.appendChild(li);
      });
      rs.appendChild(rl);
      box.appendChild(rs);
    }
    var view = views[f.path];
    var modifyDelete = f.conflict === 'modify-delete' || f.conflict === 'delete-modify';
    if (f.commands && modifyDelete) {
      // Changed on one side, deleted on the other: the kept version is in the result; keep it, or remove it.
      if (report.output.workdir) box.appendChild(el('p', 'legend', fill(ui.commandsWhere, { work: report.output.workdir })));
      [[ui.keepOne, f.commands.keep], [ui.removeOne, f.commands.drop]].forEach(function (kc) {
        var cp = el('p', 'command', kc[0] + ': ');
        cp.appendChild(el('code', null, kc[1]));
        box.appendChild(cp);
      });
    } else if (f.commands) {
      var dp = el('p', 'command', ui.dropOne + ': ');
      dp.appendChild(el('code', null, f.commands.drop));
      box.appendChild(dp);
    }
    (f.keptAside || []).forEach(function (k) {
      var p = el('p', null, (ui['keptAside_' + k.as] || ui.keptAsideAt) + ': ');
      p.appendChild(el('code', null, k.path));
      box.appendChild(p);
    });
    if (f.notes && f.notes.length) {
      box.appendChild(el('h4', null, ui.notes));
      var ul = el('ul');
      f.notes.forEach(function (n) { ul.appendChild(el('li', null, n[lang])); });
      box.appendChild(ul);
    }
    if (view && view.kept) {
      box.appendChild(keptView(view));
    } else if (view && view.tooLarge) {
      box.appendChild(el('p', 'warn', ui.tooLarge));
    } else if (view) {
      var text = {};
      view.chunks.forEach(function (c) { for (var i = 0; i < c[1].length; i++) text[c[0] + i] = c[1][i]; });
      var conflicts = f.conflicts || [];
      var baseTitle = f.baseFrom ? fill(ui.sideBase, { name: baseName(f.baseFrom) }) : data.sides.base;
      conflicts.forEach(function (c, k) {
        box.appendChild(conflictView(c, k, conflicts.length, text, view.words ? view.words[k] : null, baseTitle));
      });
      if (conflicts.length) {
        var whole = el('details', 'whole');
        whole.appendChild(el('summary', null, ui.changesTitle));
        whole.addEventListener('toggle', function () {
          if (whole.open && whole.childNodes.length === 1) whole.appendChild(changesView(f, view));
        });
        box.appendChild(whole);
      } else {
        box.appendChild(el('h4', null, ui.changesTitle));
        box.appendChild(changesView(f, view));
      }
    }
    if (!box.childNodes.length) box.appendChild(el('p', 'meta', ui.nothingMore));
    return box;
  }

  /** The version a modify/delete conflict kept, whole, numbered from 1 as in that side's own file. */
  function keptView(view) {
    var sec = el('section', 'kept side-' + view.kept);
    sec.setAttribute('data-kept', view.kept);
    sec.appendChild(el('h4', null, fill(view.kept === 'mine' ? ui.keptMine : ui.keptTheirs, { n: view.lines })));
    if (view.tooLarge) {
      sec.appendChild(el('p', 'warn', ui.keptTooLarge));
      return sec;
    }
    var code = el('div', 'code');
    view.chunks.forEach(function (c) {
      for (var i = 0; i < c[1].length; i++) code.appendChild(line(c[0] + i, c[1][i], null, null));
    });
    if (!view.lines) code.appendChild(el('div', 'empty', ui.keptEmpty));
    sec.appendChild(code);
    return sec;
  }

  function conflictView(c, k, n, text, words, baseTitle) {
    var sec = el('section', 'conflict');
    sec.setAttribute('data-conflict', String(k));
    sec.appendChild(el('h4', null, fill(ui.conflictOf, { k: k + 1, n: n, a: c.startLine, b: c.endLine }) + (c.chars !== undefined ? ' · ' + fill(ui.blockSize, { c: c.chars }) : '')));
    if (c.column !== undefined && (c.cutBefore || c.cutAfter)) sec.appendChild(el('p', 'meta', fill(ui.blockCut, { col: c.column })));
    sec.appendChild(el('p', 'legend', words ? (c.base ? ui.wordsVsBase : ui.wordsVsOther) : ui.noWords));
    var grid = el('div', 'cols ' + (c.base ? 'three' : 'two'));
    var own = c.sideLines || {};
    grid.appendChild(column('mine', data.sides.mine, c.mine, text, words && words.mine, own.mine));
    if (c.base) grid.appendChild(column('base', baseTitle, c.base, text, words && words.base, own.base));
    grid.appendChild(column('theirs', data.sides.theirs, c.theirs, text, words && words.theirs, own.theirs));
    sec.appendChild(grid);
    return sec;
  }

  /**
   * One side of a conflict: its lines (looked up, with their word marks, by their place in the merged file), numbered
   * as that side's own file numbers them (first: its first line there), so the numbers match the side's editor.
   */
  function column(side, title, span, text, marks, first) {
    var col = el('div', 'col side-' + side);
    col.setAttribute('data-side', side);
    col.appendChild(el('div', 'colhead', title));
    var code = el('div', 'code');
    var byLine = {};
    for (var m = 0; marks && m < marks.length; m += 3) {
      (byLine[marks[m]] = byLine[marks[m]] || []).push([marks[m + 1], marks[m + 2]]);
    }
    var count = Math.min(span.length, MAX_COLUMN_LINES);
    for (var i = 0; i < count; i++) {
      var no = span.start + i;
      code.appendChild(line(first === undefined ? no : first + i, text[no], byLine[no], null));
    }
    if (span.length === 0) code.appendChild(el('div', 'empty', ui.emptySide));
    if (span.length > count) code.appendChild(el('div', 'more', fill(ui.moreLines, { n: span.length - count })));
    col.appendChild(code);
    return col;
  }

  function line(no, s, marks, origin) {
    var row = el('div', 'ln' + (origin ? ' o-' + origin : ''));
    if (origin) row.title = ORIGIN_TEXT[origin];
    row.appendChild(el('span', 'no', String(no)));
    var t = el('span', 'tx');
    s = s === undefined ? '' : s;
    if (marks) {
      var at = 0;
      marks.forEach(function (r) {
        if (r[0] > at) t.appendChild(document.createTextNode(s.slice(at, r[0])));
        t.appendChild(el('mark', null, s.slice(r[0], r[1])));
        at = r[1];
      });
      if (at < s.length) t.appendChild(document.createTextNode(s.slice(at)));
    } else {
      t.textContent = s;
    }
    row.appendChild(t);
    return row;
  }

  /** The merged file around its changes, each changed line coloured by where it came from. */
  function changesView(f, view) {
    var wrap = el('div');
    var origin = {};
    var used = {};
    (f.changes || []).forEach(function (s) {
      used[s.from] = 1;
      for (var i = 0; i < s.length; i++) origin[s.start + i] = s.from;
    });
    (f.reused || []).forEach(function (u) {
      if (u.length) used.reused = 1;
      for (var i = 0; i < u.length; i++) origin[u.startLine + i] = 'reused';
    });
    var legend = el('p', 'legend');
    ORIGINS.forEach(function (o) {
      if (!used[o]) return;
      legend.appendChild(el('span', 'sw o-' + o));
      legend.appendChild(document.createTextNode(ORIGIN_TEXT[o]));
    });
    wrap.appendChild(legend);
    var code = el('div', 'code');
    var next = 1;
    view.chunks.forEach(function (c) {
      if (c[0] > next) code.appendChild(el('div', 'gap', fill(ui.gap, { n: c[0] - next })));
      for (var i = 0; i < c[1].length; i++) code.appendChild(line(c[0] + i, c[1][i], null, origin[c[0] + i]));
      next = c[0] + c[1].length;
    });
    if (view.lines >= next) code.appendChild(el('div', 'gap', fill(ui.gap, { n: view.lines - next + 1 })));
    wrap.appendChild(code);
    return wrap;
  }
})();
`;
