#!/usr/bin/env node
/*
 * make-samples.js — generates the bundled demo triplet samples/{base,mine,theirs}.
 *
 *   node scripts/make-samples.js            # (re)write samples/base, samples/mine, samples/theirs
 *   node scripts/make-samples.js --verify   # check each path's merge outcome with git merge-file
 *
 * Deterministic: running it twice gives byte-identical files. Plain Node (zlib, fs, path) plus
 * iconv-lite (a project dependency) for the one windows-1251 page. The generated files are committed;
 * samples/README.md describes what each side contains and the expected merge outcome per path.
 *
 * How it works: every text file is written once as its base content; mine and theirs are the base
 * with exact, unique string replacements applied (edit() fails loudly if a target is missing or
 * ambiguous, so the planned change sites cannot drift). Each file has an encoding and an EOL style,
 * the same on all three sides except where the plan says otherwise (pages/requests.html: CRLF→LF in
 * theirs). Images are generated pixel by pixel and encoded here (PNG, ICO with PNG payload, baseline JPEG).
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const iconv = require('iconv-lite');

const ROOT = path.join(__dirname, '..', 'samples');
const SIDES = ['base', 'mine', 'theirs'];

// ---------------------------------------------------------------------------------------------
// text helpers
// ---------------------------------------------------------------------------------------------

/** Apply exact replacements; each `from` must occur exactly once in the text. */
function edit(text, pairs, label) {
  let out = text;
  for (const [from, to] of pairs) {
    const first = out.indexOf(from);
    if (first < 0) throw new Error(`${label}: edit target not found: ${JSON.stringify(from.slice(0, 80))}`);
    if (out.indexOf(from, first + 1) >= 0) throw new Error(`${label}: edit target not unique: ${JSON.stringify(from.slice(0, 80))}`);
    out = out.slice(0, first) + to + out.slice(first + from.length);
  }
  return out;
}

/** Strip the common leading indentation of a template literal and the first/last empty line. */
function dedent(s) {
  const lines = s.replace(/^\n/, '').replace(/\n[ \t]*$/, '').split('\n');
  const ind = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)[0].length));
  return lines.map((l) => l.slice(ind)).join('\n') + '\n';
}

function encodeText(text, { enc = 'utf8', eol = 'crlf' }) {
  if (text.includes('\r')) throw new Error('text must be written with \\n only');
  const t = eol === 'crlf' ? text.replace(/\n/g, '\r\n') : text;
  if (enc === 'utf8') return Buffer.from(t, 'utf8');
  if (enc === 'utf8bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]);
  if (enc === 'cp1251') {
    const b = iconv.encode(t, 'win1251');
    if (iconv.decode(b, 'win1251') !== t) throw new Error('text not representable in windows-1251');
    return b;
  }
  throw new Error('unknown encoding ' + enc);
}

// ---------------------------------------------------------------------------------------------
// image encoders (no dependencies)
// ---------------------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** RGBA PNG from a pixel function (x, y) → [r, g, b, a]. */
function makePng(w, h, pixel) {
  const raw = Buffer.alloc((w * 4 + 1) * h);
  let o = 0;
  for (let y = 0; y < h; y++) {
    raw[o++] = 0; // filter: none
    for (let x = 0; x < w; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw[o++] = r; raw[o++] = g; raw[o++] = b; raw[o++] = a === undefined ? 255 : a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0; // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** ICO container with one PNG-compressed image (valid since Windows Vista, read by all browsers). */
function makeIco(size, pixel) {
  const png = makePng(size, size, pixel);
  const hdr = Buffer.alloc(6 + 16);
  hdr.writeUInt16LE(0, 0); hdr.writeUInt16LE(1, 2); hdr.writeUInt16LE(1, 4);
  hdr[6] = size; hdr[7] = size; hdr[8] = 0; hdr[9] = 0;
  hdr.writeUInt16LE(1, 10); hdr.writeUInt16LE(32, 12);
  hdr.writeUInt32LE(png.length, 14); hdr.writeUInt32LE(22, 18);
  return Buffer.concat([hdr, png]);
}

/**
 * Baseline JPEG (JFIF, YCbCr 4:4:4) from a pixel function (x, y) → [r, g, b].
 * One quantisation table and custom but valid Huffman tables: DC categories 0–11 with 4-bit codes,
 * the 162 AC symbols (EOB, ZRL, run/size 0x01–0xFA) with 8-bit codes. Not optimal, always decodable.
 */
function makeJpeg(w, h, pixel, quality = 85) {
  const STD = [16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
    14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99];
  const scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
  const Q = STD.map((v) => Math.min(255, Math.max(1, Math.floor((v * scale + 50) / 100))));
  // zigzag order: ZZ[k] = natural index of the k-th coefficient
  const ZZ = [];
  for (let s = 0; s < 15; s++) {
    const cells = [];
    for (let i = 0; i <= s; i++) { const r = i, c = s - i; if (r < 8 && c < 8) cells.push(r * 8 + c); }
    if (s % 2 === 0) cells.reverse();
    ZZ.push(...cells);
  }
  const acSyms = [0x00, 0xf0];
  for (let r = 0; r < 16; r++) for (let s = 1; s <= 10; s++) acSyms.push((r << 4) | s);
  const acCode = new Map(acSyms.map((s, i) => [s, i]));

  const out = [];
  const seg = (marker, body) => { out.push(0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 255, ...body); };
  out.push(0xff, 0xd8);
  seg(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 72, 0, 72, 0, 0]);
  seg(0xdb, [0x00, ...ZZ.map((n) => Q[n])]);
  seg(0xc0, [8, h >> 8, h & 255, w >> 8, w & 255, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]);
  const dcBits = new Array(16).fill(0); dcBits[3] = 12;
  seg(0xc4, [0x00, ...dcBits, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  const acBits = new Array(16).fill(0); acBits[7] = 162;
  seg(0xc4, [0x10, ...acBits, ...acSyms]);
  seg(0xda, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]);

  let acc = 0, nbits = 0;
  const data = [];
  const put = (val, len) => {
    for (let i = len - 1; i >= 0; i--) {
      acc = (acc << 1) | ((val >> i) & 1); nbits++;
      if (nbits === 8) { data.push(acc); if (acc === 0xff) data.push(0); acc = 0; nbits = 0; }
    }
  };
  const cat = (v) => { let a = Math.abs(v), s = 0; while (a) { s++; a >>= 1; } return s; };
  const bitsOf = (v, s) => (v >= 0 ? v : v + (1 << s) - 1);
  const COS = [];
  for (let x = 0; x < 8; x++) for (let u = 0; u < 8; u++) COS[x * 8 + u] = Math.cos(((2 * x + 1) * u * Math.PI) / 16);
  const C = (u) => (u === 0 ? Math.SQRT1_2 : 1);
  const pred = [0, 0, 0];
  const blk = [new Float64Array(64), new Float64Array(64), new Float64Array(64)];
  for (let by = 0; by < h; by += 8) {
    for (let bx = 0; bx < w; bx += 8) {
      for (let y = 0; y < 8; y++) {
        for (let x = 0; x < 8; x++) {
          const [r, g, b] = pixel(Math.min(bx + x, w - 1), Math.min(by + y, h - 1));
          blk[0][y * 8 + x] = 0.299 * r + 0.587 * g + 0.114 * b - 128;
          blk[1][y * 8 + x] = -0.168736 * r - 0.331264 * g + 0.5 * b;
          blk[2][y * 8 + x] = 0.5 * r - 0.418688 * g - 0.081312 * b;
        }
      }
      for (let c = 0; c < 3; c++) {
        const f = blk[c];
        const q = new Int32Array(64);
        for (let v = 0; v < 8; v++) {
          for (let u = 0; u < 8; u++) {
            let sum = 0;
            for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) sum += f[y * 8 + x] * COS[x * 8 + u] * COS[y * 8 + v];
            const F = 0.25 * C(u) * C(v) * sum;
            q[v * 8 + u] = Math.round(F / Q[v * 8 + u]);
          }
        }
        const diff = q[0] - pred[c]; pred[c] = q[0];
        const s = cat(diff);
        put(s, 4); if (s) put(bitsOf(diff, s), s);
        let run = 0;
        for (let k = 1; k < 64; k++) {
          const v = q[ZZ[k]];
          if (v === 0) { run++; continue; }
          while (run > 15) { put(acCode.get(0xf0), 8); run -= 16; }
          const sz = cat(v);
          put(acCode.get((run << 4) | sz), 8); put(bitsOf(v, sz), sz);
          run = 0;
        }
        if (run > 0) put(acCode.get(0x00), 8);
      }
    }
  }
  if (nbits > 0) put((1 << (8 - nbits)) - 1, 8 - nbits); // pad with 1-bits
  out.push(...data, 0xff, 0xd9);
  return Buffer.from(out);
}

// --- pictures ---

const mix = (a, b, t) => a.map((v, i) => Math.round(v + (b[i] - v) * t));

function logoPixel(bg, fg) {
  // 120×40: rounded badge with a house pictogram on the left and three "text" bars on the right
  return (x, y) => {
    const inBadge = x >= 4 && x < 36 && y >= 4 && y < 36;
    if (inBadge) {
      const roof = y >= 8 && y < 20 && Math.abs(x - 20) <= (y - 8);
      const body = y >= 20 && y < 32 && x >= 11 && x < 30 && !(x >= 17 && x < 23 && y >= 25);
      return roof || body ? [...fg, 255] : [...bg, 255];
    }
    const bar = (y0, len) => y >= y0 && y < y0 + 5 && x >= 44 && x < 44 + len;
    if (bar(8, 68) || bar(18, 52) || bar(28, 60)) return [...bg, 255];
    return [255, 255, 255, 0];
  };
}

function iconPixel(color, shape) {
  return (x, y) => {
    const cx = x - 11.5, cy = y - 11.5;
    const r = Math.sqrt(cx * cx + cy * cy);
    let on;
    if (shape === 'home') on = (y >= 4 && y < 12 && Math.abs(x - 11.5) <= y - 3) || (y >= 12 && y < 20 && x >= 6 && x < 18);
    else if (shape === 'coin') on = r < 10 && !(r < 6 && Math.abs(cx) < 1.5);
    else on = r < 10 && !(r < 7) || (Math.abs(cx + cy) < 1.2 && r < 7);
    return on ? [...color, 255] : [0, 0, 0, 0];
  };
}

function bannerPixel(c1, c2, stripe) {
  return (x, y) => {
    let c = mix(c1, c2, x / 239);
    if (stripe && (x + y) % 24 < 6) c = mix(c, [255, 255, 255], 0.25);
    const dx = x - 200, dy = y - 40;
    if (dx * dx + dy * dy < 22 * 22) c = mix(c, [255, 255, 255], 0.55);
    if (y >= 24 && y < 32 && x >= 16 && x < 150) c = mix(c, [255, 255, 255], 0.8);
    if (y >= 44 && y < 50 && x >= 16 && x < 110) c = mix(c, [255, 255, 255], 0.6);
    return c;
  };
}


// ---------------------------------------------------------------------------------------------
// the file plan
// ---------------------------------------------------------------------------------------------

const R = String.raw;
const FILES = []; // { path, enc, eol, eolTheirs, base, mine, theirs } — contents as strings (\n) or null = absent

/**
 * mine / theirs: undefined = same as base, null = deleted, array = edit pairs applied to base,
 * string = full content (for a file added on that side).
 */
/** Edit pairs written relative to an inner page's <main> content get its 4-space indent. */
const ip = (pairs) => pairs.map((pair) => pair.map((s) => s.replace(/\n(?=.)/g, '\n    ').replace(/^(?= )/, '    ')));

/** Edit pairs copied with the source's indentation of a dedent() template: drop its 2-space margin. */
const sd = (pairs) => pairs.map((pair) => pair.map((s) => s.replace(/(^|\n)  /g, '$1')));

function text(p, opts, base, mine, theirs) {
  const side = (spec, label) => {
    if (spec === undefined) return base;
    if (spec === null) return null;
    if (typeof spec === 'string') return spec;
    return edit(base, spec, `${p} (${label})`);
  };
  FILES.push({ path: p, kind: 'text', enc: opts.enc || 'utf8', eol: opts.eol || 'crlf', eolTheirs: opts.eolTheirs,
    base, mine: side(mine, 'mine'), theirs: side(theirs, 'theirs') });
}
function binary(p, base, mine, theirs) {
  FILES.push({ path: p, kind: 'binary', base, mine: mine === undefined ? base : mine, theirs: theirs === undefined ? base : theirs });
}

// ----- index.html (merged: mine — title and menu; theirs — menu item, footer, scripts) -----

text('index.html', {}, dedent(`
  <!DOCTYPE html>
  <html lang="ru">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Личный кабинет жителя</title>
    <link rel="icon" href="img/favicon.ico">
    <link rel="stylesheet" href="css/main.css">
    <link rel="stylesheet" href="css/theme.css">
    <link rel="stylesheet" href="css/print.css" media="print">
  </head>
  <body>
    <header class="header">
      <div class="header__inner">
        <a class="header__logo" href="index.html"><img src="img/logo.png" alt="Логотип" width="120" height="40"></a>
        <div class="header__title">Личный кабинет жителя</div>
        <div class="header__user" id="user-info">
          <span class="header__account">Лицевой счёт: <b id="account-number">—</b></span>
          <a class="header__logout" href="pages/login.html" data-action="logout">Выйти</a>
        </div>
      </div>
    </header>

    <nav class="menu" id="main-menu" data-source="menu.json">
      <ul class="menu__list">
        <li class="menu__item menu__item--active"><a href="index.html">Главная</a></li>
        <li class="menu__item"><a href="pages/payments.html">Платежи</a></li>
        <li class="menu__item"><a href="pages/meters.html">Показания счётчиков</a></li>
        <li class="menu__item"><a href="pages/requests.html">Заявки</a></li>
        <li class="menu__item"><a href="pages/news.html">Новости</a></li>
        <li class="menu__item"><a href="pages/profile.html">Профиль</a></li>
        <li class="menu__item"><a href="pages/help.html">Справка</a></li>
      </ul>
    </nav>

    <main class="content">
      <img class="banner" src="img/banner.jpg" alt="" width="240" height="80">

      <section class="card card--balance">
        <h2>Состояние лицевого счёта</h2>
        <div class="balance">
          <span class="balance__label">К оплате на <span id="balance-date">—</span>:</span>
          <span class="balance__sum" id="balance-sum">0,00 ₽</span>
        </div>
        <a class="btn btn--primary" href="pages/payments.html">Оплатить</a>
      </section>

      <section class="card card--meters">
        <h2>Показания счётчиков</h2>
        <p>Передайте показания приборов учёта до 25 числа текущего месяца.</p>
        <a class="btn" href="pages/meters.html">Передать показания</a>
      </section>

      <section class="card card--requests">
        <h2>Мои заявки</h2>
        <div class="requests-short" id="requests-short" data-widget="requestList" data-limit="3"></div>
        <a class="btn" href="pages/requests.html">Все заявки</a>
      </section>
    </main>

    <footer class="footer">
      <div class="footer__inner">
        <div class="footer__copy">© 2023 Управляющая компания. Все права защищены.</div>
        <div class="footer__support">Служба поддержки: <a id="support-phone" href="tel:">—</a></div>
        <div class="footer__version">Версия 3.0.12</div>
      </div>
    </footer>

    <script src="js/old-polyfills.js"></script>
    <script src="js/lib/mask.js"></script>
    <script src="js/lib/widgets.js"></script>
    <script src="js/api.js"></script>
    <script src="js/menu.js"></script>
    <script src="js/validators.js"></script>
    <script src="js/app.js"></script>
  </body>
  </html>
`), [
  ['<title>Личный кабинет жителя</title>', '<title>Личный кабинет — УК «Солнечный берег»</title>'],
  ['<div class="header__title">Личный кабинет жителя</div>', '<div class="header__title">УК «Солнечный берег» — личный кабинет</div>'],
  ['      <li class="menu__item"><a href="pages/news.html">Новости</a></li>\n', ''],
  ['      <li class="menu__item"><a href="pages/help.html">Справка</a></li>\n',
   '      <li class="menu__item"><a href="pages/help.html">Справка</a></li>\n      <li class="menu__item"><a href="pages/custom/contacts.html">Контакты</a></li>\n'],
], [
  ['      <li class="menu__item"><a href="pages/payments.html">Платежи</a></li>\n',
   '      <li class="menu__item"><a href="pages/payments.html">Платежи</a></li>\n      <li class="menu__item"><a href="pages/documents.html">Документы</a></li>\n'],
  ['      <div class="footer__copy">© 2023 Управляющая компания. Все права защищены.</div>',
   '      <div class="footer__copy">© 2019–2024 Управляющая компания. Все права защищены.</div>\n' +
   '      <div class="footer__links"><a href="pages/agreement.html">Пользовательское соглашение</a> · <a href="pages/agreement.html#personal-data">Обработка персональных данных</a></div>'],
  ['<div class="footer__version">Версия 3.0.12</div>', '<div class="footer__version">Версия 3.1.2 · Работает на 1С:Предприятие 8.3</div>'],
  ['  <script src="js/old-polyfills.js"></script>\n', ''],
  ['  <script src="js/app.js"></script>\n', '  <script src="js/documents.js"></script>\n  <script src="js/app.js"></script>\n'],
]);

// ----- inner pages share a layout -----

function innerPage(title, bodyClass, main, scripts) {
  return dedent(`
    <!DOCTYPE html>
    <html lang="ru">
    <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>${title} — Личный кабинет жителя</title>
      <link rel="icon" href="../img/favicon.ico">
      <link rel="stylesheet" href="../css/main.css">
      <link rel="stylesheet" href="../css/theme.css">
      <link rel="stylesheet" href="../css/print.css" media="print">
    </head>
    <body class="${bodyClass}">
      <header class="header" data-widget="pageHeader"></header>
      <nav class="menu" id="main-menu" data-source="../menu.json"></nav>
      <main class="content">
    @@MAIN@@
      </main>
      <footer class="footer" data-widget="pageFooter"></footer>
    @@SCRIPTS@@
    </body>
    </html>
  `).replace('@@MAIN@@\n', dedent(main).replace(/^(?=.)/gm, '    '))
    .replace('@@SCRIPTS@@\n', ['lib/widgets.js', 'api.js', 'menu.js', ...scripts, 'app.js']
      .map((s) => `  <script src="../js/${s}"></script>\n`).join(''));
}

text('pages/login.html', {}, dedent(`
  <!DOCTYPE html>
  <html lang="ru">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Вход — Личный кабинет жителя</title>
    <link rel="icon" href="../img/favicon.ico">
    <link rel="stylesheet" href="../css/main.css">
    <link rel="stylesheet" href="../css/theme.css">
  </head>
  <body class="page-login">
    <main class="login">
      <img class="login__logo" src="../img/logo.png" alt="Логотип" width="120" height="40">
      <h1 class="login__title">Вход в личный кабинет</h1>
      <form class="form" id="login-form" novalidate>
        <div class="form__row">
          <label for="login">Лицевой счёт или адрес электронной почты</label>
          <input type="text" id="login" name="login" autocomplete="username" required>
        </div>
        <div class="form__row">
          <label for="password">Пароль</label>
          <input type="password" id="password" name="password" autocomplete="current-password" required>
        </div>
        <div class="form__row form__row--inline">
          <label><input type="checkbox" name="remember" checked> Запомнить меня</label>
          <a href="#" data-action="restore">Забыли пароль?</a>
        </div>
        <div class="form__error" id="login-error" role="alert" hidden></div>
        <button type="submit" class="btn btn--primary btn--wide">Войти</button>
        <p class="form__hint">Нет доступа? <a href="#" data-action="register">Зарегистрируйтесь</a> по номеру лицевого счёта из квитанции.</p>
      </form>
    </main>
    <script src="../js/lib/widgets.js"></script>
    <script src="../js/api.js"></script>
    <script src="../js/validators.js"></script>
    <script src="../js/app.js"></script>
  </body>
  </html>
`));

// profile: vendor-only change
text('pages/profile.html', {}, innerPage('Профиль', 'page-profile', `
  <h1>Профиль</h1>
  <form class="form form--profile" id="profile-form" data-widget="form" novalidate>
    <fieldset>
      <legend>Владелец лицевого счёта</legend>
      <div class="form__row">
        <label for="fio">Фамилия, имя, отчество</label>
        <input type="text" id="fio" name="fio" readonly>
      </div>
      <div class="form__row">
        <label for="account">Лицевой счёт</label>
        <input type="text" id="account" name="account" readonly>
      </div>
      <div class="form__row">
        <label for="address">Адрес помещения</label>
        <input type="text" id="address" name="address" readonly>
      </div>
    </fieldset>
    <fieldset>
      <legend>Контактные данные</legend>
      <div class="form__row">
        <label for="phone">Мобильный телефон</label>
        <input type="tel" id="phone" name="phone" data-mask="+7 (999) 999-99-99" data-validate="phone">
      </div>
      <div class="form__row">
        <label for="email">Электронная почта</label>
        <input type="email" id="email" name="email" data-validate="email">
      </div>
      <div class="form__row form__row--inline">
        <label><input type="checkbox" name="paperless"> Получать квитанции только в электронном виде</label>
      </div>
    </fieldset>
    <fieldset>
      <legend>Смена пароля</legend>
      <div class="form__row">
        <label for="old-password">Текущий пароль</label>
        <input type="password" id="old-password" name="oldPassword" autocomplete="current-password">
      </div>
      <div class="form__row">
        <label for="new-password">Новый пароль</label>
        <input type="password" id="new-password" name="newPassword" autocomplete="new-password" data-validate="password">
        <div class="form__hint">Не менее 8 символов, буквы и цифры.</div>
      </div>
    </fieldset>
    <div class="form__actions">
      <button type="submit" class="btn btn--primary">Сохранить</button>
      <button type="reset" class="btn">Отменить</button>
    </div>
  </form>
`, ['validators.js', 'lib/mask.js']), undefined, ip([
  ['      <label><input type="checkbox" name="paperless"> Получать квитанции только в электронном виде</label>\n    </div>\n',
   '      <label><input type="checkbox" name="paperless"> Получать квитанции только в электронном виде</label>\n    </div>\n' +
   '    <div class="form__row">\n      <label for="notify">Способ уведомлений</label>\n      <select id="notify" name="notify">\n' +
   '        <option value="email">Электронная почта</option>\n        <option value="sms">СМС</option>\n        <option value="push">Push-уведомления</option>\n' +
   '        <option value="none">Не уведомлять</option>\n      </select>\n    </div>\n'],
  ['<button type="submit" class="btn btn--primary">Сохранить</button>', '<button type="submit" class="btn btn--primary">Сохранить изменения</button>'],
  ['<div class="form__hint">Не менее 8 символов, буквы и цифры.</div>', '<div class="form__hint">Не менее 10 символов: строчные и прописные буквы, цифры.</div>'],
]));

// payments: vendor-only change
text('pages/payments.html', {}, innerPage('Платежи', 'page-payments', `
  <h1>Платежи</h1>
  <section class="card card--balance">
    <h2>Начислено за <span id="period">—</span></h2>
    <table class="table table--charges" id="charges" data-widget="grid" data-source="charges">
      <thead>
        <tr><th>Услуга</th><th>Начислено</th><th>Оплачено</th><th>К оплате</th></tr>
      </thead>
      <tbody></tbody>
      <tfoot>
        <tr><th>Итого</th><th id="total-charged"></th><th id="total-paid"></th><th id="total-due"></th></tr>
      </tfoot>
    </table>
  </section>
  <section class="card">
    <h2>Оплата</h2>
    <form class="form form--pay" id="pay-form" novalidate>
      <div class="form__row">
        <label for="amount">Сумма, ₽</label>
        <input type="text" id="amount" name="amount" inputmode="decimal" data-validate="money">
      </div>
      <div class="form__row">
        <label for="pay-email">Электронная почта для чека</label>
        <input type="email" id="pay-email" name="email" data-validate="email">
      </div>
      <div class="form__row form__row--inline">
        <label><input type="radio" name="method" value="card" checked> Банковская карта</label>
      </div>
      <p class="form__hint">Комиссия не взимается. Платёж зачисляется на лицевой счёт в течение 1–3 рабочих дней.</p>
      <button type="submit" class="btn btn--primary">Перейти к оплате</button>
    </form>
  </section>
  <section class="card">
    <h2>История платежей</h2>
    <div id="payment-history" data-widget="paymentHistory" data-months="12"></div>
    <button class="btn" data-action="download-receipt">Скачать квитанцию (PDF)</button>
  </section>
`, ['validators.js', 'receipt-print.js']), undefined, [...ip([
  ['      <label><input type="radio" name="method" value="card" checked> Банковская карта</label>\n',
   '      <label><input type="radio" name="method" value="sbp" checked> Система быстрых платежей (QR-код)</label>\n' +
   '      <label><input type="radio" name="method" value="card"> Банковская карта</label>\n'],
  ['Платёж зачисляется на лицевой счёт в течение 1–3 рабочих дней.', 'Оплата через СБП зачисляется в течение суток, картой — 1–3 рабочих дня.'],
  ['  <button class="btn" data-action="download-receipt">Скачать квитанцию (PDF)</button>\n',
   '  <a class="btn" href="documents.html#receipts">Квитанции и документы</a>\n'],
]),
  ['  <script src="../js/receipt-print.js"></script>\n', '  <script src="../js/documents.js"></script>\n'],
]);

// meters: admin-only change
text('pages/meters.html', {}, innerPage('Показания счётчиков', 'page-meters', `
  <h1>Показания счётчиков</h1>
  <p class="note" id="meters-period">Показания принимаются с 20 по 25 число каждого месяца.</p>
  <form class="form form--meters" id="meters-form" novalidate>
    <table class="table table--meters">
      <thead>
        <tr><th>Прибор учёта</th><th>Заводской номер</th><th>Дата поверки</th><th>Предыдущее</th><th>Текущее</th></tr>
      </thead>
      <tbody id="meters-body" data-widget="meterInput">
        <tr data-meter="cold"><td>Холодная вода</td><td>—</td><td>—</td><td class="prev">—</td><td><input type="text" name="cold" inputmode="decimal"></td></tr>
        <tr data-meter="hot"><td>Горячая вода</td><td>—</td><td>—</td><td class="prev">—</td><td><input type="text" name="hot" inputmode="decimal"></td></tr>
        <tr data-meter="el-day"><td>Электроэнергия (день)</td><td>—</td><td>—</td><td class="prev">—</td><td><input type="text" name="elDay" inputmode="decimal"></td></tr>
        <tr data-meter="el-night"><td>Электроэнергия (ночь)</td><td>—</td><td>—</td><td class="prev">—</td><td><input type="text" name="elNight" inputmode="decimal"></td></tr>
      </tbody>
    </table>
    <div class="form__error" id="meters-error" role="alert" hidden></div>
    <button type="submit" class="btn btn--primary">Передать показания</button>
  </form>
  <section class="card">
    <h2>История показаний</h2>
    <div id="meters-history" data-widget="barChart" data-series="cold,hot"></div>
  </section>
`, ['validators.js']), ip([
  ['Показания принимаются с 20 по 25 число каждого месяца.</p>\n',
   'Показания принимаются с 15 по 25 число каждого месяца.</p>\n' +
   '<p class="note note--warning">Если прибор учёта неисправен или истёк срок поверки, позвоните в диспетчерскую: +7 (4212) 45-67-89.</p>\n'],
]));

// requests: the vendor re-saved it with LF line ends (and changed one line); the admin added a category
text('pages/requests.html', { eolTheirs: 'lf' }, innerPage('Заявки', 'page-requests', `
  <h1>Заявки</h1>
  <section class="card">
    <h2>Новая заявка</h2>
    <form class="form form--request" id="request-form" novalidate>
      <div class="form__row">
        <label for="category">Категория</label>
        <select id="category" name="category" required>
          <option value="">— выберите —</option>
          <option value="plumbing">Сантехника</option>
          <option value="electric">Электрика</option>
          <option value="heating">Отопление</option>
          <option value="elevator">Лифт</option>
          <option value="cleaning">Уборка территории</option>
          <option value="other">Другое</option>
        </select>
      </div>
      <div class="form__row">
        <label for="subject">Тема</label>
        <input type="text" id="subject" name="subject" maxlength="150" required>
      </div>
      <div class="form__row">
        <label for="text">Описание проблемы</label>
        <textarea id="text" name="text" rows="6" maxlength="2000" required></textarea>
      </div>
      <div class="form__row">
        <label for="visit-date">Удобная дата визита мастера</label>
        <input type="text" id="visit-date" name="visitDate" data-widget="datePicker">
      </div>
      <div class="form__row">
        <label>Фотографии</label>
        <div class="upload" id="request-files" data-widget="fileUpload" data-multiple="true"></div>
        <div class="form__hint">Не более 5 файлов. Максимальный размер файла — 5 МБ.</div>
      </div>
      <button type="submit" class="btn btn--primary">Отправить заявку</button>
    </form>
  </section>
  <section class="card">
    <h2>Мои заявки</h2>
    <div class="tabs" data-widget="tabs">
      <button class="tabs__tab tabs__tab--active" data-filter="open">Открытые</button>
      <button class="tabs__tab" data-filter="closed">Выполненные</button>
    </div>
    <div id="request-list" data-widget="requestList" data-page-size="10"></div>
  </section>
`, ['validators.js']), ip([
  ['        <option value="elevator">Лифт</option>\n',
   '        <option value="elevator">Лифт</option>\n        <option value="intercom">Домофон и видеонаблюдение</option>\n'],
]), [
  ['Не более 5 файлов. Максимальный размер файла — 5 МБ.', 'Не более 5 файлов. Максимальный размер файла — 10 МБ (JPEG, PNG, HEIC, PDF).'],
]);

// news: deleted by the admin, untouched by the vendor
text('pages/news.html', {}, innerPage('Новости', 'page-news', `
  <h1>Новости и объявления</h1>
  <div class="news" id="news-feed" data-widget="newsFeed" data-page-size="5">
    <article class="news__item">
      <time class="news__date" datetime="2023-11-14">14 ноября 2023</time>
      <h2 class="news__title">Плановое отключение горячей воды</h2>
      <p>В связи с ремонтом теплотрассы 21 ноября с 9:00 до 18:00 будет отключена горячая вода в домах № 12, 14 и 16.</p>
    </article>
    <article class="news__item">
      <time class="news__date" datetime="2023-10-30">30 октября 2023</time>
      <h2 class="news__title">Начало отопительного сезона</h2>
      <p>Подача тепла во все дома начата 2 октября. Если в квартире холодно, оставьте заявку в разделе «Заявки».</p>
    </article>
    <article class="news__item">
      <time class="news__date" datetime="2023-10-02">2 октября 2023</time>
      <h2 class="news__title">Оплата через Систему быстрых платежей</h2>
      <p>Теперь оплатить коммунальные услуги можно по QR-коду из квитанции без комиссии.</p>
    </article>
  </div>
  <div class="pager" data-widget="pager" data-target="news-feed"></div>
`, []), null);

// agreement: untouched
text('pages/agreement.html', {}, innerPage('Пользовательское соглашение', 'page-agreement', `
  <h1>Пользовательское соглашение</h1>
  <ol class="agreement">
    <li>Настоящее соглашение регулирует порядок использования личного кабинета жителя (далее — Личный кабинет).</li>
    <li>Доступ к Личному кабинету предоставляется собственникам и нанимателям помещений по номеру лицевого счёта.</li>
    <li>Пользователь обязуется не передавать третьим лицам логин и пароль от Личного кабинета.</li>
    <li>Сведения о начислениях и платежах носят информационный характер; юридическую силу имеет платёжный документ.</li>
    <li>Показания приборов учёта, переданные через Личный кабинет, принимаются в сроки, установленные договором управления.</li>
    <li>Управляющая организация вправе временно ограничить доступ к Личному кабинету для проведения технических работ.</li>
  </ol>
  <h2 id="personal-data">Обработка персональных данных</h2>
  <p>Регистрируясь в Личном кабинете, пользователь даёт согласие на обработку персональных данных в соответствии
    с Федеральным законом от 27.07.2006 № 152-ФЗ «О персональных данных»: фамилии, имени, отчества, адреса помещения,
    номера телефона, адреса электронной почты, сведений о начислениях и платежах.</p>
  <p>Согласие действует до его отзыва. Отозвать согласие можно письменным заявлением в управляющую организацию.</p>
`, []));

// documents: new vendor page
const documentsPage = innerPage('Документы', 'page-documents', `
  <h1>Документы</h1>
  <div class="tabs" data-widget="tabs">
    <button class="tabs__tab tabs__tab--active" data-filter="receipts">Квитанции</button>
    <button class="tabs__tab" data-filter="acts">Акты сверки</button>
    <button class="tabs__tab" data-filter="contracts">Договоры</button>
  </div>
  <section class="card" id="receipts">
    <div class="documents" id="documents-list" data-widget="documentList" data-page-size="12">
      <p class="documents__empty">Документов пока нет.</p>
    </div>
    <div class="pager" data-widget="pager" data-target="documents-list"></div>
  </section>
  <section class="card">
    <h2>Заказать справку</h2>
    <form class="form" id="certificate-form" novalidate>
      <div class="form__row">
        <label for="cert-type">Вид справки</label>
        <select id="cert-type" name="type">
          <option value="no-debt">Об отсутствии задолженности</option>
          <option value="registered">О зарегистрированных лицах</option>
          <option value="reconciliation">Акт сверки взаиморасчётов</option>
        </select>
      </div>
      <button type="submit" class="btn btn--primary">Заказать</button>
    </form>
  </section>
`, ['documents.js']);
text('pages/documents.html', {}, null, undefined, documentsPage);

// contacts: the admin's own page
const contactsPage = dedent(`
  <!DOCTYPE html>
  <html lang="ru">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Контакты — УК «Солнечный берег»</title>
    <link rel="icon" href="../../img/favicon.ico">
    <link rel="stylesheet" href="../../css/main.css">
    <link rel="stylesheet" href="../../css/theme.css">
  </head>
  <body class="page-contacts">
    <header class="header" data-widget="pageHeader"></header>
    <nav class="menu" id="main-menu" data-source="../../menu.json"></nav>
    <main class="content">
      <h1>Контакты</h1>
      <section class="card">
        <h2>ООО «УК Солнечный берег»</h2>
        <p>680000, г. Хабаровск, ул. Набережная, д. 7, офис 12</p>
        <p>Приёмная: <a href="tel:+74212456780">+7 (4212) 45-67-80</a></p>
        <p>Аварийно-диспетчерская служба (круглосуточно): <a href="tel:+74212456789">+7 (4212) 45-67-89</a></p>
        <p>Электронная почта: <a href="mailto:info@uk-sbereg.ru">info@uk-sbereg.ru</a></p>
      </section>
      <section class="card">
        <h2>Часы приёма</h2>
        <table class="table">
          <tr><td>Понедельник — четверг</td><td>9:00–18:00</td></tr>
          <tr><td>Пятница</td><td>9:00–16:45</td></tr>
          <tr><td>Обед</td><td>13:00–14:00</td></tr>
          <tr><td>Суббота, воскресенье</td><td>выходной</td></tr>
        </table>
      </section>
      <section class="card">
        <h2>Бухгалтерия и паспортный стол</h2>
        <p>Вторник и четверг, 14:00–17:00, кабинет 5. Справки о составе семьи выдаются в день обращения.</p>
      </section>
    </main>
    <footer class="footer" data-widget="pageFooter"></footer>
    <script src="../../js/lib/widgets.js"></script>
    <script src="../../js/api.js"></script>
    <script src="../../js/menu.js"></script>
    <script src="../../js/app.js"></script>
  </body>
  </html>
`);
text('pages/custom/contacts.html', {}, null, contactsPage, undefined);

// help: legacy page kept in windows-1251 since the first version of the cabinet.
// Both sides edit it, far apart (admin: contacts; vendor: a new question) → clean merge in cp1251 bytes.
text('pages/help.html', { enc: 'cp1251' }, dedent(`
  <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
  <html>
  <head>
  <meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
  <meta charset="windows-1251">
  <title>Справка — Личный кабинет жителя</title>
  <link rel="stylesheet" type="text/css" href="../css/main.css">
  <link rel="stylesheet" type="text/css" href="../css/theme.css">
  </head>
  <body class="page-help">
  <div class="content">
  <h1>Справка по работе с личным кабинетом</h1>

  <h2>Как зарегистрироваться?</h2>
  <p>Для регистрации нажмите ссылку «Зарегистрируйтесь» на странице входа и укажите номер лицевого счёта
  из квитанции, фамилию владельца и адрес электронной почты. На почту придёт письмо со ссылкой
  для подтверждения.</p>

  <h2>Я забыл пароль. Что делать?</h2>
  <p>На странице входа нажмите «Забыли пароль?» и введите номер лицевого счёта или адрес электронной почты.
  Ссылка для смены пароля действует 24 часа.</p>

  <h2>Как передать показания счётчиков?</h2>
  <p>Откройте раздел «Показания счётчиков», введите текущие показания каждого прибора учёта
  и нажмите «Передать показания». Показания вводятся целыми числами или с точностью до тысячных (например, 123,456).</p>
  <p>Если новое показание меньше предыдущего, кабинет попросит подтвердить ввод.</p>

  <h2>Почему платёж не отображается?</h2>
  <p>Платёж зачисляется на лицевой счёт после поступления денег от банка, обычно через 1–3 рабочих дня.
  Если прошло больше 5 рабочих дней, оставьте заявку в разделе «Заявки» с категорией «Другое»
  и приложите чек.</p>

  <h2>Как оставить заявку?</h2>
  <p>В разделе «Заявки» выберите категорию, опишите проблему и при необходимости приложите фотографии.
  Номер заявки и её состояние отображаются в списке «Мои заявки».</p>

  <h2>Куда обращаться?</h2>
  <p>Телефон службы поддержки: 8 (800) 000-00-00.<br>
  Электронная почта: support@example.ru<br>
  Режим работы: понедельник — пятница, с 9:00 до 18:00.</p>

  <p class="small">Версия справки: 3.0. Обновлено: 15.03.2021.</p>
  </div>
  </body>
  </html>
`), [
  ['<p>Телефон службы поддержки: 8 (800) 000-00-00.<br>\nЭлектронная почта: support@example.ru<br>\nРежим работы: понедельник — пятница, с 9:00 до 18:00.</p>',
   '<p>Диспетчерская ООО «УК Солнечный берег»: +7 (4212) 45-67-89 (круглосуточно).<br>\nЭлектронная почта: info@uk-sbereg.ru<br>\n' +
   'Приём граждан: понедельник — четверг, с 9:00 до 18:00, пятница — до 16:45.<br>\nАдрес: г. Хабаровск, ул. Набережная, д. 7, офис 12.</p>'],
], [
  ['<h2>Как оставить заявку?</h2>\n',
   '<h2>Где найти квитанцию и акт сверки?</h2>\n<p>Все документы по лицевому счёту собраны в разделе «Документы». Квитанция за месяц\n' +
   'появляется там в первый рабочий день следующего месяца; акт сверки можно заказать на той же странице.</p>\n\n<h2>Как оставить заявку?</h2>\n'],
  ['обычно через 1–3 рабочих дня.', 'при оплате через СБП — в течение суток, картой — через 1–3 рабочих дня.'],
]);

// ----- CSS -----

// main.css: vendor changed buttons and added document styles in the middle; the admin appended own rules at the end
text('css/main.css', {}, dedent(`
  /* ==========================================================================
     Личный кабинет жителя — основные стили
     Не редактируйте этот файл: цвета и шрифты задаются в theme.css
     ========================================================================== */

  *, *::before, *::after { box-sizing: border-box; }

  html { font-size: 16px; }

  body {
    margin: 0;
    font-family: var(--font-family);
    font-size: 1rem;
    line-height: 1.5;
    color: var(--color-text);
    background: var(--color-page-bg);
  }

  a { color: var(--color-link); text-decoration: none; }
  a:hover { text-decoration: underline; }

  h1 { font-size: 1.75rem; font-weight: 600; margin: 0 0 1rem; }
  h2 { font-size: 1.25rem; font-weight: 600; margin: 0 0 .75rem; }

  /* --- Шапка ------------------------------------------------------------- */

  .header { position: sticky; top: 0; z-index: 100; }
  .header__inner {
    display: flex;
    align-items: center;
    gap: 1rem;
    max-width: 1200px;
    margin: 0 auto;
    padding: .5rem 1rem;
  }
  .header__logo img { display: block; height: 40px; width: auto; }
  .header__title { flex: 1; font-size: 1.125rem; font-weight: 600; }
  .header__user { display: flex; gap: 1rem; align-items: center; font-size: .875rem; }
  .header__logout { color: inherit; opacity: .85; }

  /* --- Меню -------------------------------------------------------------- */

  .menu { background: var(--color-menu-bg); border-bottom: 1px solid var(--color-border); }
  .menu__list {
    display: flex;
    flex-wrap: wrap;
    max-width: 1200px;
    margin: 0 auto;
    padding: 0 1rem;
    list-style: none;
  }
  .menu__item a { display: block; padding: .75rem 1rem; color: var(--color-text); }
  .menu__item a:hover { background: var(--color-hover); text-decoration: none; }
  .menu__item--active a { border-bottom: 3px solid var(--color-primary); font-weight: 600; }

  /* --- Содержимое -------------------------------------------------------- */

  .content { max-width: 1200px; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
  .banner { display: block; width: 100%; height: auto; border-radius: var(--radius); margin-bottom: 1.5rem; }

  .card {
    background: #fff;
    border: 1px solid var(--color-border);
    border-radius: var(--radius);
    padding: 1.25rem 1.5rem;
    margin-bottom: 1.5rem;
  }
  .card--balance .balance { display: flex; justify-content: space-between; align-items: baseline; margin-bottom: 1rem; }
  .balance__sum { font-size: 1.75rem; font-weight: 700; }

  .note { padding: .75rem 1rem; background: var(--color-note-bg); border-left: 4px solid var(--color-accent); }

  /* --- Кнопки ------------------------------------------------------------ */

  .btn {
    display: inline-block;
    padding: .5rem 1.25rem;
    font: inherit;
    color: var(--color-text);
    background: #fff;
    border: 1px solid var(--color-border);
    border-radius: var(--radius);
    cursor: pointer;
  }
  .btn:hover { background: var(--color-hover); text-decoration: none; }
  .btn--primary { color: #fff; background: var(--color-primary); border-color: var(--color-primary); }
  .btn--primary:hover { background: var(--color-primary-dark); }
  .btn--wide { width: 100%; }
  .btn[disabled] { opacity: .5; cursor: default; }

  /* --- Формы ------------------------------------------------------------- */

  .form fieldset { border: 0; padding: 0; margin: 0 0 1.5rem; }
  .form legend { font-weight: 600; margin-bottom: .75rem; }
  .form__row { margin-bottom: 1rem; }
  .form__row label { display: block; margin-bottom: .25rem; font-size: .875rem; color: var(--color-muted); }
  .form__row--inline { display: flex; justify-content: space-between; align-items: center; }
  .form__row--inline label { display: inline; color: var(--color-text); }
  .form input[type="text"], .form input[type="email"], .form input[type="tel"],
  .form input[type="password"], .form select, .form textarea {
    width: 100%;
    padding: .5rem .75rem;
    font: inherit;
    border: 1px solid var(--color-border);
    border-radius: var(--radius);
  }
  .form input:focus, .form select:focus, .form textarea:focus { outline: 2px solid var(--color-focus); border-color: transparent; }
  .form input.is-invalid { border-color: var(--color-error); }
  .form__hint { font-size: .8125rem; color: var(--color-muted); margin-top: .25rem; }
  .form__error { color: var(--color-error); margin-bottom: 1rem; }
  .form__actions { display: flex; gap: .75rem; }

  /* --- Таблицы ----------------------------------------------------------- */

  .table { width: 100%; border-collapse: collapse; }
  .table th, .table td { padding: .5rem .75rem; border-bottom: 1px solid var(--color-border); text-align: left; }
  .table th { font-weight: 600; font-size: .875rem; color: var(--color-muted); }
  .table--charges td:not(:first-child), .table--charges th:not(:first-child) { text-align: right; }
  .table--meters input { width: 8rem; text-align: right; }

  /* --- Новости и заявки -------------------------------------------------- */

  .news__item { padding: 1rem 0; border-bottom: 1px solid var(--color-border); }
  .news__date { font-size: .875rem; color: var(--color-muted); }
  .news__title { margin: .25rem 0 .5rem; }
  .requests-short:empty::after { content: "Открытых заявок нет"; color: var(--color-muted); }

  /* --- Вход -------------------------------------------------------------- */

  .page-login { display: flex; min-height: 100vh; align-items: center; justify-content: center; }
  .login { width: 100%; max-width: 400px; padding: 2rem; background: #fff; border-radius: var(--radius); }
  .login__logo { display: block; margin: 0 auto 1rem; }
  .login__title { text-align: center; font-size: 1.5rem; }

  /* --- Подвал ------------------------------------------------------------ */

  .footer { background: var(--color-footer-bg); color: var(--color-footer-text); font-size: .875rem; }
  .footer__inner {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: .5rem 1.5rem;
    max-width: 1200px;
    margin: 0 auto;
    padding: 1rem;
  }
  .footer a { color: inherit; text-decoration: underline; }

  /* --- Адаптивность ------------------------------------------------------ */

  @media (max-width: 720px) {
    .header__title { display: none; }
    .menu__list { flex-direction: column; }
    .card { padding: 1rem; }
    .form__actions { flex-direction: column; }
  }
`), [
  ['  .form__actions { flex-direction: column; }\n}\n',
   '  .form__actions { flex-direction: column; }\n}\n\n' +
   '/* === Доработки УК «Солнечный берег» (не удалять при обновлении!) === */\n\n' +
   '.note--warning { border-left-color: var(--color-error); background: #fff4f4; }\n' +
   '.page-contacts .card p { margin: .25rem 0; }\n' +
   '.header__title { letter-spacing: .02em; }\n'],
], [
  ['  padding: .5rem 1.25rem;\n  font: inherit;\n', '  padding: .625rem 1.5rem;\n  font: inherit;\n  font-weight: 500;\n'],
  ['.btn[disabled] { opacity: .5; cursor: default; }\n', '.btn[disabled], .btn.is-loading { opacity: .5; cursor: default; pointer-events: none; }\n'],
  ['.requests-short:empty::after { content: "Открытых заявок нет"; color: var(--color-muted); }\n',
   '.requests-short:empty::after { content: "Открытых заявок нет"; color: var(--color-muted); }\n\n' +
   '/* --- Документы --------------------------------------------------------- */\n\n' +
   '.documents { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 1rem; }\n' +
   '.documents__item { padding: 1rem; border: 1px solid var(--color-border); border-radius: var(--radius); }\n' +
   '.documents__item:hover { box-shadow: var(--shadow); }\n' +
   '.documents__empty { color: var(--color-muted); }\n' +
   '.tabs { display: flex; gap: .25rem; margin-bottom: 1rem; border-bottom: 1px solid var(--color-border); }\n' +
   '.tabs__tab { padding: .5rem 1rem; background: none; border: 0; font: inherit; cursor: pointer; }\n' +
   '.tabs__tab--active { border-bottom: 3px solid var(--color-primary); font-weight: 600; }\n'],
]);

// theme.css: THE CONFLICT — both changed --color-header-bg; other edits are clean
text('css/theme.css', {}, dedent(`
  /* ==========================================================================
     Тема оформления личного кабинета
     Цвета бренда организации задаются переменными ниже.
     ========================================================================== */

  :root {
    /* Основные цвета */
    --color-primary: #1f6fb2;
    --color-primary-dark: #185a91;
    --color-accent: #f5a623;

    /* Шапка и подвал */
    --color-header-bg: #1f6fb2;
    --color-header-text: #ffffff;
    --color-footer-bg: #2b3440;
    --color-footer-text: #c9d1db;

    /* Меню */
    --color-menu-bg: #ffffff;
    --color-hover: #f0f4f8;

    /* Текст и ссылки */
    --color-text: #1d2733;
    --color-muted: #6b7785;
    --color-link: #1f6fb2;
    --color-focus: #7fb2e5;

    /* Состояния */
    --color-success: #2e7d32;
    --color-error: #c62828;
    --color-note-bg: #fff8e6;

    /* Фон и рамки */
    --color-page-bg: #f5f7fa;
    --color-border: #dde3ea;

    /* Типографика и формы */
    --font-family: "Segoe UI", Tahoma, Arial, sans-serif;
    --radius: 4px;
  }

  .header { background: var(--color-header-bg); color: var(--color-header-text); }
  .header a { color: var(--color-header-text); }
  .footer__version { opacity: .7; }
`), [
  ['--color-primary: #1f6fb2;\n  --color-primary-dark: #185a91;', '--color-primary: #0a7d5a;\n  --color-primary-dark: #06603f;'],
  ['--color-header-bg: #1f6fb2;', '--color-header-bg: #0a7d5a;'],
  ['--color-link: #1f6fb2;', '--color-link: #0a7d5a;'],
  ['--color-focus: #7fb2e5;', '--color-focus: #6cc7a6;'],
], [
  ['--color-header-bg: #1f6fb2;', '--color-header-bg: #17548a;'],
  ['--color-footer-bg: #2b3440;', '--color-footer-bg: #263040;'],
  ['--radius: 4px;\n', '--radius: 6px;\n  --shadow: 0 2px 8px rgba(16, 24, 40, .12);\n'],
  ['.header { background: var(--color-header-bg); color: var(--color-header-text); }',
   '.header { background: var(--color-header-bg); color: var(--color-header-text); box-shadow: var(--shadow); }'],
]);

// print.css: LF, untouched everywhere
text('css/print.css', { eol: 'lf' }, dedent(`
  /* Печать страниц личного кабинета (квитанции, история платежей) */
  @page { size: A4; margin: 15mm; }

  .header, .menu, .footer, .btn, .banner, .pager, .tabs { display: none !important; }

  body { background: #fff; color: #000; font-size: 11pt; }
  .content { max-width: none; padding: 0; }
  .card { border: 0; padding: 0; margin-bottom: 8mm; page-break-inside: avoid; }
  a { color: #000; text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 9pt; }

  .table th, .table td { border-bottom: .5pt solid #999; padding: 1.5mm 2mm; }
  .table thead { display: table-header-group; }
  .table tr { page-break-inside: avoid; }

  .receipt { width: 100%; border: 1pt solid #000; }
  .receipt__qr { width: 30mm; height: 30mm; }
  .receipt__cut { border-top: 1pt dashed #000; margin: 6mm 0; }
`));

// ----- JSON settings -----

// settings.json: UTF-8 with BOM (written by 1C); both sides edit different keys → clean merge
text('settings.json', { enc: 'utf8bom' }, dedent(`
  {
    "product": "1С:Личный кабинет жителя",
    "version": "3.0.12.4",
    "build": "2023-11-20",
    "organization": {
      "name": "Управляющая компания",
      "inn": "",
      "address": "",
      "supportPhone": "8 (800) 000-00-00",
      "supportEmail": "support@example.ru",
      "workHours": "Пн–Пт 9:00–18:00"
    },
    "api": {
      "baseUrl": "/hs/lk/v1",
      "timeout": 30000,
      "retries": 2
    },
    "auth": {
      "method": "password",
      "sessionTimeout": 1800,
      "allowRegistration": true,
      "captcha": false
    },
    "features": {
      "payments": true,
      "meters": true,
      "requests": true,
      "news": true,
      "chat": false
    },
    "payments": {
      "provider": "card",
      "minAmount": 1,
      "commissionPercent": 0
    },
    "meters": {
      "submitFrom": 20,
      "submitTo": 25,
      "maxDelta": 1000,
      "decimals": 3
    },
    "ui": {
      "theme": "default",
      "language": "ru",
      "pageSize": 20,
      "dateFormat": "DD.MM.YYYY"
    }
  }
`), [
  ['"name": "Управляющая компания",\n    "inn": "",\n    "address": "",\n    "supportPhone": "8 (800) 000-00-00",\n    "supportEmail": "support@example.ru",',
   '"name": "ООО «УК Солнечный берег»",\n    "inn": "2721000000",\n    "address": "680000, г. Хабаровск, ул. Набережная, д. 7, офис 12",\n' +
   '    "supportPhone": "+7 (4212) 45-67-89",\n    "supportEmail": "info@uk-sbereg.ru",'],
  ['"news": true,', '"news": false,'],
  ['"submitFrom": 20,', '"submitFrom": 15,'],
  ['"theme": "default",', '"theme": "sbereg",'],
], [
  ['"version": "3.0.12.4",\n  "build": "2023-11-20",', '"version": "3.1.2.7",\n  "build": "2024-04-02",'],
  ['"baseUrl": "/hs/lk/v1",\n    "timeout": 30000,', '"baseUrl": "/hs/lk/v2",\n    "timeout": 20000,'],
  ['"captcha": false', '"captcha": false,\n    "twoFactor": "optional"'],
  ['"payments": true,\n', '"payments": true,\n    "documents": true,\n'],
  ['"provider": "card",', '"provider": "sbp",'],
  ['"dateFormat": "DD.MM.YYYY"', '"dateFormat": "DD.MM.YYYY",\n    "showVersion": true'],
]);

// menu.json: admin removed "news" and added "contacts"; vendor added "documents" → clean merge
text('menu.json', {}, dedent(`
  {
    "version": 2,
    "items": [
      { "id": "home", "title": "Главная", "url": "index.html", "icon": "img/icons/home.png" },
      { "id": "payments", "title": "Платежи", "url": "pages/payments.html", "icon": "img/icons/payment.png" },
      { "id": "meters", "title": "Показания счётчиков", "url": "pages/meters.html", "icon": "img/icons/meter.png" },
      { "id": "requests", "title": "Заявки", "url": "pages/requests.html" },
      { "id": "news", "title": "Новости", "url": "pages/news.html" },
      { "id": "profile", "title": "Профиль", "url": "pages/profile.html" },
      { "id": "help", "title": "Справка", "url": "pages/help.html" }
    ],
    "footer": [
      { "title": "Пользовательское соглашение", "url": "pages/agreement.html" }
    ]
  }
`), [
  ['    { "id": "news", "title": "Новости", "url": "pages/news.html" },\n', ''],
  ['{ "id": "help", "title": "Справка", "url": "pages/help.html" }\n',
   '{ "id": "help", "title": "Справка", "url": "pages/help.html" },\n    { "id": "contacts", "title": "Контакты", "url": "pages/custom/contacts.html" }\n'],
], [
  ['"version": 2,', '"version": 3,'],
  ['"icon": "img/icons/payment.png" },\n', '"icon": "img/icons/payment.png" },\n    { "id": "documents", "title": "Документы", "url": "pages/documents.html", "badge": "new" },\n'],
  ['{ "title": "Пользовательское соглашение", "url": "pages/agreement.html" }\n',
   '{ "title": "Пользовательское соглашение", "url": "pages/agreement.html" },\n    { "title": "Обработка персональных данных", "url": "pages/agreement.html#personal-data" }\n'],
]);

// locales: flat key → text maps
const ruBase = dedent(`
  {
    "app.title": "Личный кабинет жителя",
    "app.loading": "Загрузка…",
    "app.error": "Не удалось выполнить запрос. Повторите попытку позже.",
    "app.sessionExpired": "Сеанс завершён. Войдите снова.",
    "menu.home": "Главная",
    "menu.payments": "Платежи",
    "menu.meters": "Показания счётчиков",
    "menu.requests": "Заявки",
    "menu.news": "Новости",
    "menu.profile": "Профиль",
    "menu.help": "Справка",
    "login.title": "Вход в личный кабинет",
    "login.welcome": "Добро пожаловать в личный кабинет!",
    "login.submit": "Войти",
    "login.error": "Неверный лицевой счёт или пароль",
    "login.locked": "Слишком много попыток входа. Попробуйте через 15 минут.",
    "balance.due": "К оплате",
    "balance.overpaid": "Переплата",
    "balance.noDebt": "Задолженности нет",
    "meters.submit": "Передать показания",
    "meters.saved": "Показания приняты. Спасибо!",
    "meters.tooLow": "Новое показание меньше предыдущего. Проверьте ввод.",
    "meters.tooHigh": "Расход больше обычного. Подтвердите показание.",
    "meters.closed": "Приём показаний закрыт до {from} числа.",
    "requests.created": "Заявка № {number} зарегистрирована",
    "requests.empty": "Заявок нет",
    "requests.status.new": "Новая",
    "requests.status.work": "В работе",
    "requests.status.done": "Выполнена",
    "profile.saved": "Изменения сохранены",
    "validate.required": "Заполните поле",
    "validate.email": "Неверный адрес электронной почты",
    "validate.phone": "Неверный номер телефона",
    "validate.money": "Введите сумму в рублях, например 1250,50"
  }
`);
text('locales/ru.json', { enc: 'utf8bom' }, ruBase, [
  ['"app.title": "Личный кабинет жителя",', '"app.title": "Личный кабинет УК «Солнечный берег»",'],
  ['"menu.help": "Справка",', '"menu.help": "Справка",\n  "menu.contacts": "Контакты",'],
  ['"login.welcome": "Добро пожаловать в личный кабинет!",', '"login.welcome": "Добро пожаловать в личный кабинет УК «Солнечный берег»!",'],
], [
  ['"menu.payments": "Платежи",', '"menu.payments": "Платежи",\n  "menu.documents": "Документы",'],
  ['"login.welcome": "Добро пожаловать в личный кабинет!",', '"login.welcome": "Войдите, чтобы оплачивать услуги и передавать показания",'],
  ['"login.locked": "Слишком много попыток входа. Попробуйте через 15 минут.",',
   '"login.locked": "Слишком много попыток входа. Попробуйте через 15 минут.",\n  "login.code": "Введите код из СМС",\n  "login.codeResend": "Отправить код повторно",'],
  ['"profile.saved": "Изменения сохранены",', '"profile.saved": "Изменения сохранены",\n  "documents.empty": "Документов пока нет",\n  "documents.download": "Скачать",\n  "documents.order": "Заказать справку",'],
  ['"validate.money": "Введите сумму в рублях, например 1250,50"', '"validate.money": "Введите сумму в рублях, например 1250,50",\n  "validate.password": "Пароль должен содержать не менее 10 символов"'],
]);

text('locales/en.json', { eol: 'lf' }, dedent(`
  {
    "app.title": "Resident's account",
    "app.loading": "Loading…",
    "app.error": "The request failed. Please try again later.",
    "app.sessionExpired": "Your session has ended. Please sign in again.",
    "menu.home": "Home",
    "menu.payments": "Payments",
    "menu.meters": "Meter readings",
    "menu.requests": "Requests",
    "menu.news": "News",
    "menu.profile": "Profile",
    "menu.help": "Help",
    "login.title": "Sign in",
    "login.welcome": "Welcome to your personal account!",
    "login.submit": "Sign in",
    "login.error": "Wrong account number or password",
    "login.locked": "Too many attempts. Try again in 15 minutes.",
    "balance.due": "Amount due",
    "balance.overpaid": "Overpaid",
    "balance.noDebt": "No debt",
    "meters.submit": "Submit readings",
    "meters.saved": "Readings accepted. Thank you!",
    "meters.tooLow": "The new reading is lower than the previous one. Please check.",
    "meters.tooHigh": "Consumption is higher than usual. Please confirm.",
    "meters.closed": "Readings are accepted from day {from} of the month.",
    "requests.created": "Request No. {number} has been registered",
    "requests.empty": "No requests",
    "requests.status.new": "New",
    "requests.status.work": "In progress",
    "requests.status.done": "Done",
    "profile.saved": "Changes saved",
    "validate.required": "Please fill in this field",
    "validate.email": "Invalid e-mail address",
    "validate.phone": "Invalid phone number",
    "validate.money": "Enter an amount in roubles, e.g. 1250.50"
  }
`), undefined, [
  ['"menu.payments": "Payments",', '"menu.payments": "Payments",\n  "menu.documents": "Documents",'],
  ['"login.welcome": "Welcome to your personal account!",', '"login.welcome": "Sign in to pay bills and submit meter readings",'],
  ['"login.locked": "Too many attempts. Try again in 15 minutes.",', '"login.locked": "Too many attempts. Try again in 15 minutes.",\n  "login.code": "Enter the code from the SMS",\n  "login.codeResend": "Resend the code",'],
  ['"profile.saved": "Changes saved",', '"profile.saved": "Changes saved",\n  "documents.empty": "No documents yet",\n  "documents.download": "Download",\n  "documents.order": "Order a certificate",'],
  ['"validate.money": "Enter an amount in roubles, e.g. 1250.50"', '"validate.money": "Enter an amount in roubles, e.g. 1250.50",\n  "validate.password": "The password must be at least 10 characters long"'],
]);

// ----- JavaScript -----

// app.js: the admin fixed the month in formatPeriod (getMonth() is 0-based) → mine
text('js/app.js', {}, dedent(R`
  /**
   * app.js — запуск личного кабинета: настройки, сеанс, шапка и подвал, обработчики форм.
   * Вызывается на каждой странице последним.
   */
  (function (global) {
    'use strict';

    var LK = global.LK = global.LK || {};
    var api = LK.api;
    var root = document.documentElement.getAttribute('data-root') || guessRoot();

    function guessRoot() {
      var path = global.location.pathname;
      var depth = (path.match(/\/pages\//) ? 1 : 0) + (path.match(/\/pages\/[^/]+\//) ? 1 : 0);
      return new Array(depth + 1).join('../');
    }

    function loadJson(url, done) {
      var xhr = new XMLHttpRequest();
      xhr.open('GET', root + url, true);
      xhr.onreadystatechange = function () {
        if (xhr.readyState !== 4) return;
        if (xhr.status >= 200 && xhr.status < 300) {
          try { done(null, JSON.parse(xhr.responseText.replace(/^\uFEFF/, ''))); }
          catch (e) { done(e); }
        } else {
          done(new Error('HTTP ' + xhr.status + ' ' + url));
        }
      };
      xhr.send();
    }

    function formatPeriod(d) {
      var month = d.getMonth();
      return (month < 10 ? '0' : '') + month + '.' + d.getFullYear();
    }

    function t(key, params) {
      var s = (LK.messages && LK.messages[key]) || key;
      if (params) {
        s = s.replace(/\{(\w+)\}/g, function (m, name) { return params[name] !== undefined ? params[name] : m; });
      }
      return s;
    }

    function fillHeader(settings, user) {
      var el = document.getElementById('account-number');
      if (el && user) el.textContent = user.account;
      var phone = document.getElementById('support-phone');
      if (phone) {
        phone.textContent = settings.organization.supportPhone;
        phone.href = 'tel:' + settings.organization.supportPhone.replace(/[^\d+]/g, '');
      }
      document.title = document.title.replace('Личный кабинет жителя', t('app.title'));
    }

    function showBalance(balance) {
      var sum = document.getElementById('balance-sum');
      var date = document.getElementById('balance-date');
      if (!sum) return;
      sum.textContent = LK.widgets.formatMoney(Math.abs(balance.amount));
      sum.className = 'balance__sum' + (balance.amount > 0 ? ' balance__sum--due' : '');
      if (date) date.textContent = formatPeriod(new Date(balance.date));
    }

    function bindLogin() {
      var form = document.getElementById('login-form');
      if (!form) return;
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var error = document.getElementById('login-error');
        error.hidden = true;
        if (!LK.validate.form(form)) return;
        api.login(form.login.value, form.password.value, form.remember.checked, function (err) {
          if (err) {
            error.textContent = err.status === 429 ? t('login.locked') : t('login.error');
            error.hidden = false;
            return;
          }
          global.location.href = root + 'index.html';
        });
      });
    }

    function bindLogout() {
      var links = document.querySelectorAll('[data-action="logout"]');
      for (var i = 0; i < links.length; i++) {
        links[i].addEventListener('click', function (e) {
          e.preventDefault();
          api.logout(function () { global.location.href = root + 'pages/login.html'; });
        });
      }
    }

    function bindMeters(settings) {
      var form = document.getElementById('meters-form');
      if (!form) return;
      var day = new Date().getDate();
      if (day < settings.meters.submitFrom || day > settings.meters.submitTo) {
        LK.widgets.toast(t('meters.closed', { from: settings.meters.submitFrom }), 'warning');
      }
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var values = {};
        var inputs = form.querySelectorAll('input[type="text"]');
        for (var i = 0; i < inputs.length; i++) {
          if (inputs[i].value) values[inputs[i].name] = LK.widgets.parseNumber(inputs[i].value);
        }
        api.sendMeters(values, function (err) {
          LK.widgets.toast(err ? t('app.error') : t('meters.saved'), err ? 'error' : 'success');
        });
      });
    }

    function start() {
      loadJson('settings.json', function (err, settings) {
        if (err) { LK.widgets.toast(t('app.error'), 'error'); return; }
        LK.settings = settings;
        api.configure(settings.api);
        loadJson('locales/' + settings.ui.language + '.json', function (err2, messages) {
          LK.messages = messages || {};
          bindLogin();
          bindLogout();
          if (document.body.className.indexOf('page-login') >= 0) return;
          api.currentUser(function (err3, user) {
            if (err3 && err3.status === 401) {
              global.location.href = root + 'pages/login.html';
              return;
            }
            fillHeader(settings, user);
            if (user) api.balance(function (err4, balance) { if (!err4) showBalance(balance); });
            bindMeters(settings);
            LK.widgets.autoInit(document);
          });
        });
      });
    }

    LK.t = t;
    LK.root = root;
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
    else start();
  })(window);
`), sd([
  ['      var month = d.getMonth();\n', '      var month = d.getMonth() + 1; // getMonth() считает с нуля\n'],
]));

// api.js: vendor moved to API v2 and added documents → theirs
text('js/api.js', {}, dedent(R`
  /**
   * api.js — обращения к HTTP-сервису личного кабинета (1С:Предприятие, HTTP-сервис "lk").
   */
  (function (global) {
    'use strict';

    var LK = global.LK = global.LK || {};
    var config = { baseUrl: '/hs/lk/v1', timeout: 30000, retries: 2 };

    function request(method, url, body, done, attempt) {
      attempt = attempt || 0;
      var xhr = new XMLHttpRequest();
      xhr.open(method, config.baseUrl + url, true);
      xhr.timeout = config.timeout;
      xhr.withCredentials = true;
      xhr.setRequestHeader('Accept', 'application/json');
      if (body !== null) xhr.setRequestHeader('Content-Type', 'application/json; charset=utf-8');
      xhr.onreadystatechange = function () {
        if (xhr.readyState !== 4) return;
        if (xhr.status === 0 && attempt < config.retries) {
          setTimeout(function () { request(method, url, body, done, attempt + 1); }, 500 * (attempt + 1));
          return;
        }
        var data = null;
        try { data = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (e) { data = null; }
        if (xhr.status >= 200 && xhr.status < 300) {
          done(null, data);
        } else {
          var err = new Error((data && data.message) || ('Ошибка сервера: ' + xhr.status));
          err.status = xhr.status;
          done(err);
        }
      };
      xhr.send(body === null ? null : JSON.stringify(body));
    }

    LK.api = {
      configure: function (options) {
        for (var k in options) if (options.hasOwnProperty(k)) config[k] = options[k];
      },
      login: function (login, password, remember, done) {
        request('POST', '/auth/login', { login: login, password: password, remember: !!remember }, done);
      },
      logout: function (done) {
        request('POST', '/auth/logout', {}, done);
      },
      currentUser: function (done) {
        request('GET', '/user', null, done);
      },
      balance: function (done) {
        request('GET', '/account/balance', null, done);
      },
      charges: function (period, done) {
        request('GET', '/account/charges?period=' + encodeURIComponent(period), null, done);
      },
      payments: function (months, done) {
        request('GET', '/account/payments?months=' + (months || 12), null, done);
      },
      createPayment: function (amount, email, method, done) {
        request('POST', '/payments', { amount: amount, email: email, method: method }, done);
      },
      meters: function (done) {
        request('GET', '/meters', null, done);
      },
      sendMeters: function (values, done) {
        request('POST', '/meters/readings', { values: values }, done);
      },
      requests: function (filter, page, done) {
        request('GET', '/requests?status=' + filter + '&page=' + page, null, done);
      },
      createRequest: function (data, done) {
        request('POST', '/requests', data, done);
      },
      news: function (page, done) {
        request('GET', '/news?page=' + page, null, done);
      },
      receipt: function (period, done) {
        request('GET', '/account/receipt?period=' + encodeURIComponent(period), null, done);
      },
      saveProfile: function (data, done) {
        request('PUT', '/user', data, done);
      }
    };
  })(window);
`), undefined, sd([
  ["var config = { baseUrl: '/hs/lk/v1', timeout: 30000, retries: 2 };", "var config = { baseUrl: '/hs/lk/v2', timeout: 20000, retries: 2, language: 'ru' };"],
  ["      xhr.setRequestHeader('Accept', 'application/json');\n",
   "      xhr.setRequestHeader('Accept', 'application/json');\n      xhr.setRequestHeader('Accept-Language', config.language);\n"],
  ["      login: function (login, password, remember, done) {\n        request('POST', '/auth/login', { login: login, password: password, remember: !!remember }, done);\n      },\n",
   "      login: function (login, password, remember, done) {\n        request('POST', '/auth/login', { login: login, password: password, remember: !!remember }, done);\n      },\n" +
   "      confirmCode: function (code, done) {\n        request('POST', '/auth/code', { code: code }, done);\n      },\n"],
  ["      receipt: function (period, done) {\n        request('GET', '/account/receipt?period=' + encodeURIComponent(period), null, done);\n      },\n",
   "      documents: function (kind, page, done) {\n        request('GET', '/documents?kind=' + kind + '&page=' + page, null, done);\n      },\n" +
   "      documentUrl: function (id) {\n        return config.baseUrl + '/documents/' + encodeURIComponent(id) + '/file';\n      },\n" +
   "      orderCertificate: function (type, done) {\n        request('POST', '/documents/certificates', { type: type }, done);\n      },\n"],
]));

// menu.js: untouched
text('js/menu.js', {}, dedent(R`
  /**
   * menu.js — строит главное меню из menu.json и отмечает текущий пункт.
   */
  (function (global) {
    'use strict';

    var LK = global.LK = global.LK || {};

    function currentPage() {
      var path = global.location.pathname.replace(/\\/g, '/');
      return path.substring(path.lastIndexOf('/') + 1) || 'index.html';
    }

    function render(nav, data, prefix) {
      var ul = document.createElement('ul');
      ul.className = 'menu__list';
      var page = currentPage();
      for (var i = 0; i < data.items.length; i++) {
        var item = data.items[i];
        var li = document.createElement('li');
        li.className = 'menu__item' + (item.url.split('/').pop() === page ? ' menu__item--active' : '');
        var a = document.createElement('a');
        a.href = prefix + item.url;
        a.textContent = (LK.t && LK.t('menu.' + item.id) !== 'menu.' + item.id) ? LK.t('menu.' + item.id) : item.title;
        if (item.badge) {
          var badge = document.createElement('span');
          badge.className = 'menu__badge';
          badge.textContent = item.badge === 'new' ? 'новое' : item.badge;
          a.appendChild(badge);
        }
        li.appendChild(a);
        ul.appendChild(li);
      }
      nav.innerHTML = '';
      nav.appendChild(ul);
    }

    function init() {
      var nav = document.getElementById('main-menu');
      if (!nav) return;
      var src = nav.getAttribute('data-source');
      if (!src) return;
      var prefix = src.replace(/menu\.json$/, '');
      var xhr = new XMLHttpRequest();
      xhr.open('GET', src, true);
      xhr.onload = function () {
        if (xhr.status !== 200) return;
        try {
          render(nav, JSON.parse(xhr.responseText.replace(/^\uFEFF/, '')), prefix);
        } catch (e) {
          if (global.console) global.console.warn('menu.json: ' + e.message);
        }
      };
      xhr.send();
    }

    LK.menu = { init: init, render: render };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
    else init();
  })(window);
`));

// validators.js: untouched
text('js/validators.js', {}, dedent(R`
  /**
   * validators.js — проверка полей форм (атрибут data-validate).
   */
  (function (global) {
    'use strict';

    var LK = global.LK = global.LK || {};

    var rules = {
      required: function (v) { return v.replace(/\s+/g, '') !== ''; },
      email: function (v) { return v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(v); },
      phone: function (v) { return v === '' || /^\+7 \(\d{3}\) \d{3}-\d{2}-\d{2}$/.test(v); },
      money: function (v) { return /^\d{1,7}([.,]\d{1,2})?$/.test(v.replace(/\s/g, '')); },
      password: function (v) { return v === '' || (v.length >= 8 && /\d/.test(v) && /[a-zа-яё]/i.test(v)); },
      account: function (v) { return /^\d{6,12}$/.test(v); }
    };

    function message(rule) {
      return LK.t ? LK.t('validate.' + rule) : 'Неверное значение';
    }

    function field(input) {
      var list = (input.getAttribute('data-validate') || '').split(/\s+/);
      if (input.required) list.unshift('required');
      for (var i = 0; i < list.length; i++) {
        var rule = list[i];
        if (!rule || !rules[rule]) continue;
        if (!rules[rule](input.value)) {
          input.classList.add('is-invalid');
          input.setAttribute('aria-invalid', 'true');
          input.title = message(rule);
          return false;
        }
      }
      input.classList.remove('is-invalid');
      input.removeAttribute('aria-invalid');
      input.title = '';
      return true;
    }

    function form(f) {
      var ok = true;
      var inputs = f.querySelectorAll('input, select, textarea');
      for (var i = 0; i < inputs.length; i++) {
        if (!field(inputs[i]) && ok) {
          ok = false;
          inputs[i].focus();
        }
      }
      return ok;
    }

    LK.validate = { rules: rules, field: field, form: form };
  })(window);
`));

// lib/mask.js: third-party style file, LF line ends, untouched
text('js/lib/mask.js', { eol: 'lf' }, dedent(R`
  /*!
   * Simple input mask, v1.4.2 — MIT License
   * Usage: <input data-mask="+7 (999) 999-99-99">   9 — digit, a — letter, * — any
   */
  ;(function (root) {
    "use strict";

    var DEFS = { "9": /\d/, "a": /[A-Za-zА-Яа-яЁё]/, "*": /./ };

    function Mask(input, pattern) {
      this.input = input;
      this.pattern = pattern;
      this.placeholder = "_";
      this.onInput = this.onInput.bind(this);
      this.onFocus = this.onFocus.bind(this);
      this.onBlur = this.onBlur.bind(this);
      input.addEventListener("input", this.onInput);
      input.addEventListener("focus", this.onFocus);
      input.addEventListener("blur", this.onBlur);
    }

    Mask.prototype.apply = function (raw) {
      var out = "", j = 0, p = this.pattern;
      for (var i = 0; i < p.length; i++) {
        var def = DEFS[p.charAt(i)];
        if (!def) { out += p.charAt(i); continue; }
        while (j < raw.length && !def.test(raw.charAt(j))) j++;
        if (j >= raw.length) break;
        out += raw.charAt(j++);
      }
      return out;
    };

    Mask.prototype.strip = function (value) {
      var fixed = this.pattern.replace(/[9a*]/g, "");
      var out = "";
      for (var i = 0; i < value.length; i++) {
        if (fixed.indexOf(value.charAt(i)) < 0) out += value.charAt(i);
      }
      return out;
    };

    Mask.prototype.onInput = function () {
      var value = this.input.value;
      if (this.pattern.indexOf("+7") === 0 && /^[78]/.test(value)) value = value.substring(1);
      this.input.value = this.apply(this.strip(value));
    };

    Mask.prototype.onFocus = function () {
      if (!this.input.value) this.input.value = this.apply("");
    };

    Mask.prototype.onBlur = function () {
      if (this.strip(this.input.value) === "") this.input.value = "";
    };

    Mask.prototype.destroy = function () {
      this.input.removeEventListener("input", this.onInput);
      this.input.removeEventListener("focus", this.onFocus);
      this.input.removeEventListener("blur", this.onBlur);
    };

    function init(scope) {
      var list = (scope || document).querySelectorAll("input[data-mask]");
      for (var i = 0; i < list.length; i++) {
        if (!list[i]._mask) list[i]._mask = new Mask(list[i], list[i].getAttribute("data-mask"));
      }
    }

    root.InputMask = { Mask: Mask, init: init };
    if (document.readyState !== "loading") init();
    else document.addEventListener("DOMContentLoaded", function () { init(); });
  })(this);
`));

// old-polyfills.js: obsolete (IE 11); vendor removed it, admin never touched it → deleted
text('js/old-polyfills.js', {}, dedent(R`
  /**
   * old-polyfills.js — совместимость с Internet Explorer 11.
   * Подключается первым на всех страницах.
   */
  (function () {
    'use strict';

    if (!Array.prototype.forEach) {
      Array.prototype.forEach = function (fn, ctx) {
        for (var i = 0; i < this.length; i++) fn.call(ctx, this[i], i, this);
      };
    }

    if (!Array.prototype.indexOf) {
      Array.prototype.indexOf = function (item) {
        for (var i = 0; i < this.length; i++) if (this[i] === item) return i;
        return -1;
      };
    }

    if (!String.prototype.trim) {
      String.prototype.trim = function () { return this.replace(/^\s+|\s+$/g, ''); };
    }

    if (!Object.assign) {
      Object.assign = function (target) {
        for (var i = 1; i < arguments.length; i++) {
          var src = arguments[i];
          for (var k in src) if (Object.prototype.hasOwnProperty.call(src, k)) target[k] = src[k];
        }
        return target;
      };
    }

    if (!Element.prototype.matches) {
      Element.prototype.matches = Element.prototype.msMatchesSelector || Element.prototype.webkitMatchesSelector;
    }

    if (!Element.prototype.closest) {
      Element.prototype.closest = function (selector) {
        var el = this;
        while (el && el.nodeType === 1) {
          if (el.matches(selector)) return el;
          el = el.parentNode;
        }
        return null;
      };
    }

    if (typeof window.CustomEvent !== 'function') {
      window.CustomEvent = function (name, params) {
        params = params || { bubbles: false, cancelable: false, detail: null };
        var evt = document.createEvent('CustomEvent');
        evt.initCustomEvent(name, params.bubbles, params.cancelable, params.detail);
        return evt;
      };
    }
  })();
`), undefined, null);

// receipt-print.js: the admin added the company's requisites; the vendor removed the file (moved into documents.js)
// → modify/delete conflict: the merge keeps mine and reports it
text('js/receipt-print.js', {}, dedent(R`
  /**
   * receipt-print.js — печать квитанции за выбранный период.
   */
  (function (global) {
    'use strict';

    var LK = global.LK = global.LK || {};

    function header(settings) {
      var org = settings.organization;
      return '<div class="receipt__header">' +
        '<div class="receipt__org">' + LK.widgets.escapeHtml(org.name) + '</div>' +
        '<div class="receipt__phone">Телефон: ' + LK.widgets.escapeHtml(org.supportPhone) + '</div>' +
        '</div>';
    }

    function rows(charges) {
      var html = '';
      for (var i = 0; i < charges.length; i++) {
        var c = charges[i];
        html += '<tr><td>' + LK.widgets.escapeHtml(c.service) + '</td>' +
          '<td>' + LK.widgets.formatMoney(c.charged) + '</td>' +
          '<td>' + LK.widgets.formatMoney(c.due) + '</td></tr>';
      }
      return html;
    }

    function print(period) {
      LK.api.receipt(period, function (err, data) {
        if (err) { LK.widgets.toast(LK.t('app.error'), 'error'); return; }
        var win = global.open('', '_blank', 'width=800,height=900');
        if (!win) { LK.widgets.toast('Разрешите всплывающие окна для печати квитанции', 'warning'); return; }
        win.document.write('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Квитанция за ' + period + '</title>' +
          '<link rel="stylesheet" href="' + LK.root + 'css/print.css"></head><body>' +
          header(LK.settings) +
          '<table class="table receipt"><thead><tr><th>Услуга</th><th>Начислено</th><th>К оплате</th></tr></thead>' +
          '<tbody>' + rows(data.charges) + '</tbody></table>' +
          '<img class="receipt__qr" src="data:image/png;base64,' + data.qr + '" alt="QR-код для оплаты">' +
          '</body></html>');
        win.document.close();
        win.focus();
        win.print();
      });
    }

    document.addEventListener('click', function (e) {
      var btn = e.target.closest && e.target.closest('[data-action="download-receipt"]');
      if (!btn) return;
      e.preventDefault();
      print(btn.getAttribute('data-period') || LK.widgets.formatDate(new Date(), 'MM.YYYY'));
    });

    LK.receipt = { print: print };
  })(window);
`), sd([
  ["        '<div class=\"receipt__phone\">Телефон: ' + LK.widgets.escapeHtml(org.supportPhone) + '</div>' +\n",
   "        '<div class=\"receipt__phone\">Телефон: ' + LK.widgets.escapeHtml(org.supportPhone) + '</div>' +\n" +
   "        '<div class=\"receipt__req\">ИНН ' + LK.widgets.escapeHtml(org.inn) + ', ' + LK.widgets.escapeHtml(org.address) + '</div>' +\n" +
   "        '<div class=\"receipt__req\">р/с 40702810000000000001 в ПАО «Дальневосточный банк», БИК 040813000</div>' +\n"],
]), null);

// documents.js: new vendor file
text('js/documents.js', {}, null, undefined, dedent(R`
  /**
   * documents.js — раздел «Документы»: квитанции, акты сверки, договоры, заказ справок.
   * Заменяет receipt-print.js (версия 3.1).
   */
  (function (global) {
    'use strict';

    var LK = global.LK = global.LK || {};
    var W = LK.widgets;

    var KIND_TITLES = {
      receipts: 'Квитанция',
      acts: 'Акт сверки',
      contracts: 'Договор'
    };

    function renderItem(doc) {
      return '<div class="documents__item">' +
        '<div class="documents__kind">' + W.escapeHtml(KIND_TITLES[doc.kind] || doc.kind) + '</div>' +
        '<div class="documents__title">' + W.escapeHtml(doc.title) + '</div>' +
        '<div class="documents__date">' + W.formatDate(new Date(doc.date)) + '</div>' +
        '<a class="btn" href="' + LK.api.documentUrl(doc.id) + '" download>' + LK.t('documents.download') + '</a>' +
        '</div>';
    }

    function DocumentList(el, options) {
      W.Widget.call(this, el, W.extend({ kind: 'receipts', pageSize: 12 }, options));
      this._page = 1;
    }
    W.inherit(DocumentList, W.Widget);

    DocumentList.prototype.init = function () {
      var self = this;
      this.on(document, 'lk:tab', function (e) {
        self.options.kind = e.detail.filter;
        self._page = 1;
        self.load();
      });
      this.load();
    };

    DocumentList.prototype.load = function () {
      var self = this;
      this.el.classList.add('is-loading');
      LK.api.documents(this.options.kind, this._page, function (err, data) {
        self.el.classList.remove('is-loading');
        if (err) { W.toast(LK.t('app.error'), 'error'); return; }
        self.el.innerHTML = data.items.length
          ? data.items.map(renderItem).join('')
          : '<p class="documents__empty">' + LK.t('documents.empty') + '</p>';
        self.trigger('loaded', { total: data.total });
      });
    };

    function bindCertificateForm() {
      var form = document.getElementById('certificate-form');
      if (!form) return;
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var btn = form.querySelector('[type="submit"]');
        btn.classList.add('is-loading');
        LK.api.orderCertificate(form.type.value, function (err) {
          btn.classList.remove('is-loading');
          W.toast(err ? LK.t('app.error') : 'Заявка на справку принята. Справка появится в списке документов.', err ? 'error' : 'success');
        });
      });
    }

    W.register('documentList', DocumentList);
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', bindCertificateForm);
    else bindCertificateForm();
  })(window);
`));

// ----- js/lib/widgets.js: the large file (~3,600 lines) -----

const WIDGETS_HEAD = dedent(R`
  /*!
   * widgets.js — библиотека элементов интерфейса личного кабинета жителя
   * Версия 3.0.12
   *
   * Подключение: <script src="js/lib/widgets.js"></script>
   * Элементы создаются автоматически по атрибуту data-widget="имя" (см. autoInit)
   * или вручную: new LK.widgets.Grid(element, { pageSize: 10 }).
   *
   * Код совместим с ES5: личный кабинет открывают и в старых браузерах.
   */
  (function (global) {
  'use strict';

  var LK = global.LK = global.LK || {};
  var W = LK.widgets = LK.widgets || {};
  var doc = global.document;

  // ==========================================================================
  // Утилиты
  // ==========================================================================

  /** Копирует собственные свойства источников в target (неглубоко). */
  function extend(target) {
    for (var i = 1; i < arguments.length; i++) {
      var src = arguments[i];
      if (!src) continue;
      for (var key in src) {
        if (Object.prototype.hasOwnProperty.call(src, key)) target[key] = src[key];
      }
    }
    return target;
  }

  /** Наследование прототипов в стиле ES5. */
  function inherit(Child, Parent) {
    Child.prototype = Object.create(Parent.prototype);
    Child.prototype.constructor = Child;
    Child.parent = Parent;
    return Child;
  }

  var uidCounter = 0;
  /** Уникальный идентификатор для атрибутов id и aria-*. */
  function uid(prefix) {
    uidCounter += 1;
    return (prefix || 'lk') + '-' + uidCounter;
  }

  /** Откладывает вызов fn, пока не пройдёт wait мс без новых вызовов. */
  function debounce(fn, wait) {
    var timer = null;
    return function () {
      var ctx = this, args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(ctx, args); }, wait);
    };
  }

  /** Вызывает fn не чаще одного раза в wait мс. */
  function throttle(fn, wait) {
    var last = 0, timer = null;
    return function () {
      var ctx = this, args = arguments, now = Date.now();
      var rest = wait - (now - last);
      if (rest <= 0) {
        last = now;
        fn.apply(ctx, args);
      } else if (!timer) {
        timer = setTimeout(function () {
          timer = null;
          last = Date.now();
          fn.apply(ctx, args);
        }, rest);
      }
    };
  }

  var HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  /** Экранирует текст для вставки в HTML. */
  function escapeHtml(value) {
    return String(value === null || value === undefined ? '' : value).replace(/[&<>"']/g, function (ch) {
      return HTML_ESCAPES[ch];
    });
  }

  /** Разбирает число в русской записи: "1 250,50" → 1250.5. */
  function parseNumber(text) {
    if (typeof text === 'number') return text;
    var s = String(text || '').replace(/[\s\u00a0]/g, '').replace(',', '.');
    var n = parseFloat(s);
    return isNaN(n) ? 0 : n;
  }

  /** Сумма в рублях: 1250.5 → "1 250,50 руб.". */
  function formatMoney(value, withCurrency) {
    var n = Math.round((Number(value) || 0) * 100) / 100;
    var sign = n < 0 ? '-' : '';
    var parts = Math.abs(n).toFixed(2).split('.');
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
    return sign + parts[0] + ',' + parts[1] + (withCurrency === false ? '' : ' руб.');
  }

  var MONTHS_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа',
    'сентября', 'октября', 'ноября', 'декабря'];

  function pad2(n) { return (n < 10 ? '0' : '') + n; }

  /** Дата по шаблону: DD, MM, YYYY, HH, mm, MMMM (месяц в родительном падеже). */
  function formatDate(date, pattern) {
    if (!(date instanceof Date) || isNaN(date.getTime())) return '';
    return (pattern || 'DD.MM.YYYY')
      .replace('YYYY', String(date.getFullYear()))
      .replace('MMMM', MONTHS_GENITIVE[date.getMonth()])
      .replace('MM', pad2(date.getMonth() + 1))
      .replace('DD', pad2(date.getDate()))
      .replace('HH', pad2(date.getHours()))
      .replace('mm', pad2(date.getMinutes()));
  }

  /** Разбирает дату "ДД.ММ.ГГГГ" или ISO 8601; возвращает null, если не удалось. */
  function parseDate(text) {
    if (!text) return null;
    var m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(String(text).trim());
    if (m) {
      var d = new Date(+m[3], +m[2] - 1, +m[1]);
      return d.getMonth() === +m[2] - 1 ? d : null;
    }
    var iso = new Date(text);
    return isNaN(iso.getTime()) ? null : iso;
  }

  /** Склонение: pluralize(5, ['заявка', 'заявки', 'заявок']) → "заявок". */
  function pluralize(n, forms) {
    var a = Math.abs(n) % 100, b = a % 10;
    if (a > 10 && a < 20) return forms[2];
    if (b > 1 && b < 5) return forms[1];
    if (b === 1) return forms[0];
    return forms[2];
  }

  /** Простая подстановка {имя} в шаблон; значения экранируются. */
  function template(tpl, data) {
    return tpl.replace(/\{(\w+)(\|raw)?\}/g, function (m, key, raw) {
      var v = data[key];
      if (v === undefined || v === null) return '';
      return raw ? String(v) : escapeHtml(v);
    });
  }

  /** Читает параметры элемента из data-атрибутов: data-page-size="10" → { pageSize: 10 }. */
  function dataOptions(el) {
    var out = {};
    for (var i = 0; i < el.attributes.length; i++) {
      var attr = el.attributes[i];
      if (attr.name.indexOf('data-') !== 0 || attr.name === 'data-widget') continue;
      var key = attr.name.substring(5).replace(/-([a-z])/g, function (m, ch) { return ch.toUpperCase(); });
      var v = attr.value;
      if (v === 'true') v = true;
      else if (v === 'false') v = false;
      else if (/^-?\d+(\.\d+)?$/.test(v)) v = parseFloat(v);
      out[key] = v;
    }
    return out;
  }

  /** Запрос JSON к HTTP-сервису; использует LK.api, если он подключён. */
  function ajax(method, url, body, done) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, url, true);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) return;
      var data = null;
      try { data = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (e) { data = null; }
      if (xhr.status >= 200 && xhr.status < 300) done(null, data);
      else done(extend(new Error('HTTP ' + xhr.status), { status: xhr.status }), data);
    };
    xhr.send(body ? JSON.stringify(body) : null);
    return xhr;
  }

  // ==========================================================================
  // Базовый класс элемента интерфейса
  // ==========================================================================

  /**
   * Общая часть всех элементов: параметры, подписка на события с автоматической
   * отпиской в destroy(), генерация событий "lk:имя".
   */
  function Widget(el, options) {
    this.el = el;
    this.options = extend({}, options);
    this._listeners = [];
    this._destroyed = false;
    this.id = el.id || uid('w');
    el._lkWidget = this;
  }

  Widget.prototype.init = function () {};

  Widget.prototype.on = function (target, type, handler) {
    var self = this;
    var bound = function (e) { return handler.call(self, e); };
    target.addEventListener(type, bound, false);
    this._listeners.push([target, type, bound]);
    return bound;
  };

  Widget.prototype.off = function () {
    for (var i = 0; i < this._listeners.length; i++) {
      var l = this._listeners[i];
      l[0].removeEventListener(l[1], l[2], false);
    }
    this._listeners = [];
  };

  Widget.prototype.trigger = function (name, detail) {
    var evt;
    try {
      evt = new CustomEvent('lk:' + name, { bubbles: true, cancelable: true, detail: detail || null });
    } catch (e) {
      evt = doc.createEvent('CustomEvent');
      evt.initCustomEvent('lk:' + name, true, true, detail || null);
    }
    return this.el.dispatchEvent(evt);
  };

  Widget.prototype.find = function (selector) { return this.el.querySelector(selector); };

  Widget.prototype.findAll = function (selector) {
    return Array.prototype.slice.call(this.el.querySelectorAll(selector));
  };

  Widget.prototype.setState = function (name, on) {
    this.el.classList[on ? 'add' : 'remove']('is-' + name);
  };

  Widget.prototype.destroy = function () {
    if (this._destroyed) return;
    this.off();
    this._destroyed = true;
    delete this.el._lkWidget;
    this.trigger('destroy');
  };

  // ==========================================================================
  // Регистрация и автоматическое создание
  // ==========================================================================

  var registry = {};

  function register(name, Ctor) {
    registry[name] = Ctor;
    return Ctor;
  }

  /** Создаёт элементы для всех [data-widget] внутри scope, которые ещё не созданы. */
  function autoInit(scope) {
    var list = (scope || doc).querySelectorAll('[data-widget]');
    var created = [];
    for (var i = 0; i < list.length; i++) {
      var el = list[i];
      if (el._lkWidget) continue;
      var Ctor = registry[el.getAttribute('data-widget')];
      if (!Ctor) {
        if (global.console) global.console.warn('Неизвестный элемент: ' + el.getAttribute('data-widget'));
        continue;
      }
      var w = new Ctor(el, dataOptions(el));
      w.init();
      created.push(w);
    }
    return created;
  }

  // ==========================================================================
  // Всплывающие уведомления (toast)
  // ==========================================================================

  var toastDefaults = {
    duration: 3000,      // сколько показывать, мс
    position: 'top',     // top | bottom
    maxVisible: 3        // одновременно на экране
  };
  var toastBox = null;

  /** Показывает уведомление: kind = info | success | warning | error. */
  function toast(message, kind, options) {
    var o = extend({}, toastDefaults, options);
    if (!toastBox) {
      toastBox = doc.createElement('div');
      toastBox.className = 'lk-toasts lk-toasts--' + o.position;
      toastBox.setAttribute('role', 'status');
      toastBox.setAttribute('aria-live', 'polite');
      doc.body.appendChild(toastBox);
    }
    while (toastBox.children.length >= o.maxVisible) toastBox.removeChild(toastBox.firstChild);
    var item = doc.createElement('div');
    item.className = 'lk-toast lk-toast--' + (kind || 'info');
    item.textContent = message;
    toastBox.appendChild(item);
    setTimeout(function () {
      item.classList.add('lk-toast--hide');
      setTimeout(function () { if (item.parentNode) item.parentNode.removeChild(item); }, 300);
    }, o.duration);
    return item;
  }
`);

const WIDGETS_CORE = dedent(R`
  // ==========================================================================
  // Grid — таблица с сортировкой и постраничным выводом
  // ==========================================================================

  function Grid(el, options) {
    Widget.call(this, el, extend({}, Grid.defaults, options));
    this._rows = [];
    this._sortKey = null;
    this._sortDir = 1;
    this._page = 1;
  }
  inherit(Grid, Widget);

  Grid.defaults = {
    source: null,         // имя метода LK.api, возвращающего строки
    pageSize: 20,         // строк на странице
    sortable: true,
    emptyText: 'Нет данных',
    moneyColumns: []      // индексы столбцов с суммами
  };

  Grid.prototype.init = function () {
    var self = this;
    this._body = this.find('tbody') || this.el;
    if (this.options.sortable) {
      this.findAll('thead th').forEach(function (th, index) {
        th.classList.add('is-sortable');
        self.on(th, 'click', function () { self.sortBy(index); });
      });
    }
    if (this.options.source && LK.api && LK.api[this.options.source]) {
      this.setState('loading', true);
      LK.api[this.options.source](null, function (err, data) {
        self.setState('loading', false);
        if (err) { toast(err.message, 'error'); return; }
        self.setRows(data.rows || data);
      });
    }
  };

  Grid.prototype.setRows = function (rows) {
    this._rows = rows.slice();
    this._page = 1;
    this.render();
  };

  Grid.prototype.sortBy = function (index) {
    if (this._sortKey === index) this._sortDir = -this._sortDir;
    else { this._sortKey = index; this._sortDir = 1; }
    var dir = this._sortDir;
    this._rows.sort(function (a, b) {
      var x = a[index], y = b[index];
      if (typeof x === 'number' && typeof y === 'number') return (x - y) * dir;
      return String(x).localeCompare(String(y), 'ru') * dir;
    });
    this.render();
  };

  Grid.prototype.pageCount = function () {
    return Math.max(1, Math.ceil(this._rows.length / this.options.pageSize));
  };

  Grid.prototype.goTo = function (page) {
    this._page = Math.min(Math.max(1, page), this.pageCount());
    this.render();
    this.trigger('page', { page: this._page, pages: this.pageCount() });
  };

  Grid.prototype.render = function () {
    var o = this.options;
    if (!this._rows.length) {
      this._body.innerHTML = '<tr class="grid__empty"><td colspan="99">' + escapeHtml(o.emptyText) + '</td></tr>';
      return;
    }
    var start = (this._page - 1) * o.pageSize;
    var html = '';
    for (var i = start; i < Math.min(start + o.pageSize, this._rows.length); i++) {
      html += '<tr>';
      for (var j = 0; j < this._rows[i].length; j++) {
        var cell = this._rows[i][j];
        html += '<td>' + (o.moneyColumns.indexOf(j) >= 0 ? formatMoney(cell) : escapeHtml(cell)) + '</td>';
      }
      html += '</tr>';
    }
    this._body.innerHTML = html;
  };

  W.Grid = Grid;
  register('grid', Grid);

  // ==========================================================================
  // Modal — модальное окно
  // ==========================================================================

  function Modal(el, options) {
    Widget.call(this, el, extend({}, Modal.defaults, options));
    this._open = false;
    this._lastFocus = null;
  }
  inherit(Modal, Widget);

  Modal.defaults = {
    closeOnOverlay: true,
    title: '',
    width: 520
  };

  Modal.prototype.init = function () {
    var self = this;
    this.el.setAttribute('role', 'dialog');
    this.el.setAttribute('aria-modal', 'true');
    this.el.hidden = true;
    this.el.style.maxWidth = this.options.width + 'px';
    this._overlay = doc.createElement('div');
    this._overlay.className = 'lk-modal-overlay';
    this._overlay.hidden = true;
    doc.body.appendChild(this._overlay);
    if (this.options.closeOnOverlay) this.on(this._overlay, 'click', function () { self.close(); });
    this.findAll('[data-close]').forEach(function (btn) {
      self.on(btn, 'click', function (e) { e.preventDefault(); self.close(); });
    });
  };

  Modal.prototype.open = function () {
    if (this._open) return;
    this._lastFocus = doc.activeElement;
    this._open = true;
    this.el.hidden = false;
    this._overlay.hidden = false;
    doc.body.classList.add('lk-no-scroll');
    var first = this.find('input, select, textarea, button');
    if (first) first.focus();
    this.trigger('open');
  };

  Modal.prototype.close = function () {
    if (!this._open) return;
    if (!this.trigger('beforeclose')) return;
    this._open = false;
    this.el.hidden = true;
    this._overlay.hidden = true;
    doc.body.classList.remove('lk-no-scroll');
    if (this._lastFocus && this._lastFocus.focus) this._lastFocus.focus();
    this.trigger('close');
  };

  Modal.prototype.destroy = function () {
    if (this._overlay && this._overlay.parentNode) this._overlay.parentNode.removeChild(this._overlay);
    Widget.prototype.destroy.call(this);
  };

  /** Окно подтверждения: LK.widgets.confirm('Удалить?', function (ok) { ... }). */
  function confirmDialog(text, done) {
    var box = doc.createElement('div');
    box.className = 'lk-modal';
    box.innerHTML = '<div class="lk-modal__body">' + escapeHtml(text) + '</div>' +
      '<div class="lk-modal__actions"><button class="btn btn--primary" data-ok>Да</button>' +
      '<button class="btn" data-close>Отмена</button></div>';
    doc.body.appendChild(box);
    var m = new Modal(box, {});
    m.init();
    var answered = false;
    m.on(box.querySelector('[data-ok]'), 'click', function () { answered = true; m.close(); });
    m.on(box, 'lk:close', function () {
      m.destroy();
      box.parentNode.removeChild(box);
      done(answered);
    });
    m.open();
  }

  W.Modal = Modal;
  register('modal', Modal);

  // ==========================================================================
  // DatePicker — выбор даты
  // ==========================================================================

  var MONTHS = ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Июль', 'Август', 'Сентябрь',
    'Октябрь', 'Ноябрь', 'Декабрь'];
  var WEEKDAYS = ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'];

  function DatePicker(el, options) {
    Widget.call(this, el, extend({}, DatePicker.defaults, options));
    this._value = parseDate(el.value);
    this._view = this._value ? new Date(this._value.getTime()) : new Date();
    this._popup = null;
  }
  inherit(DatePicker, Widget);

  DatePicker.defaults = {
    format: 'DD.MM.YYYY',
    minDate: null,
    maxDate: null,
    disableWeekends: false
  };

  DatePicker.prototype.init = function () {
    var self = this;
    this.el.setAttribute('autocomplete', 'off');
    this.on(this.el, 'focus', function () { self.show(); });
    this.on(this.el, 'change', function () {
      var d = parseDate(self.el.value);
      if (d) self.setValue(d);
    });
    this.on(doc, 'click', function (e) {
      if (self._popup && e.target !== self.el && !self._popup.contains(e.target)) self.hide();
    });
  };

  DatePicker.prototype.isDisabled = function (d) {
    var o = this.options;
    if (o.minDate && d < parseDate(o.minDate)) return true;
    if (o.maxDate && d > parseDate(o.maxDate)) return true;
    if (o.disableWeekends && (d.getDay() === 0 || d.getDay() === 6)) return true;
    return false;
  };

  DatePicker.prototype.renderMonth = function () {
    var y = this._view.getFullYear(), m = this._view.getMonth();
    var first = new Date(y, m, 1);
    var shift = (first.getDay() + 6) % 7;
    var days = new Date(y, m + 1, 0).getDate();
    var html = '<div class="lk-dp__head"><button type="button" data-nav="-1">‹</button>' +
      '<span>' + MONTHS[m] + ' ' + y + '</span><button type="button" data-nav="1">›</button></div>' +
      '<table class="lk-dp__grid"><tr>';
    for (var w = 0; w < 7; w++) html += '<th>' + WEEKDAYS[w] + '</th>';
    html += '</tr><tr>';
    for (var i = 0; i < shift; i++) html += '<td></td>';
    for (var day = 1; day <= days; day++) {
      var d = new Date(y, m, day);
      var cls = this.isDisabled(d) ? 'is-disabled' : '';
      if (this._value && d.getTime() === this._value.getTime()) cls += ' is-selected';
      html += '<td class="' + cls + '" data-day="' + day + '">' + day + '</td>';
      if ((shift + day) % 7 === 0 && day < days) html += '</tr><tr>';
    }
    return html + '</tr></table>';
  };

  DatePicker.prototype.show = function () {
    var self = this;
    if (!this._popup) {
      this._popup = doc.createElement('div');
      this._popup.className = 'lk-dp';
      this.el.parentNode.insertBefore(this._popup, this.el.nextSibling);
      this.on(this._popup, 'click', function (e) {
        var nav = e.target.getAttribute('data-nav');
        if (nav) {
          self._view.setMonth(self._view.getMonth() + parseInt(nav, 10));
          self._popup.innerHTML = self.renderMonth();
          return;
        }
        var day = e.target.getAttribute('data-day');
        if (day && !e.target.classList.contains('is-disabled')) {
          self.setValue(new Date(self._view.getFullYear(), self._view.getMonth(), parseInt(day, 10)));
          self.hide();
        }
      });
    }
    this._popup.innerHTML = this.renderMonth();
    this._popup.hidden = false;
  };

  DatePicker.prototype.hide = function () {
    if (this._popup) this._popup.hidden = true;
  };

  DatePicker.prototype.setValue = function (d) {
    this._value = d;
    this.el.value = formatDate(d, this.options.format);
    this.trigger('change', { value: d });
  };

  DatePicker.prototype.getValue = function () { return this._value; };

  W.DatePicker = DatePicker;
  register('datePicker', DatePicker);

  // ==========================================================================
  // FileUpload — загрузка файлов к заявке
  // ==========================================================================

  function FileUpload(el, options) {
    Widget.call(this, el, extend({}, FileUpload.defaults, options));
    this._files = [];
  }
  inherit(FileUpload, Widget);

  FileUpload.defaults = {
    multiple: false,
    maxFiles: 5,
    maxSize: 5 * 1024 * 1024,                          // байт
    accept: ['image/jpeg', 'image/png', 'application/pdf'],
    url: '/hs/lk/v1/files'
  };

  FileUpload.prototype.init = function () {
    var self = this;
    this.el.innerHTML = '<label class="upload__drop">Перетащите файлы сюда или <u>выберите</u>' +
      '<input type="file" class="upload__input" hidden></label><ul class="upload__list"></ul>';
    this._input = this.find('.upload__input');
    this._list = this.find('.upload__list');
    if (this.options.multiple) this._input.multiple = true;
    this._input.accept = this.options.accept.join(',');
    this.on(this._input, 'change', function () { self.add(self._input.files); self._input.value = ''; });
    this.on(this.el, 'dragover', function (e) { e.preventDefault(); self.setState('drag', true); });
    this.on(this.el, 'dragleave', function () { self.setState('drag', false); });
    this.on(this.el, 'drop', function (e) {
      e.preventDefault();
      self.setState('drag', false);
      self.add(e.dataTransfer.files);
    });
    this.on(this._list, 'click', function (e) {
      var i = e.target.getAttribute('data-remove');
      if (i !== null) self.remove(parseInt(i, 10));
    });
  };

  FileUpload.prototype.check = function (file) {
    var o = this.options;
    if (o.accept.indexOf(file.type) < 0) return 'Недопустимый тип файла: ' + file.name;
    if (file.size > o.maxSize) return 'Файл ' + file.name + ' больше ' + Math.round(o.maxSize / 1048576) + ' МБ';
    if (this._files.length >= o.maxFiles) return 'Можно приложить не более ' + o.maxFiles + ' файлов';
    return null;
  };

  FileUpload.prototype.add = function (files) {
    for (var i = 0; i < files.length; i++) {
      var error = this.check(files[i]);
      if (error) { toast(error, 'warning'); continue; }
      this._files.push(files[i]);
    }
    this.render();
    this.trigger('change', { files: this._files.slice() });
  };

  FileUpload.prototype.remove = function (index) {
    this._files.splice(index, 1);
    this.render();
    this.trigger('change', { files: this._files.slice() });
  };

  FileUpload.prototype.render = function () {
    var html = '';
    for (var i = 0; i < this._files.length; i++) {
      var f = this._files[i];
      html += '<li>' + escapeHtml(f.name) + ' <span class="upload__size">' + Math.ceil(f.size / 1024) + ' КБ</span>' +
        ' <button type="button" data-remove="' + i + '" aria-label="Удалить">×</button></li>';
    }
    this._list.innerHTML = html;
  };

  FileUpload.prototype.upload = function (done) {
    var form = new FormData();
    for (var i = 0; i < this._files.length; i++) form.append('file' + i, this._files[i], this._files[i].name);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', this.options.url, true);
    xhr.onload = function () {
      if (xhr.status === 200) done(null, JSON.parse(xhr.responseText));
      else done(new Error('Не удалось загрузить файлы (' + xhr.status + ')'));
    };
    xhr.onerror = function () { done(new Error('Нет связи с сервером')); };
    xhr.send(form);
  };

  W.FileUpload = FileUpload;
  register('fileUpload', FileUpload);
`);

const WIDGETS_TAIL = dedent(R`
  // ==========================================================================
  // Экспорт
  // ==========================================================================

  extend(W, {
    Widget: Widget,
    extend: extend,
    inherit: inherit,
    uid: uid,
    debounce: debounce,
    throttle: throttle,
    escapeHtml: escapeHtml,
    parseNumber: parseNumber,
    formatMoney: formatMoney,
    formatDate: formatDate,
    parseDate: parseDate,
    pluralize: pluralize,
    template: template,
    dataOptions: dataOptions,
    ajax: ajax,
    toast: toast,
    confirm: confirmDialog,
    register: register,
    autoInit: autoInit,
    registry: registry,
    version: '3.0.12'
  });

  })(window);
`);

// --- generated widgets: each spec gives a constructor, defaults and a few feature blocks ---

const WIDGET_SPECS = [
  ['Tabs', 'Вкладки', 'tabs', ['keyboard', 'items'], 'Нет вкладок', 'tabs__tab'],
  ['Accordion', 'Раскрывающиеся разделы', 'accordion', ['toggle', 'keyboard'], 'Нет разделов', 'accordion__section'],
  ['Dropdown', 'Выпадающий список', 'dropdown', ['toggle', 'keyboard', 'items'], 'Ничего не выбрано', 'dropdown__option'],
  ['Autocomplete', 'Поле с подсказками', 'autocomplete', ['filter', 'remote', 'keyboard'], 'Ничего не найдено', 'autocomplete__hint'],
  ['Pager', 'Постраничная навигация', 'pager', ['pager'], 'Одна страница', 'pager__link'],
  ['Spinner', 'Индикатор загрузки', 'spinner', ['toggle'], 'Загрузка…', 'spinner__label'],
  ['ProgressBar', 'Полоса выполнения', 'progressBar', ['value'], 'Не начато', 'progress__bar'],
  ['Stepper', 'Пошаговая форма', 'stepper', ['pager', 'value'], 'Нет шагов', 'stepper__step'],
  ['Rating', 'Оценка выполненной заявки', 'rating', ['value', 'keyboard'], 'Оценка не выставлена', 'rating__star'],
  ['RangeSlider', 'Ползунок выбора суммы', 'rangeSlider', ['value', 'keyboard'], 'Сумма не выбрана', 'slider__thumb'],
  ['Switch', 'Переключатель', 'switch', ['value', 'toggle'], 'Выключено', 'switch__knob'],
  ['CheckboxGroup', 'Группа флажков', 'checkboxGroup', ['items', 'value'], 'Ничего не отмечено', 'checkbox-group__item'],
  ['MeterInput', 'Ввод показаний прибора учёта', 'meterInput', ['value', 'remote'], 'Нет приборов учёта', 'meter__row'],
  ['AccountSelector', 'Выбор лицевого счёта', 'accountSelector', ['items', 'remote', 'toggle'], 'Нет привязанных лицевых счетов', 'account__item'],
  ['AddressInput', 'Ввод адреса с подсказками ФИАС', 'addressInput', ['filter', 'remote'], 'Адрес не найден', 'address__hint'],
  ['BarChart', 'Столбчатая диаграмма расхода', 'barChart', ['items', 'remote'], 'Нет данных для диаграммы', 'chart__bar'],
  ['Timeline', 'Хронология заявки', 'timeline', ['items', 'remote'], 'Событий пока нет', 'timeline__event'],
  ['RequestList', 'Список заявок', 'requestList', ['items', 'remote', 'pager'], 'Заявок нет', 'request__item'],
  ['NewsFeed', 'Лента новостей', 'newsFeed', ['items', 'remote', 'pager'], 'Новостей нет', 'news__item'],
  ['PaymentHistory', 'История платежей', 'paymentHistory', ['items', 'remote', 'filter'], 'Платежей за период нет', 'payment__row'],
  ['BalanceCard', 'Карточка баланса', 'balanceCard', ['remote', 'value'], 'Нет сведений о начислениях', 'balance__line'],
  ['NotificationCenter', 'Центр уведомлений', 'notificationCenter', ['items', 'remote', 'toggle'], 'Новых уведомлений нет', 'notice__item'],
  ['SearchBox', 'Поиск по разделам', 'searchBox', ['filter', 'keyboard', 'items'], 'По вашему запросу ничего не найдено', 'search__result'],
  ['Countdown', 'Обратный отсчёт до конца приёма показаний', 'countdown', ['value'], 'Приём показаний закрыт', 'countdown__part'],
  ['PageHeader', 'Шапка страницы', 'pageHeader', ['remote'], 'Гость', 'header__user'],
  ['PageFooter', 'Подвал страницы', 'pageFooter', ['items'], '', 'footer__link'],
  ['ChatWindow', 'Чат с диспетчером', 'chatWindow', ['items', 'remote', 'toggle', 'keyboard'], 'Напишите нам — диспетчер ответит в рабочее время', 'chat__message'],
];

const API_OF = {
  autocomplete: 'suggest', meterInput: 'meters', accountSelector: 'accounts', addressInput: 'suggestAddress',
  barChart: 'consumption', timeline: 'requestHistory', requestList: 'requests', newsFeed: 'news',
  paymentHistory: 'payments', balanceCard: 'balance', notificationCenter: 'notifications', pageHeader: 'currentUser',
  chatWindow: 'chatMessages',
};

function genWidget([N, title, reg, features, emptyText, itemClass], idx) {
  const has = (f) => features.includes(f);
  const css = 'lk-' + reg.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
  const o = [];
  const L = (s = '') => o.push(s);
  L('// ' + '='.repeat(74));
  L(`// ${N} — ${title.toLowerCase()}`);
  L('// ' + '='.repeat(74));
  L();
  L('/**');
  L(` * ${title}.`);
  L(` * Создаётся по атрибуту data-widget="${reg}"; параметры — ${N}.defaults.`);
  L(' * События: ' + ['lk:ready', has('value') ? 'lk:change' : null, has('toggle') ? 'lk:open, lk:close' : null,
    has('remote') ? 'lk:loaded' : null, has('pager') ? 'lk:page' : null, has('items') ? 'lk:select' : null].filter(Boolean).join(', ') + '.');
  L(' */');
  L(`function ${N}(el, options) {`);
  L(`  Widget.call(this, el, extend({}, ${N}.defaults, options));`);
  if (has('items')) L('  this._items = [];');
  if (has('value')) L('  this._value = this.options.value;');
  if (has('toggle')) L('  this._opened = false;');
  if (has('keyboard')) L('  this._active = -1;');
  if (has('remote')) { L('  this._request = null;'); L('  this._loadedAt = 0;'); }
  if (has('pager')) L('  this._page = 1;');
  if (has('filter')) L("  this._query = '';");
  L('}');
  L(`inherit(${N}, Widget);`);
  L();
  const opts = [[`cssClass: '${css}'`, 'корневой CSS-класс'], [`emptyText: '${emptyText}'`, 'текст, если показывать нечего']];
  if (has('items')) opts.push([`itemClass: '${itemClass}'`, 'CSS-класс элемента списка'], [`itemTemplate: '<div class="{cls}" data-index="{index}">{title}</div>'`, null]);
  if (has('value')) opts.push(['value: null', 'начальное значение'], [`min: ${idx % 3 === 0 ? 0 : 1}`, null], [`max: ${[5, 10, 100, 99999][idx % 4]}`, null], [`step: ${idx % 2 ? 1 : 0.001}`, null]);
  if (has('toggle')) opts.push(['closeOnOutside: true', 'закрывать по щелчку вне элемента'], [`animation: ${idx % 2 ? 150 : 200}`, 'длительность анимации, мс']);
  if (has('remote')) opts.push([`api: '${API_OF[reg] || reg}'`, 'метод LK.api'], [`cacheTtl: ${[30, 60, 300][idx % 3]}000`, 'время жизни кэша, мс'], ['autoLoad: true', null]);
  if (has('pager')) opts.push([`pageSize: ${[5, 10, 12, 20][idx % 4]}`, null], ['maxLinks: 7', 'сколько номеров страниц показывать']);
  if (has('filter')) opts.push([`minChars: ${idx % 2 ? 2 : 3}`, 'минимальная длина запроса'], [`delay: ${[250, 300, 400][idx % 3]}`, 'задержка перед поиском, мс']);
  if (has('keyboard')) opts.push(['loop: ' + (idx % 2 ? 'true' : 'false'), 'переход с последнего пункта на первый']);
  L(`${N}.defaults = {`);
  opts.forEach(([kv, c], i) => L('  ' + kv + (i < opts.length - 1 ? ',' : '') + (c ? '   // ' + c : '')));
  L('};');
  L();
  // init
  L(`${N}.prototype.init = function () {`);
  L('  var self = this;');
  L('  this.el.classList.add(this.options.cssClass);');
  if (has('items')) {
    L("  this._list = this.find('.' + this.options.cssClass + '__list');");
    L('  if (!this._list) {');
    L("    this._list = doc.createElement('div');");
    L("    this._list.className = this.options.cssClass + '__list';");
    L('    this.el.appendChild(this._list);');
    L('  }');
    L("  this.on(this._list, 'click', function (e) {");
    L("    var item = e.target.closest ? e.target.closest('[data-index]') : null;");
    L("    if (item) self.select(parseInt(item.getAttribute('data-index'), 10));");
    L('  });');
  }
  if (has('toggle')) {
    L("  this._trigger = this.find('[data-toggle]') || this.el;");
    L("  this._trigger.setAttribute('aria-expanded', 'false');");
    L("  this.on(this._trigger, 'click', function (e) {");
    L('    if (e.target.closest && e.target.closest(\'[data-index]\')) return;');
    L('    self.toggle();');
    L('  });');
    L('  if (this.options.closeOnOutside) {');
    L("    this.on(doc, 'click', function (e) {");
    L('      if (self._opened && !self.el.contains(e.target)) self.close();');
    L('    });');
    L('  }');
  }
  if (has('keyboard')) {
    L("  this.el.setAttribute('tabindex', this.el.getAttribute('tabindex') || '0');");
    L("  this.on(this.el, 'keydown', function (e) { self.onKeyDown(e); });");
  }
  if (has('filter')) {
    L("  this._input = this.el.tagName === 'INPUT' ? this.el : this.find('input');");
    L('  if (this._input) {');
    L("    this.on(this._input, 'input', debounce(function () { self.filter(self._input.value); }, this.options.delay));");
    L('  }');
  }
  if (has('value')) {
    L("  this._field = this.find('input') || null;");
    L('  if (this._field) {');
    L("    this.on(this._field, 'change', function () { self.setValue(parseNumber(self._field.value)); });");
    L('  }');
    L('  if (this._value !== null && this._value !== undefined) this.setValue(this._value, true);');
  }
  if (has('pager')) {
    L("  this._pager = doc.createElement('nav');");
    L("  this._pager.className = this.options.cssClass + '__pager';");
    L("  this._pager.setAttribute('aria-label', 'Страницы');");
    L('  this.el.appendChild(this._pager);');
    L("  this.on(this._pager, 'click', function (e) {");
    L("    var p = e.target.getAttribute('data-page');");
    L('    if (p) { e.preventDefault(); self.goTo(parseInt(p, 10)); }');
    L('  });');
  }
  if (has('remote')) L('  if (this.options.autoLoad) this.load();');
  L("  this.trigger('ready');");
  L('};');
  L();

  if (has('items')) {
    L(`/** Заменяет элементы списка и перерисовывает ${N}. */`);
    L(`${N}.prototype.setItems = function (items) {`);
    L('  this._items = items ? items.slice() : [];');
    if (has('keyboard')) L('  this._active = -1;');
    L('  this.render();');
    L('};');
    L();
    L(`${N}.prototype.renderItem = function (item, index) {`);
    L('  return template(this.options.itemTemplate, {');
    L('    cls: this.options.itemClass + (item.disabled ? \' is-disabled\' : \'\')' + (has('keyboard') ? " + (index === this._active ? ' is-active' : '')," : ','));
    L('    index: index,');
    L(`    title: item.title || item.name || item.${['text', 'label', 'caption', 'value'][idx % 4]} || ''`);
    L('  });');
    L('};');
    L();
    L(`${N}.prototype.render = function () {`);
    L('  if (!this._items.length) {');
    L("    this._list.innerHTML = this.options.emptyText ? '<p class=\"' + this.options.cssClass + '__empty\">' + escapeHtml(this.options.emptyText) + '</p>' : '';");
    if (has('pager')) L('    this.renderPager(0);');
    L('    return;');
    L('  }');
    if (has('pager')) {
      L('  var size = this.options.pageSize;');
      L('  var start = (this._page - 1) * size;');
      L('  var visible = this._items.slice(start, start + size);');
    } else {
      L('  var visible = this._items;');
      L('  var start = 0;');
    }
    if (has('filter')) {
      L('  var q = this._query.toLowerCase();');
      L('  if (q) {');
      L('    visible = visible.filter(function (item) {');
      L("      return String(item.title || item.name || '').toLowerCase().indexOf(q) >= 0;");
      L('    });');
      L('  }');
    }
    L("  var html = '';");
    L('  for (var i = 0; i < visible.length; i++) html += this.renderItem(visible[i], start + i);');
    L('  this._list.innerHTML = html;');
    if (has('pager')) L('  this.renderPager(this._items.length);');
    L('};');
    L();
    L(`${N}.prototype.select = function (index) {`);
    L('  var item = this._items[index];');
    L('  if (!item || item.disabled) return;');
    if (has('keyboard')) L('  this._active = index;');
    L("  this.findAll('.' + this.options.itemClass).forEach(function (node) {");
    L("    node.classList.toggle('is-selected', parseInt(node.getAttribute('data-index'), 10) === index);");
    L('  });');
    if (has('toggle')) L('  this.close();');
    L("  this.trigger('select', { index: index, item: item });");
    L('};');
    L();
  }

  if (has('toggle')) {
    L(`${N}.prototype.open = function () {`);
    L('  if (this._opened) return;');
    L('  this._opened = true;');
    L("  this.setState('open', true);");
    L("  this._trigger.setAttribute('aria-expanded', 'true');");
    if (has('remote')) L('  if (Date.now() - this._loadedAt > this.options.cacheTtl) this.load();');
    L("  this.trigger('open');");
    L('};');
    L();
    L(`${N}.prototype.close = function () {`);
    L('  if (!this._opened) return;');
    L('  var self = this;');
    L('  this._opened = false;');
    L("  this.setState('closing', true);");
    L('  setTimeout(function () {');
    L("    self.setState('closing', false);");
    L("    self.setState('open', false);");
    L('  }, this.options.animation);');
    L("  this._trigger.setAttribute('aria-expanded', 'false');");
    L("  this.trigger('close');");
    L('};');
    L();
    L(`${N}.prototype.toggle = function () {`);
    L('  if (this._opened) this.close();');
    L('  else this.open();');
    L('};');
    L();
  }

  if (has('keyboard')) {
    const count = has('items') ? 'this._items.length' : `this.findAll('.${itemClass}').length`;
    L(`${N}.prototype.onKeyDown = function (e) {`);
    L(`  var count = ${count};`);
    L('  if (!count) return;');
    L('  var next = this._active;');
    L('  switch (e.keyCode) {');
    L(`    case ${idx % 2 ? 40 : 39}: // ${idx % 2 ? 'вниз' : 'вправо'}`);
    L('      next = this._active + 1;');
    L('      if (next >= count) next = this.options.loop ? 0 : count - 1;');
    L('      break;');
    L(`    case ${idx % 2 ? 38 : 37}: // ${idx % 2 ? 'вверх' : 'влево'}`);
    L('      next = this._active - 1;');
    L('      if (next < 0) next = this.options.loop ? count - 1 : 0;');
    L('      break;');
    L('    case 36: // Home');
    L('      next = 0;');
    L('      break;');
    L('    case 35: // End');
    L('      next = count - 1;');
    L('      break;');
    L('    case 13: // Enter');
    L('    case 32: // пробел');
    L('      e.preventDefault();');
    L(has('items') ? '      this.select(this._active);' : "      this.trigger('activate', { index: this._active });");
    L('      return;');
    if (has('toggle')) {
      L('    case 27: // Esc');
      L('      this.close();');
      L('      return;');
    }
    L('    default:');
    L('      return;');
    L('  }');
    L('  e.preventDefault();');
    L('  this._active = next;');
    L(`  var nodes = this.findAll('.${itemClass}');`);
    L('  for (var i = 0; i < nodes.length; i++) nodes[i].classList.toggle(\'is-active\', i === next);');
    L('  if (nodes[next] && nodes[next].scrollIntoView) nodes[next].scrollIntoView({ block: \'nearest\' });');
    L('};');
    L();
  }

  if (has('filter')) {
    L(`${N}.prototype.filter = function (query) {`);
    L("  query = String(query || '').trim();");
    L('  if (query.length && query.length < this.options.minChars) return;');
    L('  this._query = query;');
    if (has('remote')) L('  this.load({ q: query });');
    else if (has('items')) L('  this.render();');
    else L("  this.trigger('filter', { query: query });");
    L('};');
    L();
    L(`/** Подсвечивает совпадение с запросом в тексте ${has('items') ? 'элемента' : 'подсказки'}. */`);
    L(`${N}.prototype.highlight = function (text) {`);
    L('  var safe = escapeHtml(text);');
    L('  if (!this._query) return safe;');
    L("  var q = escapeHtml(this._query).replace(/[.*+?^$()|[\\]\\\\{}]/g, '\\\\$&');");
    L("  return safe.replace(new RegExp('(' + q + ')', 'ig'), '<mark>$1</mark>');");
    L('};');
    L();
  }

  if (has('value')) {
    L(`${N}.prototype.getValue = function () {`);
    L('  return this._value;');
    L('};');
    L();
    L(`${N}.prototype.validate = function (value) {`);
    L('  var o = this.options;');
    L("  if (typeof value !== 'number' || isNaN(value)) return 'Введите число';");
    L("  if (value < o.min) return 'Значение не может быть меньше ' + o.min;");
    L("  if (value > o.max) return 'Значение не может быть больше ' + o.max;");
    if (reg === 'meterInput') {
      L('  var prev = this._previous || 0;');
      L("  if (value < prev) return LK.t ? LK.t('meters.tooLow') : 'Новое показание меньше предыдущего';");
      L("  if (LK.settings && value - prev > LK.settings.meters.maxDelta) return LK.t ? LK.t('meters.tooHigh') : 'Слишком большой расход';");
    }
    L('  return null;');
    L('};');
    L();
    L(`${N}.prototype.setValue = function (value, silent) {`);
    L('  var step = this.options.step;');
    L('  value = Math.round(value / step) * step;');
    L('  var error = this.validate(value);');
    L("  this.setState('invalid', !!error);");
    L('  if (error) {');
    L("    this.el.setAttribute('title', error);");
    L('    return false;');
    L('  }');
    L("  this.el.removeAttribute('title');");
    L('  var old = this._value;');
    L('  this._value = value;');
    L(`  if (this._field) this._field.value = String(value).replace('.', ',');`);
    if (reg === 'progressBar' || reg === 'rangeSlider' || reg === 'countdown') {
      L(`  var bar = this.find('.${itemClass}');`);
      L("  if (bar) bar.style.width = ((value - this.options.min) / (this.options.max - this.options.min) * 100).toFixed(1) + '%';");
    }
    L("  if (!silent && old !== value) this.trigger('change', { value: value, previous: old });");
    L('  return true;');
    L('};');
    L();
  }

  if (has('remote')) {
    const api = API_OF[reg] || reg;
    L(`/** Загружает данные через LK.api.${api}. */`);
    L(`${N}.prototype.load = function (params) {`);
    L('  var self = this;');
    L(`  var method = LK.api && LK.api[this.options.api];`);
    L('  if (!method) return;');
    L('  if (this._request && this._request.abort) this._request.abort();');
    L("  this.setState('loading', true);");
    L('  var done = function (err, data) {');
    L('    self._request = null;');
    L("    self.setState('loading', false);");
    L('    if (err) {');
    L("      if (err.status === 401 && LK.root !== undefined) { global.location.href = LK.root + 'pages/login.html'; return; }");
    L(`      toast('${['Не удалось загрузить данные', 'Ошибка загрузки', 'Сервер не ответил', 'Не удалось получить сведения'][idx % 4]}: ' + err.message, 'error');`);
    L('      return;');
    L('    }');
    L('    self._loadedAt = Date.now();');
    if (has('items')) L('    self.setItems(data && data.items ? data.items : data || []);');
    else if (has('value')) {
      if (reg === 'meterInput') L('    self._previous = data ? data.previous : 0;');
      L('    if (data && data.value !== undefined) self.setValue(parseNumber(data.value), true);');
    } else L(`    self.el.innerHTML = data ? escapeHtml(data.${reg === 'pageHeader' ? 'fio' : 'text'} || '') : escapeHtml(self.options.emptyText);`);
    L("    self.trigger('loaded', { data: data });");
    L('  };');
    if (has('pager')) L('  this._request = method.call(LK.api, extend({ page: this._page, size: this.options.pageSize }, params), done);');
    else L('  this._request = method.call(LK.api, params || null, done);');
    L('};');
    L();
  }

  if (has('pager')) {
    L(`${N}.prototype.goTo = function (page) {`);
    L('  if (page < 1 || page === this._page) return;');
    L('  this._page = page;');
    if (has('remote')) L('  this.load();');
    else if (has('items')) L('  this.render();');
    L("  this.trigger('page', { page: page });");
    L('};');
    L();
    L(`${N}.prototype.renderPager = function (total) {`);
    L('  var pages = Math.ceil(total / this.options.pageSize);');
    L('  if (pages <= 1) {');
    L("    this._pager.innerHTML = '';");
    L('    return;');
    L('  }');
    L('  var half = Math.floor(this.options.maxLinks / 2);');
    L('  var from = Math.max(1, Math.min(this._page - half, pages - this.options.maxLinks + 1));');
    L('  var to = Math.min(pages, from + this.options.maxLinks - 1);');
    L("  var html = this._page > 1 ? '<a href=\"#\" data-page=\"' + (this._page - 1) + '\">« Назад</a>' : '';");
    L('  for (var p = from; p <= to; p++) {');
    L("    html += p === this._page ? '<span class=\"is-current\">' + p + '</span>' : '<a href=\"#\" data-page=\"' + p + '\">' + p + '</a>';");
    L('  }');
    L("  if (this._page < pages) html += '<a href=\"#\" data-page=\"' + (this._page + 1) + '\">Вперёд »</a>';");
    L('  this._pager.innerHTML = html;');
    L('};');
    L();
  }

  L(`${N}.prototype.destroy = function () {`);
  if (has('remote')) L('  if (this._request && this._request.abort) this._request.abort();');
  if (has('pager')) L('  if (this._pager && this._pager.parentNode) this._pager.parentNode.removeChild(this._pager);');
  L('  this.el.classList.remove(this.options.cssClass);');
  L('  Widget.prototype.destroy.call(this);');
  L('};');
  L();
  L(`W.${N} = ${N};`);
  L(`register('${reg}', ${N});`);
  L();
  return o.join('\n') + '\n';
}

function widgetsJs() {
  const parts = [WIDGETS_HEAD, '\n', WIDGETS_CORE, '\n'];
  WIDGET_SPECS.forEach((spec, i) => parts.push(genWidget(spec, i)));
  parts.push(WIDGETS_TAIL);
  return parts.join('');
}

// widgets.js: the admin edited 4 spots, the vendor 8 other spots (one 1 line away from an admin edit) → clean merge
text('js/lib/widgets.js', {}, widgetsJs(), [
  ['/** Сумма в рублях: 1250.5 → "1 250,50 руб.". */', '/** Сумма в рублях: 1250.5 → "1 250,50 ₽". */'],
  ["(withCurrency === false ? '' : ' руб.');", "(withCurrency === false ? '' : '\\u00a0₽');"],
  ['  duration: 3000,      // сколько показывать, мс', '  duration: 6000,      // сколько показывать, мс (жители не успевали прочитать)'],
  ['  pageSize: 20,         // строк на странице', '  pageSize: 50,         // строк на странице'],
  ["emptyText: 'Напишите нам — диспетчер ответит в рабочее время'", "emptyText: 'Напишите нам — диспетчер УК «Солнечный берег» отвечает круглосуточно'"],
], [
  [' * Версия 3.0.12\n', ' * Версия 3.1.2\n'],
  ["  xhr.setRequestHeader('Accept', 'application/json');\n", "  xhr.setRequestHeader('Accept', 'application/json');\n  xhr.timeout = 20000;\n"],
  ['  var n = Math.round((Number(value) || 0) * 100) / 100;\n', '  var n = Math.round(parseNumber(value) * 100) / 100;\n'],
  ['  closeOnOverlay: true,\n', '  closeOnOverlay: true,\n  closeOnEsc: true,\n'],
  ["  if (this.options.closeOnOverlay) this.on(this._overlay, 'click', function () { self.close(); });\n",
   "  if (this.options.closeOnOverlay) this.on(this._overlay, 'click', function () { self.close(); });\n" +
   "  if (this.options.closeOnEsc) {\n" +
   "    this.on(doc, 'keydown', function (e) {\n" +
   "      if (self._open && (e.key === 'Escape' || e.keyCode === 27)) self.close();\n" +
   "    });\n" +
   "  }\n"],
  ['\'<div class="lk-dp__head"><button type="button" data-nav="-1">‹</button>\' +\n',
   '\'<div class="lk-dp__head"><button type="button" data-nav="-1" aria-label="Предыдущий месяц">‹</button>\' +\n'],
  ['\'<span>\' + MONTHS[m] + \' \' + y + \'</span><button type="button" data-nav="1">›</button></div>\' +\n',
   '\'<span>\' + MONTHS[m] + \' \' + y + \'</span><button type="button" data-nav="1" aria-label="Следующий месяц">›</button></div>\' +\n'],
  ["  maxSize: 5 * 1024 * 1024,                          // байт\n  accept: ['image/jpeg', 'image/png', 'application/pdf'],\n  url: '/hs/lk/v1/files'\n",
   "  maxSize: 10 * 1024 * 1024,                         // байт\n  accept: ['image/jpeg', 'image/png', 'image/heic', 'application/pdf'],\n  url: '/hs/lk/v2/files'\n"],
  ["emptyText: 'Платежей за период нет'", "emptyText: 'За выбранный период платежей не найдено'"],
  ["  version: '3.0.12'\n", "  version: '3.1.2'\n"],
]);

// ----- images -----

const BLUE = [31, 111, 178], GREEN = [10, 125, 90], WHITE = [255, 255, 255];
binary('img/logo.png', makePng(120, 40, logoPixel(BLUE, WHITE)), makePng(120, 40, logoPixel(GREEN, [255, 214, 102])), undefined);
binary('img/favicon.ico', makeIco(16, (x, y) => {
  const roof = y >= 2 && y < 8 && Math.abs(x - 7.5) <= y - 1;
  const body = y >= 8 && y < 14 && x >= 3 && x < 13;
  return roof || body ? [...BLUE, 255] : [0, 0, 0, 0];
}));
binary('img/banner.jpg', makeJpeg(240, 80, bannerPixel([23, 84, 138], [110, 170, 220], false)), undefined,
  makeJpeg(240, 80, bannerPixel([23, 84, 138], [240, 160, 60], true)));
binary('img/icons/home.png', makePng(24, 24, iconPixel(BLUE, 'home')));
binary('img/icons/payment.png', makePng(24, 24, iconPixel(BLUE, 'coin')));
binary('img/icons/meter.png', makePng(24, 24, iconPixel(BLUE, 'gauge')));

// ---------------------------------------------------------------------------------------------
// write
// ---------------------------------------------------------------------------------------------

function main() {
  for (const side of SIDES) fs.rmSync(path.join(ROOT, side), { recursive: true, force: true });
  fs.mkdirSync(ROOT, { recursive: true });
  // keep CRLF, BOM and windows-1251 bytes exactly as generated
  fs.writeFileSync(path.join(ROOT, '.gitattributes'), '* -text\n');
  const totals = { base: 0, mine: 0, theirs: 0 };
  const counts = { base: 0, mine: 0, theirs: 0 };
  for (const f of FILES) {
    for (const side of SIDES) {
      const content = f[side];
      if (content === null) continue;
      let bytes;
      if (f.kind === 'binary') bytes = content;
      else bytes = encodeText(content, { enc: f.enc, eol: side === 'theirs' && f.eolTheirs ? f.eolTheirs : f.eol });
      const out = path.join(ROOT, side, ...f.path.split('/'));
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, bytes);
      totals[side] += bytes.length;
      counts[side] += 1;
    }
  }
  for (const side of SIDES) console.log(`${side}: ${counts[side]} files, ${totals[side]} bytes`);
}

// ---------------------------------------------------------------------------------------------
// verify: `node scripts/make-samples.js --verify` checks the written samples against EXPECTED with
// `git merge-file -p --diff3 mine base theirs` (files whose EOL style differs between sides are compared
// with CRLF normalised to LF, as cabinet-merge compares lines without their terminators)
// ---------------------------------------------------------------------------------------------

const EXPECTED = {
  'index.html': 'merged',
  'pages/login.html': 'unchanged',
  'pages/profile.html': 'theirs',
  'pages/payments.html': 'theirs',
  'pages/meters.html': 'mine',
  'pages/requests.html': 'merged',          // theirs switched CRLF→LF; git needs EOL normalisation
  'pages/news.html': 'deleted',             // deleted in mine, unchanged in theirs
  'pages/help.html': 'merged',              // windows-1251
  'pages/agreement.html': 'unchanged',
  'pages/documents.html': 'added',          // theirs
  'pages/custom/contacts.html': 'added',    // mine
  'css/main.css': 'merged',
  'css/theme.css': 'conflict',              // --color-header-bg
  'css/print.css': 'unchanged',
  'js/app.js': 'mine',
  'js/api.js': 'theirs',
  'js/menu.js': 'unchanged',
  'js/validators.js': 'unchanged',
  'js/lib/mask.js': 'unchanged',
  'js/lib/widgets.js': 'merged',
  'js/old-polyfills.js': 'deleted',         // deleted in theirs, unchanged in mine
  'js/receipt-print.js': 'modify-delete',   // edited in mine, deleted in theirs
  'js/documents.js': 'added',               // theirs
  'settings.json': 'merged',
  'menu.json': 'merged',
  'locales/ru.json': 'conflict',            // "login.welcome"
  'locales/en.json': 'theirs',
  'img/logo.png': 'mine',
  'img/favicon.ico': 'unchanged',
  'img/banner.jpg': 'theirs',
  'img/icons/home.png': 'unchanged',
  'img/icons/payment.png': 'unchanged',
  'img/icons/meter.png': 'unchanged',
};

function verify() {
  const { spawnSync } = require('child_process');
  const os = require('os');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'samples-verify-'));
  let bad = 0;
  const paths = new Set([...FILES.map((f) => f.path), ...Object.keys(EXPECTED)]);
  for (const p of [...paths].sort()) {
    const read = (side) => {
      const file = path.join(ROOT, side, ...p.split('/'));
      return fs.existsSync(file) ? fs.readFileSync(file) : null;
    };
    const [b, m, t] = SIDES.map(read);
    const same = (x, y) => x !== null && y !== null && x.equals(y);
    let status, detail = '';
    if (!b) status = m && t ? 'add/add' : 'added';
    else if (!m && !t) status = 'deleted';
    else if (!m) status = same(b, t) ? 'deleted' : 'delete-modify';
    else if (!t) status = same(b, m) ? 'deleted' : 'modify-delete';
    else if (same(b, m) && same(b, t)) status = 'unchanged';
    else if (same(b, t)) status = 'mine';
    else if (same(b, m)) status = 'theirs';
    else if (/\.(png|jpe?g|ico|gif)$/.test(p)) status = 'binary-conflict';
    else {
      const eols = [b, m, t].map((x) => (x.includes(Buffer.from('\r\n')) ? 'crlf' : 'lf'));
      const norm = new Set(eols).size > 1;
      const files = ['mine', 'base', 'theirs'].map((side, i) => {
        const f = path.join(tmp, side);
        const x = [m, b, t][i];
        fs.writeFileSync(f, norm ? Buffer.from(x.toString('latin1').replace(/\r\n/g, '\n'), 'latin1') : x);
        return f;
      });
      const r = spawnSync('git', ['merge-file', '-p', '--diff3', ...files], { encoding: 'latin1' });
      if (r.error || r.status < 0 || r.status > 127) throw new Error('git merge-file failed: ' + (r.error || r.stderr));
      status = r.status === 0 ? 'merged' : 'conflict';
      detail = (r.status > 0 ? r.status + ' conflict block(s)' : 'clean') + (norm ? ', EOL-normalised' : '');
    }
    const ok = status === EXPECTED[p];
    if (!ok) bad++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${p.padEnd(28)} ${status.padEnd(14)} ${detail}${ok ? '' : '  (expected ' + EXPECTED[p] + ')'}`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log(bad ? `${bad} path(s) differ from the plan` : 'all paths as planned');
  return bad === 0;
}

if (require.main === module) {
  if (process.argv.includes('--verify')) process.exitCode = verify() ? 0 : 1;
  else main();
}
module.exports = { FILES, EXPECTED, edit, encodeText, makePng, makeIco, makeJpeg, crc32 };
