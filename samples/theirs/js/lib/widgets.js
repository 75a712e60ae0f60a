/*!
 * widgets.js — библиотека элементов интерфейса личного кабинета жителя
 * Версия 3.1.2
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
  var n = Math.round(parseNumber(value) * 100) / 100;
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
  xhr.timeout = 20000;
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
  closeOnEsc: true,
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
  if (this.options.closeOnEsc) {
    this.on(doc, 'keydown', function (e) {
      if (self._open && (e.key === 'Escape' || e.keyCode === 27)) self.close();
    });
  }
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
  var html = '<div class="lk-dp__head"><button type="button" data-nav="-1" aria-label="Предыдущий месяц">‹</button>' +
    '<span>' + MONTHS[m] + ' ' + y + '</span><button type="button" data-nav="1" aria-label="Следующий месяц">›</button></div>' +
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
  maxSize: 10 * 1024 * 1024,                         // байт
  accept: ['image/jpeg', 'image/png', 'image/heic', 'application/pdf'],
  url: '/hs/lk/v2/files'
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

// ==========================================================================
// Tabs — вкладки
// ==========================================================================

/**
 * Вкладки.
 * Создаётся по атрибуту data-widget="tabs"; параметры — Tabs.defaults.
 * События: lk:ready, lk:select.
 */
function Tabs(el, options) {
  Widget.call(this, el, extend({}, Tabs.defaults, options));
  this._items = [];
  this._active = -1;
}
inherit(Tabs, Widget);

Tabs.defaults = {
  cssClass: 'lk-tabs',   // корневой CSS-класс
  emptyText: 'Нет вкладок',   // текст, если показывать нечего
  itemClass: 'tabs__tab',   // CSS-класс элемента списка
  itemTemplate: '<div class="{cls}" data-index="{index}">{title}</div>',
  loop: false   // переход с последнего пункта на первый
};

Tabs.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this._list = this.find('.' + this.options.cssClass + '__list');
  if (!this._list) {
    this._list = doc.createElement('div');
    this._list.className = this.options.cssClass + '__list';
    this.el.appendChild(this._list);
  }
  this.on(this._list, 'click', function (e) {
    var item = e.target.closest ? e.target.closest('[data-index]') : null;
    if (item) self.select(parseInt(item.getAttribute('data-index'), 10));
  });
  this.el.setAttribute('tabindex', this.el.getAttribute('tabindex') || '0');
  this.on(this.el, 'keydown', function (e) { self.onKeyDown(e); });
  this.trigger('ready');
};

/** Заменяет элементы списка и перерисовывает Tabs. */
Tabs.prototype.setItems = function (items) {
  this._items = items ? items.slice() : [];
  this._active = -1;
  this.render();
};

Tabs.prototype.renderItem = function (item, index) {
  return template(this.options.itemTemplate, {
    cls: this.options.itemClass + (item.disabled ? ' is-disabled' : '') + (index === this._active ? ' is-active' : ''),
    index: index,
    title: item.title || item.name || item.text || ''
  });
};

Tabs.prototype.render = function () {
  if (!this._items.length) {
    this._list.innerHTML = this.options.emptyText ? '<p class="' + this.options.cssClass + '__empty">' + escapeHtml(this.options.emptyText) + '</p>' : '';
    return;
  }
  var visible = this._items;
  var start = 0;
  var html = '';
  for (var i = 0; i < visible.length; i++) html += this.renderItem(visible[i], start + i);
  this._list.innerHTML = html;
};

Tabs.prototype.select = function (index) {
  var item = this._items[index];
  if (!item || item.disabled) return;
  this._active = index;
  this.findAll('.' + this.options.itemClass).forEach(function (node) {
    node.classList.toggle('is-selected', parseInt(node.getAttribute('data-index'), 10) === index);
  });
  this.trigger('select', { index: index, item: item });
};

Tabs.prototype.onKeyDown = function (e) {
  var count = this._items.length;
  if (!count) return;
  var next = this._active;
  switch (e.keyCode) {
    case 39: // вправо
      next = this._active + 1;
      if (next >= count) next = this.options.loop ? 0 : count - 1;
      break;
    case 37: // влево
      next = this._active - 1;
      if (next < 0) next = this.options.loop ? count - 1 : 0;
      break;
    case 36: // Home
      next = 0;
      break;
    case 35: // End
      next = count - 1;
      break;
    case 13: // Enter
    case 32: // пробел
      e.preventDefault();
      this.select(this._active);
      return;
    default:
      return;
  }
  e.preventDefault();
  this._active = next;
  var nodes = this.findAll('.tabs__tab');
  for (var i = 0; i < nodes.length; i++) nodes[i].classList.toggle('is-active', i === next);
  if (nodes[next] && nodes[next].scrollIntoView) nodes[next].scrollIntoView({ block: 'nearest' });
};

Tabs.prototype.destroy = function () {
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.Tabs = Tabs;
register('tabs', Tabs);

// ==========================================================================
// Accordion — раскрывающиеся разделы
// ==========================================================================

/**
 * Раскрывающиеся разделы.
 * Создаётся по атрибуту data-widget="accordion"; параметры — Accordion.defaults.
 * События: lk:ready, lk:open, lk:close.
 */
function Accordion(el, options) {
  Widget.call(this, el, extend({}, Accordion.defaults, options));
  this._opened = false;
  this._active = -1;
}
inherit(Accordion, Widget);

Accordion.defaults = {
  cssClass: 'lk-accordion',   // корневой CSS-класс
  emptyText: 'Нет разделов',   // текст, если показывать нечего
  closeOnOutside: true,   // закрывать по щелчку вне элемента
  animation: 150,   // длительность анимации, мс
  loop: true   // переход с последнего пункта на первый
};

Accordion.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this._trigger = this.find('[data-toggle]') || this.el;
  this._trigger.setAttribute('aria-expanded', 'false');
  this.on(this._trigger, 'click', function (e) {
    if (e.target.closest && e.target.closest('[data-index]')) return;
    self.toggle();
  });
  if (this.options.closeOnOutside) {
    this.on(doc, 'click', function (e) {
      if (self._opened && !self.el.contains(e.target)) self.close();
    });
  }
  this.el.setAttribute('tabindex', this.el.getAttribute('tabindex') || '0');
  this.on(this.el, 'keydown', function (e) { self.onKeyDown(e); });
  this.trigger('ready');
};

Accordion.prototype.open = function () {
  if (this._opened) return;
  this._opened = true;
  this.setState('open', true);
  this._trigger.setAttribute('aria-expanded', 'true');
  this.trigger('open');
};

Accordion.prototype.close = function () {
  if (!this._opened) return;
  var self = this;
  this._opened = false;
  this.setState('closing', true);
  setTimeout(function () {
    self.setState('closing', false);
    self.setState('open', false);
  }, this.options.animation);
  this._trigger.setAttribute('aria-expanded', 'false');
  this.trigger('close');
};

Accordion.prototype.toggle = function () {
  if (this._opened) this.close();
  else this.open();
};

Accordion.prototype.onKeyDown = function (e) {
  var count = this.findAll('.accordion__section').length;
  if (!count) return;
  var next = this._active;
  switch (e.keyCode) {
    case 40: // вниз
      next = this._active + 1;
      if (next >= count) next = this.options.loop ? 0 : count - 1;
      break;
    case 38: // вверх
      next = this._active - 1;
      if (next < 0) next = this.options.loop ? count - 1 : 0;
      break;
    case 36: // Home
      next = 0;
      break;
    case 35: // End
      next = count - 1;
      break;
    case 13: // Enter
    case 32: // пробел
      e.preventDefault();
      this.trigger('activate', { index: this._active });
      return;
    case 27: // Esc
      this.close();
      return;
    default:
      return;
  }
  e.preventDefault();
  this._active = next;
  var nodes = this.findAll('.accordion__section');
  for (var i = 0; i < nodes.length; i++) nodes[i].classList.toggle('is-active', i === next);
  if (nodes[next] && nodes[next].scrollIntoView) nodes[next].scrollIntoView({ block: 'nearest' });
};

Accordion.prototype.destroy = function () {
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.Accordion = Accordion;
register('accordion', Accordion);

// ==========================================================================
// Dropdown — выпадающий список
// ==========================================================================

/**
 * Выпадающий список.
 * Создаётся по атрибуту data-widget="dropdown"; параметры — Dropdown.defaults.
 * События: lk:ready, lk:open, lk:close, lk:select.
 */
function Dropdown(el, options) {
  Widget.call(this, el, extend({}, Dropdown.defaults, options));
  this._items = [];
  this._opened = false;
  this._active = -1;
}
inherit(Dropdown, Widget);

Dropdown.defaults = {
  cssClass: 'lk-dropdown',   // корневой CSS-класс
  emptyText: 'Ничего не выбрано',   // текст, если показывать нечего
  itemClass: 'dropdown__option',   // CSS-класс элемента списка
  itemTemplate: '<div class="{cls}" data-index="{index}">{title}</div>',
  closeOnOutside: true,   // закрывать по щелчку вне элемента
  animation: 200,   // длительность анимации, мс
  loop: false   // переход с последнего пункта на первый
};

Dropdown.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this._list = this.find('.' + this.options.cssClass + '__list');
  if (!this._list) {
    this._list = doc.createElement('div');
    this._list.className = this.options.cssClass + '__list';
    this.el.appendChild(this._list);
  }
  this.on(this._list, 'click', function (e) {
    var item = e.target.closest ? e.target.closest('[data-index]') : null;
    if (item) self.select(parseInt(item.getAttribute('data-index'), 10));
  });
  this._trigger = this.find('[data-toggle]') || this.el;
  this._trigger.setAttribute('aria-expanded', 'false');
  this.on(this._trigger, 'click', function (e) {
    if (e.target.closest && e.target.closest('[data-index]')) return;
    self.toggle();
  });
  if (this.options.closeOnOutside) {
    this.on(doc, 'click', function (e) {
      if (self._opened && !self.el.contains(e.target)) self.close();
    });
  }
  this.el.setAttribute('tabindex', this.el.getAttribute('tabindex') || '0');
  this.on(this.el, 'keydown', function (e) { self.onKeyDown(e); });
  this.trigger('ready');
};

/** Заменяет элементы списка и перерисовывает Dropdown. */
Dropdown.prototype.setItems = function (items) {
  this._items = items ? items.slice() : [];
  this._active = -1;
  this.render();
};

Dropdown.prototype.renderItem = function (item, index) {
  return template(this.options.itemTemplate, {
    cls: this.options.itemClass + (item.disabled ? ' is-disabled' : '') + (index === this._active ? ' is-active' : ''),
    index: index,
    title: item.title || item.name || item.caption || ''
  });
};

Dropdown.prototype.render = function () {
  if (!this._items.length) {
    this._list.innerHTML = this.options.emptyText ? '<p class="' + this.options.cssClass + '__empty">' + escapeHtml(this.options.emptyText) + '</p>' : '';
    return;
  }
  var visible = this._items;
  var start = 0;
  var html = '';
  for (var i = 0; i < visible.length; i++) html += this.renderItem(visible[i], start + i);
  this._list.innerHTML = html;
};

Dropdown.prototype.select = function (index) {
  var item = this._items[index];
  if (!item || item.disabled) return;
  this._active = index;
  this.findAll('.' + this.options.itemClass).forEach(function (node) {
    node.classList.toggle('is-selected', parseInt(node.getAttribute('data-index'), 10) === index);
  });
  this.close();
  this.trigger('select', { index: index, item: item });
};

Dropdown.prototype.open = function () {
  if (this._opened) return;
  this._opened = true;
  this.setState('open', true);
  this._trigger.setAttribute('aria-expanded', 'true');
  this.trigger('open');
};

Dropdown.prototype.close = function () {
  if (!this._opened) return;
  var self = this;
  this._opened = false;
  this.setState('closing', true);
  setTimeout(function () {
    self.setState('closing', false);
    self.setState('open', false);
  }, this.options.animation);
  this._trigger.setAttribute('aria-expanded', 'false');
  this.trigger('close');
};

Dropdown.prototype.toggle = function () {
  if (this._opened) this.close();
  else this.open();
};

Dropdown.prototype.onKeyDown = function (e) {
  var count = this._items.length;
  if (!count) return;
  var next = this._active;
  switch (e.keyCode) {
    case 39: // вправо
      next = this._active + 1;
      if (next >= count) next = this.options.loop ? 0 : count - 1;
      break;
    case 37: // влево
      next = this._active - 1;
      if (next < 0) next = this.options.loop ? count - 1 : 0;
      break;
    case 36: // Home
      next = 0;
      break;
    case 35: // End
      next = count - 1;
      break;
    case 13: // Enter
    case 32: // пробел
      e.preventDefault();
      this.select(this._active);
      return;
    case 27: // Esc
      this.close();
      return;
    default:
      return;
  }
  e.preventDefault();
  this._active = next;
  var nodes = this.findAll('.dropdown__option');
  for (var i = 0; i < nodes.length; i++) nodes[i].classList.toggle('is-active', i === next);
  if (nodes[next] && nodes[next].scrollIntoView) nodes[next].scrollIntoView({ block: 'nearest' });
};

Dropdown.prototype.destroy = function () {
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.Dropdown = Dropdown;
register('dropdown', Dropdown);

// ==========================================================================
// Autocomplete — поле с подсказками
// ==========================================================================

/**
 * Поле с подсказками.
 * Создаётся по атрибуту data-widget="autocomplete"; параметры — Autocomplete.defaults.
 * События: lk:ready, lk:loaded.
 */
function Autocomplete(el, options) {
  Widget.call(this, el, extend({}, Autocomplete.defaults, options));
  this._active = -1;
  this._request = null;
  this._loadedAt = 0;
  this._query = '';
}
inherit(Autocomplete, Widget);

Autocomplete.defaults = {
  cssClass: 'lk-autocomplete',   // корневой CSS-класс
  emptyText: 'Ничего не найдено',   // текст, если показывать нечего
  api: 'suggest',   // метод LK.api
  cacheTtl: 30000,   // время жизни кэша, мс
  autoLoad: true,
  minChars: 2,   // минимальная длина запроса
  delay: 250,   // задержка перед поиском, мс
  loop: true   // переход с последнего пункта на первый
};

Autocomplete.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this.el.setAttribute('tabindex', this.el.getAttribute('tabindex') || '0');
  this.on(this.el, 'keydown', function (e) { self.onKeyDown(e); });
  this._input = this.el.tagName === 'INPUT' ? this.el : this.find('input');
  if (this._input) {
    this.on(this._input, 'input', debounce(function () { self.filter(self._input.value); }, this.options.delay));
  }
  if (this.options.autoLoad) this.load();
  this.trigger('ready');
};

Autocomplete.prototype.onKeyDown = function (e) {
  var count = this.findAll('.autocomplete__hint').length;
  if (!count) return;
  var next = this._active;
  switch (e.keyCode) {
    case 40: // вниз
      next = this._active + 1;
      if (next >= count) next = this.options.loop ? 0 : count - 1;
      break;
    case 38: // вверх
      next = this._active - 1;
      if (next < 0) next = this.options.loop ? count - 1 : 0;
      break;
    case 36: // Home
      next = 0;
      break;
    case 35: // End
      next = count - 1;
      break;
    case 13: // Enter
    case 32: // пробел
      e.preventDefault();
      this.trigger('activate', { index: this._active });
      return;
    default:
      return;
  }
  e.preventDefault();
  this._active = next;
  var nodes = this.findAll('.autocomplete__hint');
  for (var i = 0; i < nodes.length; i++) nodes[i].classList.toggle('is-active', i === next);
  if (nodes[next] && nodes[next].scrollIntoView) nodes[next].scrollIntoView({ block: 'nearest' });
};

Autocomplete.prototype.filter = function (query) {
  query = String(query || '').trim();
  if (query.length && query.length < this.options.minChars) return;
  this._query = query;
  this.load({ q: query });
};

/** Подсвечивает совпадение с запросом в тексте подсказки. */
Autocomplete.prototype.highlight = function (text) {
  var safe = escapeHtml(text);
  if (!this._query) return safe;
  var q = escapeHtml(this._query).replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
  return safe.replace(new RegExp('(' + q + ')', 'ig'), '<mark>$1</mark>');
};

/** Загружает данные через LK.api.suggest. */
Autocomplete.prototype.load = function (params) {
  var self = this;
  var method = LK.api && LK.api[this.options.api];
  if (!method) return;
  if (this._request && this._request.abort) this._request.abort();
  this.setState('loading', true);
  var done = function (err, data) {
    self._request = null;
    self.setState('loading', false);
    if (err) {
      if (err.status === 401 && LK.root !== undefined) { global.location.href = LK.root + 'pages/login.html'; return; }
      toast('Не удалось получить сведения: ' + err.message, 'error');
      return;
    }
    self._loadedAt = Date.now();
    self.el.innerHTML = data ? escapeHtml(data.text || '') : escapeHtml(self.options.emptyText);
    self.trigger('loaded', { data: data });
  };
  this._request = method.call(LK.api, params || null, done);
};

Autocomplete.prototype.destroy = function () {
  if (this._request && this._request.abort) this._request.abort();
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.Autocomplete = Autocomplete;
register('autocomplete', Autocomplete);

// ==========================================================================
// Pager — постраничная навигация
// ==========================================================================

/**
 * Постраничная навигация.
 * Создаётся по атрибуту data-widget="pager"; параметры — Pager.defaults.
 * События: lk:ready, lk:page.
 */
function Pager(el, options) {
  Widget.call(this, el, extend({}, Pager.defaults, options));
  this._page = 1;
}
inherit(Pager, Widget);

Pager.defaults = {
  cssClass: 'lk-pager',   // корневой CSS-класс
  emptyText: 'Одна страница',   // текст, если показывать нечего
  pageSize: 5,
  maxLinks: 7   // сколько номеров страниц показывать
};

Pager.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this._pager = doc.createElement('nav');
  this._pager.className = this.options.cssClass + '__pager';
  this._pager.setAttribute('aria-label', 'Страницы');
  this.el.appendChild(this._pager);
  this.on(this._pager, 'click', function (e) {
    var p = e.target.getAttribute('data-page');
    if (p) { e.preventDefault(); self.goTo(parseInt(p, 10)); }
  });
  this.trigger('ready');
};

Pager.prototype.goTo = function (page) {
  if (page < 1 || page === this._page) return;
  this._page = page;
  this.trigger('page', { page: page });
};

Pager.prototype.renderPager = function (total) {
  var pages = Math.ceil(total / this.options.pageSize);
  if (pages <= 1) {
    this._pager.innerHTML = '';
    return;
  }
  var half = Math.floor(this.options.maxLinks / 2);
  var from = Math.max(1, Math.min(this._page - half, pages - this.options.maxLinks + 1));
  var to = Math.min(pages, from + this.options.maxLinks - 1);
  var html = this._page > 1 ? '<a href="#" data-page="' + (this._page - 1) + '">« Назад</a>' : '';
  for (var p = from; p <= to; p++) {
    html += p === this._page ? '<span class="is-current">' + p + '</span>' : '<a href="#" data-page="' + p + '">' + p + '</a>';
  }
  if (this._page < pages) html += '<a href="#" data-page="' + (this._page + 1) + '">Вперёд »</a>';
  this._pager.innerHTML = html;
};

Pager.prototype.destroy = function () {
  if (this._pager && this._pager.parentNode) this._pager.parentNode.removeChild(this._pager);
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.Pager = Pager;
register('pager', Pager);

// ==========================================================================
// Spinner — индикатор загрузки
// ==========================================================================

/**
 * Индикатор загрузки.
 * Создаётся по атрибуту data-widget="spinner"; параметры — Spinner.defaults.
 * События: lk:ready, lk:open, lk:close.
 */
function Spinner(el, options) {
  Widget.call(this, el, extend({}, Spinner.defaults, options));
  this._opened = false;
}
inherit(Spinner, Widget);

Spinner.defaults = {
  cssClass: 'lk-spinner',   // корневой CSS-класс
  emptyText: 'Загрузка…',   // текст, если показывать нечего
  closeOnOutside: true,   // закрывать по щелчку вне элемента
  animation: 150   // длительность анимации, мс
};

Spinner.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this._trigger = this.find('[data-toggle]') || this.el;
  this._trigger.setAttribute('aria-expanded', 'false');
  this.on(this._trigger, 'click', function (e) {
    if (e.target.closest && e.target.closest('[data-index]')) return;
    self.toggle();
  });
  if (this.options.closeOnOutside) {
    this.on(doc, 'click', function (e) {
      if (self._opened && !self.el.contains(e.target)) self.close();
    });
  }
  this.trigger('ready');
};

Spinner.prototype.open = function () {
  if (this._opened) return;
  this._opened = true;
  this.setState('open', true);
  this._trigger.setAttribute('aria-expanded', 'true');
  this.trigger('open');
};

Spinner.prototype.close = function () {
  if (!this._opened) return;
  var self = this;
  this._opened = false;
  this.setState('closing', true);
  setTimeout(function () {
    self.setState('closing', false);
    self.setState('open', false);
  }, this.options.animation);
  this._trigger.setAttribute('aria-expanded', 'false');
  this.trigger('close');
};

Spinner.prototype.toggle = function () {
  if (this._opened) this.close();
  else this.open();
};

Spinner.prototype.destroy = function () {
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.Spinner = Spinner;
register('spinner', Spinner);

// ==========================================================================
// ProgressBar — полоса выполнения
// ==========================================================================

/**
 * Полоса выполнения.
 * Создаётся по атрибуту data-widget="progressBar"; параметры — ProgressBar.defaults.
 * События: lk:ready, lk:change.
 */
function ProgressBar(el, options) {
  Widget.call(this, el, extend({}, ProgressBar.defaults, options));
  this._value = this.options.value;
}
inherit(ProgressBar, Widget);

ProgressBar.defaults = {
  cssClass: 'lk-progress-bar',   // корневой CSS-класс
  emptyText: 'Не начато',   // текст, если показывать нечего
  value: null,   // начальное значение
  min: 0,
  max: 100,
  step: 0.001
};

ProgressBar.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this._field = this.find('input') || null;
  if (this._field) {
    this.on(this._field, 'change', function () { self.setValue(parseNumber(self._field.value)); });
  }
  if (this._value !== null && this._value !== undefined) this.setValue(this._value, true);
  this.trigger('ready');
};

ProgressBar.prototype.getValue = function () {
  return this._value;
};

ProgressBar.prototype.validate = function (value) {
  var o = this.options;
  if (typeof value !== 'number' || isNaN(value)) return 'Введите число';
  if (value < o.min) return 'Значение не может быть меньше ' + o.min;
  if (value > o.max) return 'Значение не может быть больше ' + o.max;
  return null;
};

ProgressBar.prototype.setValue = function (value, silent) {
  var step = this.options.step;
  value = Math.round(value / step) * step;
  var error = this.validate(value);
  this.setState('invalid', !!error);
  if (error) {
    this.el.setAttribute('title', error);
    return false;
  }
  this.el.removeAttribute('title');
  var old = this._value;
  this._value = value;
  if (this._field) this._field.value = String(value).replace('.', ',');
  var bar = this.find('.progress__bar');
  if (bar) bar.style.width = ((value - this.options.min) / (this.options.max - this.options.min) * 100).toFixed(1) + '%';
  if (!silent && old !== value) this.trigger('change', { value: value, previous: old });
  return true;
};

ProgressBar.prototype.destroy = function () {
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.ProgressBar = ProgressBar;
register('progressBar', ProgressBar);

// ==========================================================================
// Stepper — пошаговая форма
// ==========================================================================

/**
 * Пошаговая форма.
 * Создаётся по атрибуту data-widget="stepper"; параметры — Stepper.defaults.
 * События: lk:ready, lk:change, lk:page.
 */
function Stepper(el, options) {
  Widget.call(this, el, extend({}, Stepper.defaults, options));
  this._value = this.options.value;
  this._page = 1;
}
inherit(Stepper, Widget);

Stepper.defaults = {
  cssClass: 'lk-stepper',   // корневой CSS-класс
  emptyText: 'Нет шагов',   // текст, если показывать нечего
  value: null,   // начальное значение
  min: 1,
  max: 99999,
  step: 1,
  pageSize: 20,
  maxLinks: 7   // сколько номеров страниц показывать
};

Stepper.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this._field = this.find('input') || null;
  if (this._field) {
    this.on(this._field, 'change', function () { self.setValue(parseNumber(self._field.value)); });
  }
  if (this._value !== null && this._value !== undefined) this.setValue(this._value, true);
  this._pager = doc.createElement('nav');
  this._pager.className = this.options.cssClass + '__pager';
  this._pager.setAttribute('aria-label', 'Страницы');
  this.el.appendChild(this._pager);
  this.on(this._pager, 'click', function (e) {
    var p = e.target.getAttribute('data-page');
    if (p) { e.preventDefault(); self.goTo(parseInt(p, 10)); }
  });
  this.trigger('ready');
};

Stepper.prototype.getValue = function () {
  return this._value;
};

Stepper.prototype.validate = function (value) {
  var o = this.options;
  if (typeof value !== 'number' || isNaN(value)) return 'Введите число';
  if (value < o.min) return 'Значение не может быть меньше ' + o.min;
  if (value > o.max) return 'Значение не может быть больше ' + o.max;
  return null;
};

Stepper.prototype.setValue = function (value, silent) {
  var step = this.options.step;
  value = Math.round(value / step) * step;
  var error = this.validate(value);
  this.setState('invalid', !!error);
  if (error) {
    this.el.setAttribute('title', error);
    return false;
  }
  this.el.removeAttribute('title');
  var old = this._value;
  this._value = value;
  if (this._field) this._field.value = String(value).replace('.', ',');
  if (!silent && old !== value) this.trigger('change', { value: value, previous: old });
  return true;
};

Stepper.prototype.goTo = function (page) {
  if (page < 1 || page === this._page) return;
  this._page = page;
  this.trigger('page', { page: page });
};

Stepper.prototype.renderPager = function (total) {
  var pages = Math.ceil(total / this.options.pageSize);
  if (pages <= 1) {
    this._pager.innerHTML = '';
    return;
  }
  var half = Math.floor(this.options.maxLinks / 2);
  var from = Math.max(1, Math.min(this._page - half, pages - this.options.maxLinks + 1));
  var to = Math.min(pages, from + this.options.maxLinks - 1);
  var html = this._page > 1 ? '<a href="#" data-page="' + (this._page - 1) + '">« Назад</a>' : '';
  for (var p = from; p <= to; p++) {
    html += p === this._page ? '<span class="is-current">' + p + '</span>' : '<a href="#" data-page="' + p + '">' + p + '</a>';
  }
  if (this._page < pages) html += '<a href="#" data-page="' + (this._page + 1) + '">Вперёд »</a>';
  this._pager.innerHTML = html;
};

Stepper.prototype.destroy = function () {
  if (this._pager && this._pager.parentNode) this._pager.parentNode.removeChild(this._pager);
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.Stepper = Stepper;
register('stepper', Stepper);

// ==========================================================================
// Rating — оценка выполненной заявки
// ==========================================================================

/**
 * Оценка выполненной заявки.
 * Создаётся по атрибуту data-widget="rating"; параметры — Rating.defaults.
 * События: lk:ready, lk:change.
 */
function Rating(el, options) {
  Widget.call(this, el, extend({}, Rating.defaults, options));
  this._value = this.options.value;
  this._active = -1;
}
inherit(Rating, Widget);

Rating.defaults = {
  cssClass: 'lk-rating',   // корневой CSS-класс
  emptyText: 'Оценка не выставлена',   // текст, если показывать нечего
  value: null,   // начальное значение
  min: 1,
  max: 5,
  step: 0.001,
  loop: false   // переход с последнего пункта на первый
};

Rating.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this.el.setAttribute('tabindex', this.el.getAttribute('tabindex') || '0');
  this.on(this.el, 'keydown', function (e) { self.onKeyDown(e); });
  this._field = this.find('input') || null;
  if (this._field) {
    this.on(this._field, 'change', function () { self.setValue(parseNumber(self._field.value)); });
  }
  if (this._value !== null && this._value !== undefined) this.setValue(this._value, true);
  this.trigger('ready');
};

Rating.prototype.onKeyDown = function (e) {
  var count = this.findAll('.rating__star').length;
  if (!count) return;
  var next = this._active;
  switch (e.keyCode) {
    case 39: // вправо
      next = this._active + 1;
      if (next >= count) next = this.options.loop ? 0 : count - 1;
      break;
    case 37: // влево
      next = this._active - 1;
      if (next < 0) next = this.options.loop ? count - 1 : 0;
      break;
    case 36: // Home
      next = 0;
      break;
    case 35: // End
      next = count - 1;
      break;
    case 13: // Enter
    case 32: // пробел
      e.preventDefault();
      this.trigger('activate', { index: this._active });
      return;
    default:
      return;
  }
  e.preventDefault();
  this._active = next;
  var nodes = this.findAll('.rating__star');
  for (var i = 0; i < nodes.length; i++) nodes[i].classList.toggle('is-active', i === next);
  if (nodes[next] && nodes[next].scrollIntoView) nodes[next].scrollIntoView({ block: 'nearest' });
};

Rating.prototype.getValue = function () {
  return this._value;
};

Rating.prototype.validate = function (value) {
  var o = this.options;
  if (typeof value !== 'number' || isNaN(value)) return 'Введите число';
  if (value < o.min) return 'Значение не может быть меньше ' + o.min;
  if (value > o.max) return 'Значение не может быть больше ' + o.max;
  return null;
};

Rating.prototype.setValue = function (value, silent) {
  var step = this.options.step;
  value = Math.round(value / step) * step;
  var error = this.validate(value);
  this.setState('invalid', !!error);
  if (error) {
    this.el.setAttribute('title', error);
    return false;
  }
  this.el.removeAttribute('title');
  var old = this._value;
  this._value = value;
  if (this._field) this._field.value = String(value).replace('.', ',');
  if (!silent && old !== value) this.trigger('change', { value: value, previous: old });
  return true;
};

Rating.prototype.destroy = function () {
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.Rating = Rating;
register('rating', Rating);

// ==========================================================================
// RangeSlider — ползунок выбора суммы
// ==========================================================================

/**
 * Ползунок выбора суммы.
 * Создаётся по атрибуту data-widget="rangeSlider"; параметры — RangeSlider.defaults.
 * События: lk:ready, lk:change.
 */
function RangeSlider(el, options) {
  Widget.call(this, el, extend({}, RangeSlider.defaults, options));
  this._value = this.options.value;
  this._active = -1;
}
inherit(RangeSlider, Widget);

RangeSlider.defaults = {
  cssClass: 'lk-range-slider',   // корневой CSS-класс
  emptyText: 'Сумма не выбрана',   // текст, если показывать нечего
  value: null,   // начальное значение
  min: 0,
  max: 10,
  step: 1,
  loop: true   // переход с последнего пункта на первый
};

RangeSlider.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this.el.setAttribute('tabindex', this.el.getAttribute('tabindex') || '0');
  this.on(this.el, 'keydown', function (e) { self.onKeyDown(e); });
  this._field = this.find('input') || null;
  if (this._field) {
    this.on(this._field, 'change', function () { self.setValue(parseNumber(self._field.value)); });
  }
  if (this._value !== null && this._value !== undefined) this.setValue(this._value, true);
  this.trigger('ready');
};

RangeSlider.prototype.onKeyDown = function (e) {
  var count = this.findAll('.slider__thumb').length;
  if (!count) return;
  var next = this._active;
  switch (e.keyCode) {
    case 40: // вниз
      next = this._active + 1;
      if (next >= count) next = this.options.loop ? 0 : count - 1;
      break;
    case 38: // вверх
      next = this._active - 1;
      if (next < 0) next = this.options.loop ? count - 1 : 0;
      break;
    case 36: // Home
      next = 0;
      break;
    case 35: // End
      next = count - 1;
      break;
    case 13: // Enter
    case 32: // пробел
      e.preventDefault();
      this.trigger('activate', { index: this._active });
      return;
    default:
      return;
  }
  e.preventDefault();
  this._active = next;
  var nodes = this.findAll('.slider__thumb');
  for (var i = 0; i < nodes.length; i++) nodes[i].classList.toggle('is-active', i === next);
  if (nodes[next] && nodes[next].scrollIntoView) nodes[next].scrollIntoView({ block: 'nearest' });
};

RangeSlider.prototype.getValue = function () {
  return this._value;
};

RangeSlider.prototype.validate = function (value) {
  var o = this.options;
  if (typeof value !== 'number' || isNaN(value)) return 'Введите число';
  if (value < o.min) return 'Значение не может быть меньше ' + o.min;
  if (value > o.max) return 'Значение не может быть больше ' + o.max;
  return null;
};

RangeSlider.prototype.setValue = function (value, silent) {
  var step = this.options.step;
  value = Math.round(value / step) * step;
  var error = this.validate(value);
  this.setState('invalid', !!error);
  if (error) {
    this.el.setAttribute('title', error);
    return false;
  }
  this.el.removeAttribute('title');
  var old = this._value;
  this._value = value;
  if (this._field) this._field.value = String(value).replace('.', ',');
  var bar = this.find('.slider__thumb');
  if (bar) bar.style.width = ((value - this.options.min) / (this.options.max - this.options.min) * 100).toFixed(1) + '%';
  if (!silent && old !== value) this.trigger('change', { value: value, previous: old });
  return true;
};

RangeSlider.prototype.destroy = function () {
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.RangeSlider = RangeSlider;
register('rangeSlider', RangeSlider);

// ==========================================================================
// Switch — переключатель
// ==========================================================================

/**
 * Переключатель.
 * Создаётся по атрибуту data-widget="switch"; параметры — Switch.defaults.
 * События: lk:ready, lk:change, lk:open, lk:close.
 */
function Switch(el, options) {
  Widget.call(this, el, extend({}, Switch.defaults, options));
  this._value = this.options.value;
  this._opened = false;
}
inherit(Switch, Widget);

Switch.defaults = {
  cssClass: 'lk-switch',   // корневой CSS-класс
  emptyText: 'Выключено',   // текст, если показывать нечего
  value: null,   // начальное значение
  min: 1,
  max: 100,
  step: 0.001,
  closeOnOutside: true,   // закрывать по щелчку вне элемента
  animation: 200   // длительность анимации, мс
};

Switch.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this._trigger = this.find('[data-toggle]') || this.el;
  this._trigger.setAttribute('aria-expanded', 'false');
  this.on(this._trigger, 'click', function (e) {
    if (e.target.closest && e.target.closest('[data-index]')) return;
    self.toggle();
  });
  if (this.options.closeOnOutside) {
    this.on(doc, 'click', function (e) {
      if (self._opened && !self.el.contains(e.target)) self.close();
    });
  }
  this._field = this.find('input') || null;
  if (this._field) {
    this.on(this._field, 'change', function () { self.setValue(parseNumber(self._field.value)); });
  }
  if (this._value !== null && this._value !== undefined) this.setValue(this._value, true);
  this.trigger('ready');
};

Switch.prototype.open = function () {
  if (this._opened) return;
  this._opened = true;
  this.setState('open', true);
  this._trigger.setAttribute('aria-expanded', 'true');
  this.trigger('open');
};

Switch.prototype.close = function () {
  if (!this._opened) return;
  var self = this;
  this._opened = false;
  this.setState('closing', true);
  setTimeout(function () {
    self.setState('closing', false);
    self.setState('open', false);
  }, this.options.animation);
  this._trigger.setAttribute('aria-expanded', 'false');
  this.trigger('close');
};

Switch.prototype.toggle = function () {
  if (this._opened) this.close();
  else this.open();
};

Switch.prototype.getValue = function () {
  return this._value;
};

Switch.prototype.validate = function (value) {
  var o = this.options;
  if (typeof value !== 'number' || isNaN(value)) return 'Введите число';
  if (value < o.min) return 'Значение не может быть меньше ' + o.min;
  if (value > o.max) return 'Значение не может быть больше ' + o.max;
  return null;
};

Switch.prototype.setValue = function (value, silent) {
  var step = this.options.step;
  value = Math.round(value / step) * step;
  var error = this.validate(value);
  this.setState('invalid', !!error);
  if (error) {
    this.el.setAttribute('title', error);
    return false;
  }
  this.el.removeAttribute('title');
  var old = this._value;
  this._value = value;
  if (this._field) this._field.value = String(value).replace('.', ',');
  if (!silent && old !== value) this.trigger('change', { value: value, previous: old });
  return true;
};

Switch.prototype.destroy = function () {
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.Switch = Switch;
register('switch', Switch);

// ==========================================================================
// CheckboxGroup — группа флажков
// ==========================================================================

/**
 * Группа флажков.
 * Создаётся по атрибуту data-widget="checkboxGroup"; параметры — CheckboxGroup.defaults.
 * События: lk:ready, lk:change, lk:select.
 */
function CheckboxGroup(el, options) {
  Widget.call(this, el, extend({}, CheckboxGroup.defaults, options));
  this._items = [];
  this._value = this.options.value;
}
inherit(CheckboxGroup, Widget);

CheckboxGroup.defaults = {
  cssClass: 'lk-checkbox-group',   // корневой CSS-класс
  emptyText: 'Ничего не отмечено',   // текст, если показывать нечего
  itemClass: 'checkbox-group__item',   // CSS-класс элемента списка
  itemTemplate: '<div class="{cls}" data-index="{index}">{title}</div>',
  value: null,   // начальное значение
  min: 1,
  max: 99999,
  step: 1
};

CheckboxGroup.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this._list = this.find('.' + this.options.cssClass + '__list');
  if (!this._list) {
    this._list = doc.createElement('div');
    this._list.className = this.options.cssClass + '__list';
    this.el.appendChild(this._list);
  }
  this.on(this._list, 'click', function (e) {
    var item = e.target.closest ? e.target.closest('[data-index]') : null;
    if (item) self.select(parseInt(item.getAttribute('data-index'), 10));
  });
  this._field = this.find('input') || null;
  if (this._field) {
    this.on(this._field, 'change', function () { self.setValue(parseNumber(self._field.value)); });
  }
  if (this._value !== null && this._value !== undefined) this.setValue(this._value, true);
  this.trigger('ready');
};

/** Заменяет элементы списка и перерисовывает CheckboxGroup. */
CheckboxGroup.prototype.setItems = function (items) {
  this._items = items ? items.slice() : [];
  this.render();
};

CheckboxGroup.prototype.renderItem = function (item, index) {
  return template(this.options.itemTemplate, {
    cls: this.options.itemClass + (item.disabled ? ' is-disabled' : ''),
    index: index,
    title: item.title || item.name || item.value || ''
  });
};

CheckboxGroup.prototype.render = function () {
  if (!this._items.length) {
    this._list.innerHTML = this.options.emptyText ? '<p class="' + this.options.cssClass + '__empty">' + escapeHtml(this.options.emptyText) + '</p>' : '';
    return;
  }
  var visible = this._items;
  var start = 0;
  var html = '';
  for (var i = 0; i < visible.length; i++) html += this.renderItem(visible[i], start + i);
  this._list.innerHTML = html;
};

CheckboxGroup.prototype.select = function (index) {
  var item = this._items[index];
  if (!item || item.disabled) return;
  this.findAll('.' + this.options.itemClass).forEach(function (node) {
    node.classList.toggle('is-selected', parseInt(node.getAttribute('data-index'), 10) === index);
  });
  this.trigger('select', { index: index, item: item });
};

CheckboxGroup.prototype.getValue = function () {
  return this._value;
};

CheckboxGroup.prototype.validate = function (value) {
  var o = this.options;
  if (typeof value !== 'number' || isNaN(value)) return 'Введите число';
  if (value < o.min) return 'Значение не может быть меньше ' + o.min;
  if (value > o.max) return 'Значение не может быть больше ' + o.max;
  return null;
};

CheckboxGroup.prototype.setValue = function (value, silent) {
  var step = this.options.step;
  value = Math.round(value / step) * step;
  var error = this.validate(value);
  this.setState('invalid', !!error);
  if (error) {
    this.el.setAttribute('title', error);
    return false;
  }
  this.el.removeAttribute('title');
  var old = this._value;
  this._value = value;
  if (this._field) this._field.value = String(value).replace('.', ',');
  if (!silent && old !== value) this.trigger('change', { value: value, previous: old });
  return true;
};

CheckboxGroup.prototype.destroy = function () {
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.CheckboxGroup = CheckboxGroup;
register('checkboxGroup', CheckboxGroup);

// ==========================================================================
// MeterInput — ввод показаний прибора учёта
// ==========================================================================

/**
 * Ввод показаний прибора учёта.
 * Создаётся по атрибуту data-widget="meterInput"; параметры — MeterInput.defaults.
 * События: lk:ready, lk:change, lk:loaded.
 */
function MeterInput(el, options) {
  Widget.call(this, el, extend({}, MeterInput.defaults, options));
  this._value = this.options.value;
  this._request = null;
  this._loadedAt = 0;
}
inherit(MeterInput, Widget);

MeterInput.defaults = {
  cssClass: 'lk-meter-input',   // корневой CSS-класс
  emptyText: 'Нет приборов учёта',   // текст, если показывать нечего
  value: null,   // начальное значение
  min: 0,
  max: 5,
  step: 0.001,
  api: 'meters',   // метод LK.api
  cacheTtl: 30000,   // время жизни кэша, мс
  autoLoad: true
};

MeterInput.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this._field = this.find('input') || null;
  if (this._field) {
    this.on(this._field, 'change', function () { self.setValue(parseNumber(self._field.value)); });
  }
  if (this._value !== null && this._value !== undefined) this.setValue(this._value, true);
  if (this.options.autoLoad) this.load();
  this.trigger('ready');
};

MeterInput.prototype.getValue = function () {
  return this._value;
};

MeterInput.prototype.validate = function (value) {
  var o = this.options;
  if (typeof value !== 'number' || isNaN(value)) return 'Введите число';
  if (value < o.min) return 'Значение не может быть меньше ' + o.min;
  if (value > o.max) return 'Значение не может быть больше ' + o.max;
  var prev = this._previous || 0;
  if (value < prev) return LK.t ? LK.t('meters.tooLow') : 'Новое показание меньше предыдущего';
  if (LK.settings && value - prev > LK.settings.meters.maxDelta) return LK.t ? LK.t('meters.tooHigh') : 'Слишком большой расход';
  return null;
};

MeterInput.prototype.setValue = function (value, silent) {
  var step = this.options.step;
  value = Math.round(value / step) * step;
  var error = this.validate(value);
  this.setState('invalid', !!error);
  if (error) {
    this.el.setAttribute('title', error);
    return false;
  }
  this.el.removeAttribute('title');
  var old = this._value;
  this._value = value;
  if (this._field) this._field.value = String(value).replace('.', ',');
  if (!silent && old !== value) this.trigger('change', { value: value, previous: old });
  return true;
};

/** Загружает данные через LK.api.meters. */
MeterInput.prototype.load = function (params) {
  var self = this;
  var method = LK.api && LK.api[this.options.api];
  if (!method) return;
  if (this._request && this._request.abort) this._request.abort();
  this.setState('loading', true);
  var done = function (err, data) {
    self._request = null;
    self.setState('loading', false);
    if (err) {
      if (err.status === 401 && LK.root !== undefined) { global.location.href = LK.root + 'pages/login.html'; return; }
      toast('Не удалось загрузить данные: ' + err.message, 'error');
      return;
    }
    self._loadedAt = Date.now();
    self._previous = data ? data.previous : 0;
    if (data && data.value !== undefined) self.setValue(parseNumber(data.value), true);
    self.trigger('loaded', { data: data });
  };
  this._request = method.call(LK.api, params || null, done);
};

MeterInput.prototype.destroy = function () {
  if (this._request && this._request.abort) this._request.abort();
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.MeterInput = MeterInput;
register('meterInput', MeterInput);

// ==========================================================================
// AccountSelector — выбор лицевого счёта
// ==========================================================================

/**
 * Выбор лицевого счёта.
 * Создаётся по атрибуту data-widget="accountSelector"; параметры — AccountSelector.defaults.
 * События: lk:ready, lk:open, lk:close, lk:loaded, lk:select.
 */
function AccountSelector(el, options) {
  Widget.call(this, el, extend({}, AccountSelector.defaults, options));
  this._items = [];
  this._opened = false;
  this._request = null;
  this._loadedAt = 0;
}
inherit(AccountSelector, Widget);

AccountSelector.defaults = {
  cssClass: 'lk-account-selector',   // корневой CSS-класс
  emptyText: 'Нет привязанных лицевых счетов',   // текст, если показывать нечего
  itemClass: 'account__item',   // CSS-класс элемента списка
  itemTemplate: '<div class="{cls}" data-index="{index}">{title}</div>',
  closeOnOutside: true,   // закрывать по щелчку вне элемента
  animation: 150,   // длительность анимации, мс
  api: 'accounts',   // метод LK.api
  cacheTtl: 60000,   // время жизни кэша, мс
  autoLoad: true
};

AccountSelector.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this._list = this.find('.' + this.options.cssClass + '__list');
  if (!this._list) {
    this._list = doc.createElement('div');
    this._list.className = this.options.cssClass + '__list';
    this.el.appendChild(this._list);
  }
  this.on(this._list, 'click', function (e) {
    var item = e.target.closest ? e.target.closest('[data-index]') : null;
    if (item) self.select(parseInt(item.getAttribute('data-index'), 10));
  });
  this._trigger = this.find('[data-toggle]') || this.el;
  this._trigger.setAttribute('aria-expanded', 'false');
  this.on(this._trigger, 'click', function (e) {
    if (e.target.closest && e.target.closest('[data-index]')) return;
    self.toggle();
  });
  if (this.options.closeOnOutside) {
    this.on(doc, 'click', function (e) {
      if (self._opened && !self.el.contains(e.target)) self.close();
    });
  }
  if (this.options.autoLoad) this.load();
  this.trigger('ready');
};

/** Заменяет элементы списка и перерисовывает AccountSelector. */
AccountSelector.prototype.setItems = function (items) {
  this._items = items ? items.slice() : [];
  this.render();
};

AccountSelector.prototype.renderItem = function (item, index) {
  return template(this.options.itemTemplate, {
    cls: this.options.itemClass + (item.disabled ? ' is-disabled' : ''),
    index: index,
    title: item.title || item.name || item.label || ''
  });
};

AccountSelector.prototype.render = function () {
  if (!this._items.length) {
    this._list.innerHTML = this.options.emptyText ? '<p class="' + this.options.cssClass + '__empty">' + escapeHtml(this.options.emptyText) + '</p>' : '';
    return;
  }
  var visible = this._items;
  var start = 0;
  var html = '';
  for (var i = 0; i < visible.length; i++) html += this.renderItem(visible[i], start + i);
  this._list.innerHTML = html;
};

AccountSelector.prototype.select = function (index) {
  var item = this._items[index];
  if (!item || item.disabled) return;
  this.findAll('.' + this.options.itemClass).forEach(function (node) {
    node.classList.toggle('is-selected', parseInt(node.getAttribute('data-index'), 10) === index);
  });
  this.close();
  this.trigger('select', { index: index, item: item });
};

AccountSelector.prototype.open = function () {
  if (this._opened) return;
  this._opened = true;
  this.setState('open', true);
  this._trigger.setAttribute('aria-expanded', 'true');
  if (Date.now() - this._loadedAt > this.options.cacheTtl) this.load();
  this.trigger('open');
};

AccountSelector.prototype.close = function () {
  if (!this._opened) return;
  var self = this;
  this._opened = false;
  this.setState('closing', true);
  setTimeout(function () {
    self.setState('closing', false);
    self.setState('open', false);
  }, this.options.animation);
  this._trigger.setAttribute('aria-expanded', 'false');
  this.trigger('close');
};

AccountSelector.prototype.toggle = function () {
  if (this._opened) this.close();
  else this.open();
};

/** Загружает данные через LK.api.accounts. */
AccountSelector.prototype.load = function (params) {
  var self = this;
  var method = LK.api && LK.api[this.options.api];
  if (!method) return;
  if (this._request && this._request.abort) this._request.abort();
  this.setState('loading', true);
  var done = function (err, data) {
    self._request = null;
    self.setState('loading', false);
    if (err) {
      if (err.status === 401 && LK.root !== undefined) { global.location.href = LK.root + 'pages/login.html'; return; }
      toast('Ошибка загрузки: ' + err.message, 'error');
      return;
    }
    self._loadedAt = Date.now();
    self.setItems(data && data.items ? data.items : data || []);
    self.trigger('loaded', { data: data });
  };
  this._request = method.call(LK.api, params || null, done);
};

AccountSelector.prototype.destroy = function () {
  if (this._request && this._request.abort) this._request.abort();
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.AccountSelector = AccountSelector;
register('accountSelector', AccountSelector);

// ==========================================================================
// AddressInput — ввод адреса с подсказками фиас
// ==========================================================================

/**
 * Ввод адреса с подсказками ФИАС.
 * Создаётся по атрибуту data-widget="addressInput"; параметры — AddressInput.defaults.
 * События: lk:ready, lk:loaded.
 */
function AddressInput(el, options) {
  Widget.call(this, el, extend({}, AddressInput.defaults, options));
  this._request = null;
  this._loadedAt = 0;
  this._query = '';
}
inherit(AddressInput, Widget);

AddressInput.defaults = {
  cssClass: 'lk-address-input',   // корневой CSS-класс
  emptyText: 'Адрес не найден',   // текст, если показывать нечего
  api: 'suggestAddress',   // метод LK.api
  cacheTtl: 300000,   // время жизни кэша, мс
  autoLoad: true,
  minChars: 3,   // минимальная длина запроса
  delay: 400   // задержка перед поиском, мс
};

AddressInput.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this._input = this.el.tagName === 'INPUT' ? this.el : this.find('input');
  if (this._input) {
    this.on(this._input, 'input', debounce(function () { self.filter(self._input.value); }, this.options.delay));
  }
  if (this.options.autoLoad) this.load();
  this.trigger('ready');
};

AddressInput.prototype.filter = function (query) {
  query = String(query || '').trim();
  if (query.length && query.length < this.options.minChars) return;
  this._query = query;
  this.load({ q: query });
};

/** Подсвечивает совпадение с запросом в тексте подсказки. */
AddressInput.prototype.highlight = function (text) {
  var safe = escapeHtml(text);
  if (!this._query) return safe;
  var q = escapeHtml(this._query).replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
  return safe.replace(new RegExp('(' + q + ')', 'ig'), '<mark>$1</mark>');
};

/** Загружает данные через LK.api.suggestAddress. */
AddressInput.prototype.load = function (params) {
  var self = this;
  var method = LK.api && LK.api[this.options.api];
  if (!method) return;
  if (this._request && this._request.abort) this._request.abort();
  this.setState('loading', true);
  var done = function (err, data) {
    self._request = null;
    self.setState('loading', false);
    if (err) {
      if (err.status === 401 && LK.root !== undefined) { global.location.href = LK.root + 'pages/login.html'; return; }
      toast('Сервер не ответил: ' + err.message, 'error');
      return;
    }
    self._loadedAt = Date.now();
    self.el.innerHTML = data ? escapeHtml(data.text || '') : escapeHtml(self.options.emptyText);
    self.trigger('loaded', { data: data });
  };
  this._request = method.call(LK.api, params || null, done);
};

AddressInput.prototype.destroy = function () {
  if (this._request && this._request.abort) this._request.abort();
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.AddressInput = AddressInput;
register('addressInput', AddressInput);

// ==========================================================================
// BarChart — столбчатая диаграмма расхода
// ==========================================================================

/**
 * Столбчатая диаграмма расхода.
 * Создаётся по атрибуту data-widget="barChart"; параметры — BarChart.defaults.
 * События: lk:ready, lk:loaded, lk:select.
 */
function BarChart(el, options) {
  Widget.call(this, el, extend({}, BarChart.defaults, options));
  this._items = [];
  this._request = null;
  this._loadedAt = 0;
}
inherit(BarChart, Widget);

BarChart.defaults = {
  cssClass: 'lk-bar-chart',   // корневой CSS-класс
  emptyText: 'Нет данных для диаграммы',   // текст, если показывать нечего
  itemClass: 'chart__bar',   // CSS-класс элемента списка
  itemTemplate: '<div class="{cls}" data-index="{index}">{title}</div>',
  api: 'consumption',   // метод LK.api
  cacheTtl: 30000,   // время жизни кэша, мс
  autoLoad: true
};

BarChart.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this._list = this.find('.' + this.options.cssClass + '__list');
  if (!this._list) {
    this._list = doc.createElement('div');
    this._list.className = this.options.cssClass + '__list';
    this.el.appendChild(this._list);
  }
  this.on(this._list, 'click', function (e) {
    var item = e.target.closest ? e.target.closest('[data-index]') : null;
    if (item) self.select(parseInt(item.getAttribute('data-index'), 10));
  });
  if (this.options.autoLoad) this.load();
  this.trigger('ready');
};

/** Заменяет элементы списка и перерисовывает BarChart. */
BarChart.prototype.setItems = function (items) {
  this._items = items ? items.slice() : [];
  this.render();
};

BarChart.prototype.renderItem = function (item, index) {
  return template(this.options.itemTemplate, {
    cls: this.options.itemClass + (item.disabled ? ' is-disabled' : ''),
    index: index,
    title: item.title || item.name || item.value || ''
  });
};

BarChart.prototype.render = function () {
  if (!this._items.length) {
    this._list.innerHTML = this.options.emptyText ? '<p class="' + this.options.cssClass + '__empty">' + escapeHtml(this.options.emptyText) + '</p>' : '';
    return;
  }
  var visible = this._items;
  var start = 0;
  var html = '';
  for (var i = 0; i < visible.length; i++) html += this.renderItem(visible[i], start + i);
  this._list.innerHTML = html;
};

BarChart.prototype.select = function (index) {
  var item = this._items[index];
  if (!item || item.disabled) return;
  this.findAll('.' + this.options.itemClass).forEach(function (node) {
    node.classList.toggle('is-selected', parseInt(node.getAttribute('data-index'), 10) === index);
  });
  this.trigger('select', { index: index, item: item });
};

/** Загружает данные через LK.api.consumption. */
BarChart.prototype.load = function (params) {
  var self = this;
  var method = LK.api && LK.api[this.options.api];
  if (!method) return;
  if (this._request && this._request.abort) this._request.abort();
  this.setState('loading', true);
  var done = function (err, data) {
    self._request = null;
    self.setState('loading', false);
    if (err) {
      if (err.status === 401 && LK.root !== undefined) { global.location.href = LK.root + 'pages/login.html'; return; }
      toast('Не удалось получить сведения: ' + err.message, 'error');
      return;
    }
    self._loadedAt = Date.now();
    self.setItems(data && data.items ? data.items : data || []);
    self.trigger('loaded', { data: data });
  };
  this._request = method.call(LK.api, params || null, done);
};

BarChart.prototype.destroy = function () {
  if (this._request && this._request.abort) this._request.abort();
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.BarChart = BarChart;
register('barChart', BarChart);

// ==========================================================================
// Timeline — хронология заявки
// ==========================================================================

/**
 * Хронология заявки.
 * Создаётся по атрибуту data-widget="timeline"; параметры — Timeline.defaults.
 * События: lk:ready, lk:loaded, lk:select.
 */
function Timeline(el, options) {
  Widget.call(this, el, extend({}, Timeline.defaults, options));
  this._items = [];
  this._request = null;
  this._loadedAt = 0;
}
inherit(Timeline, Widget);

Timeline.defaults = {
  cssClass: 'lk-timeline',   // корневой CSS-класс
  emptyText: 'Событий пока нет',   // текст, если показывать нечего
  itemClass: 'timeline__event',   // CSS-класс элемента списка
  itemTemplate: '<div class="{cls}" data-index="{index}">{title}</div>',
  api: 'requestHistory',   // метод LK.api
  cacheTtl: 60000,   // время жизни кэша, мс
  autoLoad: true
};

Timeline.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this._list = this.find('.' + this.options.cssClass + '__list');
  if (!this._list) {
    this._list = doc.createElement('div');
    this._list.className = this.options.cssClass + '__list';
    this.el.appendChild(this._list);
  }
  this.on(this._list, 'click', function (e) {
    var item = e.target.closest ? e.target.closest('[data-index]') : null;
    if (item) self.select(parseInt(item.getAttribute('data-index'), 10));
  });
  if (this.options.autoLoad) this.load();
  this.trigger('ready');
};

/** Заменяет элементы списка и перерисовывает Timeline. */
Timeline.prototype.setItems = function (items) {
  this._items = items ? items.slice() : [];
  this.render();
};

Timeline.prototype.renderItem = function (item, index) {
  return template(this.options.itemTemplate, {
    cls: this.options.itemClass + (item.disabled ? ' is-disabled' : ''),
    index: index,
    title: item.title || item.name || item.text || ''
  });
};

Timeline.prototype.render = function () {
  if (!this._items.length) {
    this._list.innerHTML = this.options.emptyText ? '<p class="' + this.options.cssClass + '__empty">' + escapeHtml(this.options.emptyText) + '</p>' : '';
    return;
  }
  var visible = this._items;
  var start = 0;
  var html = '';
  for (var i = 0; i < visible.length; i++) html += this.renderItem(visible[i], start + i);
  this._list.innerHTML = html;
};

Timeline.prototype.select = function (index) {
  var item = this._items[index];
  if (!item || item.disabled) return;
  this.findAll('.' + this.options.itemClass).forEach(function (node) {
    node.classList.toggle('is-selected', parseInt(node.getAttribute('data-index'), 10) === index);
  });
  this.trigger('select', { index: index, item: item });
};

/** Загружает данные через LK.api.requestHistory. */
Timeline.prototype.load = function (params) {
  var self = this;
  var method = LK.api && LK.api[this.options.api];
  if (!method) return;
  if (this._request && this._request.abort) this._request.abort();
  this.setState('loading', true);
  var done = function (err, data) {
    self._request = null;
    self.setState('loading', false);
    if (err) {
      if (err.status === 401 && LK.root !== undefined) { global.location.href = LK.root + 'pages/login.html'; return; }
      toast('Не удалось загрузить данные: ' + err.message, 'error');
      return;
    }
    self._loadedAt = Date.now();
    self.setItems(data && data.items ? data.items : data || []);
    self.trigger('loaded', { data: data });
  };
  this._request = method.call(LK.api, params || null, done);
};

Timeline.prototype.destroy = function () {
  if (this._request && this._request.abort) this._request.abort();
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.Timeline = Timeline;
register('timeline', Timeline);

// ==========================================================================
// RequestList — список заявок
// ==========================================================================

/**
 * Список заявок.
 * Создаётся по атрибуту data-widget="requestList"; параметры — RequestList.defaults.
 * События: lk:ready, lk:loaded, lk:page, lk:select.
 */
function RequestList(el, options) {
  Widget.call(this, el, extend({}, RequestList.defaults, options));
  this._items = [];
  this._request = null;
  this._loadedAt = 0;
  this._page = 1;
}
inherit(RequestList, Widget);

RequestList.defaults = {
  cssClass: 'lk-request-list',   // корневой CSS-класс
  emptyText: 'Заявок нет',   // текст, если показывать нечего
  itemClass: 'request__item',   // CSS-класс элемента списка
  itemTemplate: '<div class="{cls}" data-index="{index}">{title}</div>',
  api: 'requests',   // метод LK.api
  cacheTtl: 300000,   // время жизни кэша, мс
  autoLoad: true,
  pageSize: 10,
  maxLinks: 7   // сколько номеров страниц показывать
};

RequestList.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this._list = this.find('.' + this.options.cssClass + '__list');
  if (!this._list) {
    this._list = doc.createElement('div');
    this._list.className = this.options.cssClass + '__list';
    this.el.appendChild(this._list);
  }
  this.on(this._list, 'click', function (e) {
    var item = e.target.closest ? e.target.closest('[data-index]') : null;
    if (item) self.select(parseInt(item.getAttribute('data-index'), 10));
  });
  this._pager = doc.createElement('nav');
  this._pager.className = this.options.cssClass + '__pager';
  this._pager.setAttribute('aria-label', 'Страницы');
  this.el.appendChild(this._pager);
  this.on(this._pager, 'click', function (e) {
    var p = e.target.getAttribute('data-page');
    if (p) { e.preventDefault(); self.goTo(parseInt(p, 10)); }
  });
  if (this.options.autoLoad) this.load();
  this.trigger('ready');
};

/** Заменяет элементы списка и перерисовывает RequestList. */
RequestList.prototype.setItems = function (items) {
  this._items = items ? items.slice() : [];
  this.render();
};

RequestList.prototype.renderItem = function (item, index) {
  return template(this.options.itemTemplate, {
    cls: this.options.itemClass + (item.disabled ? ' is-disabled' : ''),
    index: index,
    title: item.title || item.name || item.label || ''
  });
};

RequestList.prototype.render = function () {
  if (!this._items.length) {
    this._list.innerHTML = this.options.emptyText ? '<p class="' + this.options.cssClass + '__empty">' + escapeHtml(this.options.emptyText) + '</p>' : '';
    this.renderPager(0);
    return;
  }
  var size = this.options.pageSize;
  var start = (this._page - 1) * size;
  var visible = this._items.slice(start, start + size);
  var html = '';
  for (var i = 0; i < visible.length; i++) html += this.renderItem(visible[i], start + i);
  this._list.innerHTML = html;
  this.renderPager(this._items.length);
};

RequestList.prototype.select = function (index) {
  var item = this._items[index];
  if (!item || item.disabled) return;
  this.findAll('.' + this.options.itemClass).forEach(function (node) {
    node.classList.toggle('is-selected', parseInt(node.getAttribute('data-index'), 10) === index);
  });
  this.trigger('select', { index: index, item: item });
};

/** Загружает данные через LK.api.requests. */
RequestList.prototype.load = function (params) {
  var self = this;
  var method = LK.api && LK.api[this.options.api];
  if (!method) return;
  if (this._request && this._request.abort) this._request.abort();
  this.setState('loading', true);
  var done = function (err, data) {
    self._request = null;
    self.setState('loading', false);
    if (err) {
      if (err.status === 401 && LK.root !== undefined) { global.location.href = LK.root + 'pages/login.html'; return; }
      toast('Ошибка загрузки: ' + err.message, 'error');
      return;
    }
    self._loadedAt = Date.now();
    self.setItems(data && data.items ? data.items : data || []);
    self.trigger('loaded', { data: data });
  };
  this._request = method.call(LK.api, extend({ page: this._page, size: this.options.pageSize }, params), done);
};

RequestList.prototype.goTo = function (page) {
  if (page < 1 || page === this._page) return;
  this._page = page;
  this.load();
  this.trigger('page', { page: page });
};

RequestList.prototype.renderPager = function (total) {
  var pages = Math.ceil(total / this.options.pageSize);
  if (pages <= 1) {
    this._pager.innerHTML = '';
    return;
  }
  var half = Math.floor(this.options.maxLinks / 2);
  var from = Math.max(1, Math.min(this._page - half, pages - this.options.maxLinks + 1));
  var to = Math.min(pages, from + this.options.maxLinks - 1);
  var html = this._page > 1 ? '<a href="#" data-page="' + (this._page - 1) + '">« Назад</a>' : '';
  for (var p = from; p <= to; p++) {
    html += p === this._page ? '<span class="is-current">' + p + '</span>' : '<a href="#" data-page="' + p + '">' + p + '</a>';
  }
  if (this._page < pages) html += '<a href="#" data-page="' + (this._page + 1) + '">Вперёд »</a>';
  this._pager.innerHTML = html;
};

RequestList.prototype.destroy = function () {
  if (this._request && this._request.abort) this._request.abort();
  if (this._pager && this._pager.parentNode) this._pager.parentNode.removeChild(this._pager);
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.RequestList = RequestList;
register('requestList', RequestList);

// ==========================================================================
// NewsFeed — лента новостей
// ==========================================================================

/**
 * Лента новостей.
 * Создаётся по атрибуту data-widget="newsFeed"; параметры — NewsFeed.defaults.
 * События: lk:ready, lk:loaded, lk:page, lk:select.
 */
function NewsFeed(el, options) {
  Widget.call(this, el, extend({}, NewsFeed.defaults, options));
  this._items = [];
  this._request = null;
  this._loadedAt = 0;
  this._page = 1;
}
inherit(NewsFeed, Widget);

NewsFeed.defaults = {
  cssClass: 'lk-news-feed',   // корневой CSS-класс
  emptyText: 'Новостей нет',   // текст, если показывать нечего
  itemClass: 'news__item',   // CSS-класс элемента списка
  itemTemplate: '<div class="{cls}" data-index="{index}">{title}</div>',
  api: 'news',   // метод LK.api
  cacheTtl: 30000,   // время жизни кэша, мс
  autoLoad: true,
  pageSize: 12,
  maxLinks: 7   // сколько номеров страниц показывать
};

NewsFeed.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this._list = this.find('.' + this.options.cssClass + '__list');
  if (!this._list) {
    this._list = doc.createElement('div');
    this._list.className = this.options.cssClass + '__list';
    this.el.appendChild(this._list);
  }
  this.on(this._list, 'click', function (e) {
    var item = e.target.closest ? e.target.closest('[data-index]') : null;
    if (item) self.select(parseInt(item.getAttribute('data-index'), 10));
  });
  this._pager = doc.createElement('nav');
  this._pager.className = this.options.cssClass + '__pager';
  this._pager.setAttribute('aria-label', 'Страницы');
  this.el.appendChild(this._pager);
  this.on(this._pager, 'click', function (e) {
    var p = e.target.getAttribute('data-page');
    if (p) { e.preventDefault(); self.goTo(parseInt(p, 10)); }
  });
  if (this.options.autoLoad) this.load();
  this.trigger('ready');
};

/** Заменяет элементы списка и перерисовывает NewsFeed. */
NewsFeed.prototype.setItems = function (items) {
  this._items = items ? items.slice() : [];
  this.render();
};

NewsFeed.prototype.renderItem = function (item, index) {
  return template(this.options.itemTemplate, {
    cls: this.options.itemClass + (item.disabled ? ' is-disabled' : ''),
    index: index,
    title: item.title || item.name || item.caption || ''
  });
};

NewsFeed.prototype.render = function () {
  if (!this._items.length) {
    this._list.innerHTML = this.options.emptyText ? '<p class="' + this.options.cssClass + '__empty">' + escapeHtml(this.options.emptyText) + '</p>' : '';
    this.renderPager(0);
    return;
  }
  var size = this.options.pageSize;
  var start = (this._page - 1) * size;
  var visible = this._items.slice(start, start + size);
  var html = '';
  for (var i = 0; i < visible.length; i++) html += this.renderItem(visible[i], start + i);
  this._list.innerHTML = html;
  this.renderPager(this._items.length);
};

NewsFeed.prototype.select = function (index) {
  var item = this._items[index];
  if (!item || item.disabled) return;
  this.findAll('.' + this.options.itemClass).forEach(function (node) {
    node.classList.toggle('is-selected', parseInt(node.getAttribute('data-index'), 10) === index);
  });
  this.trigger('select', { index: index, item: item });
};

/** Загружает данные через LK.api.news. */
NewsFeed.prototype.load = function (params) {
  var self = this;
  var method = LK.api && LK.api[this.options.api];
  if (!method) return;
  if (this._request && this._request.abort) this._request.abort();
  this.setState('loading', true);
  var done = function (err, data) {
    self._request = null;
    self.setState('loading', false);
    if (err) {
      if (err.status === 401 && LK.root !== undefined) { global.location.href = LK.root + 'pages/login.html'; return; }
      toast('Сервер не ответил: ' + err.message, 'error');
      return;
    }
    self._loadedAt = Date.now();
    self.setItems(data && data.items ? data.items : data || []);
    self.trigger('loaded', { data: data });
  };
  this._request = method.call(LK.api, extend({ page: this._page, size: this.options.pageSize }, params), done);
};

NewsFeed.prototype.goTo = function (page) {
  if (page < 1 || page === this._page) return;
  this._page = page;
  this.load();
  this.trigger('page', { page: page });
};

NewsFeed.prototype.renderPager = function (total) {
  var pages = Math.ceil(total / this.options.pageSize);
  if (pages <= 1) {
    this._pager.innerHTML = '';
    return;
  }
  var half = Math.floor(this.options.maxLinks / 2);
  var from = Math.max(1, Math.min(this._page - half, pages - this.options.maxLinks + 1));
  var to = Math.min(pages, from + this.options.maxLinks - 1);
  var html = this._page > 1 ? '<a href="#" data-page="' + (this._page - 1) + '">« Назад</a>' : '';
  for (var p = from; p <= to; p++) {
    html += p === this._page ? '<span class="is-current">' + p + '</span>' : '<a href="#" data-page="' + p + '">' + p + '</a>';
  }
  if (this._page < pages) html += '<a href="#" data-page="' + (this._page + 1) + '">Вперёд »</a>';
  this._pager.innerHTML = html;
};

NewsFeed.prototype.destroy = function () {
  if (this._request && this._request.abort) this._request.abort();
  if (this._pager && this._pager.parentNode) this._pager.parentNode.removeChild(this._pager);
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.NewsFeed = NewsFeed;
register('newsFeed', NewsFeed);

// ==========================================================================
// PaymentHistory — история платежей
// ==========================================================================

/**
 * История платежей.
 * Создаётся по атрибуту data-widget="paymentHistory"; параметры — PaymentHistory.defaults.
 * События: lk:ready, lk:loaded, lk:select.
 */
function PaymentHistory(el, options) {
  Widget.call(this, el, extend({}, PaymentHistory.defaults, options));
  this._items = [];
  this._request = null;
  this._loadedAt = 0;
  this._query = '';
}
inherit(PaymentHistory, Widget);

PaymentHistory.defaults = {
  cssClass: 'lk-payment-history',   // корневой CSS-класс
  emptyText: 'За выбранный период платежей не найдено',   // текст, если показывать нечего
  itemClass: 'payment__row',   // CSS-класс элемента списка
  itemTemplate: '<div class="{cls}" data-index="{index}">{title}</div>',
  api: 'payments',   // метод LK.api
  cacheTtl: 60000,   // время жизни кэша, мс
  autoLoad: true,
  minChars: 2,   // минимальная длина запроса
  delay: 300   // задержка перед поиском, мс
};

PaymentHistory.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this._list = this.find('.' + this.options.cssClass + '__list');
  if (!this._list) {
    this._list = doc.createElement('div');
    this._list.className = this.options.cssClass + '__list';
    this.el.appendChild(this._list);
  }
  this.on(this._list, 'click', function (e) {
    var item = e.target.closest ? e.target.closest('[data-index]') : null;
    if (item) self.select(parseInt(item.getAttribute('data-index'), 10));
  });
  this._input = this.el.tagName === 'INPUT' ? this.el : this.find('input');
  if (this._input) {
    this.on(this._input, 'input', debounce(function () { self.filter(self._input.value); }, this.options.delay));
  }
  if (this.options.autoLoad) this.load();
  this.trigger('ready');
};

/** Заменяет элементы списка и перерисовывает PaymentHistory. */
PaymentHistory.prototype.setItems = function (items) {
  this._items = items ? items.slice() : [];
  this.render();
};

PaymentHistory.prototype.renderItem = function (item, index) {
  return template(this.options.itemTemplate, {
    cls: this.options.itemClass + (item.disabled ? ' is-disabled' : ''),
    index: index,
    title: item.title || item.name || item.value || ''
  });
};

PaymentHistory.prototype.render = function () {
  if (!this._items.length) {
    this._list.innerHTML = this.options.emptyText ? '<p class="' + this.options.cssClass + '__empty">' + escapeHtml(this.options.emptyText) + '</p>' : '';
    return;
  }
  var visible = this._items;
  var start = 0;
  var q = this._query.toLowerCase();
  if (q) {
    visible = visible.filter(function (item) {
      return String(item.title || item.name || '').toLowerCase().indexOf(q) >= 0;
    });
  }
  var html = '';
  for (var i = 0; i < visible.length; i++) html += this.renderItem(visible[i], start + i);
  this._list.innerHTML = html;
};

PaymentHistory.prototype.select = function (index) {
  var item = this._items[index];
  if (!item || item.disabled) return;
  this.findAll('.' + this.options.itemClass).forEach(function (node) {
    node.classList.toggle('is-selected', parseInt(node.getAttribute('data-index'), 10) === index);
  });
  this.trigger('select', { index: index, item: item });
};

PaymentHistory.prototype.filter = function (query) {
  query = String(query || '').trim();
  if (query.length && query.length < this.options.minChars) return;
  this._query = query;
  this.load({ q: query });
};

/** Подсвечивает совпадение с запросом в тексте элемента. */
PaymentHistory.prototype.highlight = function (text) {
  var safe = escapeHtml(text);
  if (!this._query) return safe;
  var q = escapeHtml(this._query).replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
  return safe.replace(new RegExp('(' + q + ')', 'ig'), '<mark>$1</mark>');
};

/** Загружает данные через LK.api.payments. */
PaymentHistory.prototype.load = function (params) {
  var self = this;
  var method = LK.api && LK.api[this.options.api];
  if (!method) return;
  if (this._request && this._request.abort) this._request.abort();
  this.setState('loading', true);
  var done = function (err, data) {
    self._request = null;
    self.setState('loading', false);
    if (err) {
      if (err.status === 401 && LK.root !== undefined) { global.location.href = LK.root + 'pages/login.html'; return; }
      toast('Не удалось получить сведения: ' + err.message, 'error');
      return;
    }
    self._loadedAt = Date.now();
    self.setItems(data && data.items ? data.items : data || []);
    self.trigger('loaded', { data: data });
  };
  this._request = method.call(LK.api, params || null, done);
};

PaymentHistory.prototype.destroy = function () {
  if (this._request && this._request.abort) this._request.abort();
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.PaymentHistory = PaymentHistory;
register('paymentHistory', PaymentHistory);

// ==========================================================================
// BalanceCard — карточка баланса
// ==========================================================================

/**
 * Карточка баланса.
 * Создаётся по атрибуту data-widget="balanceCard"; параметры — BalanceCard.defaults.
 * События: lk:ready, lk:change, lk:loaded.
 */
function BalanceCard(el, options) {
  Widget.call(this, el, extend({}, BalanceCard.defaults, options));
  this._value = this.options.value;
  this._request = null;
  this._loadedAt = 0;
}
inherit(BalanceCard, Widget);

BalanceCard.defaults = {
  cssClass: 'lk-balance-card',   // корневой CSS-класс
  emptyText: 'Нет сведений о начислениях',   // текст, если показывать нечего
  value: null,   // начальное значение
  min: 1,
  max: 5,
  step: 0.001,
  api: 'balance',   // метод LK.api
  cacheTtl: 300000,   // время жизни кэша, мс
  autoLoad: true
};

BalanceCard.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this._field = this.find('input') || null;
  if (this._field) {
    this.on(this._field, 'change', function () { self.setValue(parseNumber(self._field.value)); });
  }
  if (this._value !== null && this._value !== undefined) this.setValue(this._value, true);
  if (this.options.autoLoad) this.load();
  this.trigger('ready');
};

BalanceCard.prototype.getValue = function () {
  return this._value;
};

BalanceCard.prototype.validate = function (value) {
  var o = this.options;
  if (typeof value !== 'number' || isNaN(value)) return 'Введите число';
  if (value < o.min) return 'Значение не может быть меньше ' + o.min;
  if (value > o.max) return 'Значение не может быть больше ' + o.max;
  return null;
};

BalanceCard.prototype.setValue = function (value, silent) {
  var step = this.options.step;
  value = Math.round(value / step) * step;
  var error = this.validate(value);
  this.setState('invalid', !!error);
  if (error) {
    this.el.setAttribute('title', error);
    return false;
  }
  this.el.removeAttribute('title');
  var old = this._value;
  this._value = value;
  if (this._field) this._field.value = String(value).replace('.', ',');
  if (!silent && old !== value) this.trigger('change', { value: value, previous: old });
  return true;
};

/** Загружает данные через LK.api.balance. */
BalanceCard.prototype.load = function (params) {
  var self = this;
  var method = LK.api && LK.api[this.options.api];
  if (!method) return;
  if (this._request && this._request.abort) this._request.abort();
  this.setState('loading', true);
  var done = function (err, data) {
    self._request = null;
    self.setState('loading', false);
    if (err) {
      if (err.status === 401 && LK.root !== undefined) { global.location.href = LK.root + 'pages/login.html'; return; }
      toast('Не удалось загрузить данные: ' + err.message, 'error');
      return;
    }
    self._loadedAt = Date.now();
    if (data && data.value !== undefined) self.setValue(parseNumber(data.value), true);
    self.trigger('loaded', { data: data });
  };
  this._request = method.call(LK.api, params || null, done);
};

BalanceCard.prototype.destroy = function () {
  if (this._request && this._request.abort) this._request.abort();
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.BalanceCard = BalanceCard;
register('balanceCard', BalanceCard);

// ==========================================================================
// NotificationCenter — центр уведомлений
// ==========================================================================

/**
 * Центр уведомлений.
 * Создаётся по атрибуту data-widget="notificationCenter"; параметры — NotificationCenter.defaults.
 * События: lk:ready, lk:open, lk:close, lk:loaded, lk:select.
 */
function NotificationCenter(el, options) {
  Widget.call(this, el, extend({}, NotificationCenter.defaults, options));
  this._items = [];
  this._opened = false;
  this._request = null;
  this._loadedAt = 0;
}
inherit(NotificationCenter, Widget);

NotificationCenter.defaults = {
  cssClass: 'lk-notification-center',   // корневой CSS-класс
  emptyText: 'Новых уведомлений нет',   // текст, если показывать нечего
  itemClass: 'notice__item',   // CSS-класс элемента списка
  itemTemplate: '<div class="{cls}" data-index="{index}">{title}</div>',
  closeOnOutside: true,   // закрывать по щелчку вне элемента
  animation: 150,   // длительность анимации, мс
  api: 'notifications',   // метод LK.api
  cacheTtl: 30000,   // время жизни кэша, мс
  autoLoad: true
};

NotificationCenter.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this._list = this.find('.' + this.options.cssClass + '__list');
  if (!this._list) {
    this._list = doc.createElement('div');
    this._list.className = this.options.cssClass + '__list';
    this.el.appendChild(this._list);
  }
  this.on(this._list, 'click', function (e) {
    var item = e.target.closest ? e.target.closest('[data-index]') : null;
    if (item) self.select(parseInt(item.getAttribute('data-index'), 10));
  });
  this._trigger = this.find('[data-toggle]') || this.el;
  this._trigger.setAttribute('aria-expanded', 'false');
  this.on(this._trigger, 'click', function (e) {
    if (e.target.closest && e.target.closest('[data-index]')) return;
    self.toggle();
  });
  if (this.options.closeOnOutside) {
    this.on(doc, 'click', function (e) {
      if (self._opened && !self.el.contains(e.target)) self.close();
    });
  }
  if (this.options.autoLoad) this.load();
  this.trigger('ready');
};

/** Заменяет элементы списка и перерисовывает NotificationCenter. */
NotificationCenter.prototype.setItems = function (items) {
  this._items = items ? items.slice() : [];
  this.render();
};

NotificationCenter.prototype.renderItem = function (item, index) {
  return template(this.options.itemTemplate, {
    cls: this.options.itemClass + (item.disabled ? ' is-disabled' : ''),
    index: index,
    title: item.title || item.name || item.label || ''
  });
};

NotificationCenter.prototype.render = function () {
  if (!this._items.length) {
    this._list.innerHTML = this.options.emptyText ? '<p class="' + this.options.cssClass + '__empty">' + escapeHtml(this.options.emptyText) + '</p>' : '';
    return;
  }
  var visible = this._items;
  var start = 0;
  var html = '';
  for (var i = 0; i < visible.length; i++) html += this.renderItem(visible[i], start + i);
  this._list.innerHTML = html;
};

NotificationCenter.prototype.select = function (index) {
  var item = this._items[index];
  if (!item || item.disabled) return;
  this.findAll('.' + this.options.itemClass).forEach(function (node) {
    node.classList.toggle('is-selected', parseInt(node.getAttribute('data-index'), 10) === index);
  });
  this.close();
  this.trigger('select', { index: index, item: item });
};

NotificationCenter.prototype.open = function () {
  if (this._opened) return;
  this._opened = true;
  this.setState('open', true);
  this._trigger.setAttribute('aria-expanded', 'true');
  if (Date.now() - this._loadedAt > this.options.cacheTtl) this.load();
  this.trigger('open');
};

NotificationCenter.prototype.close = function () {
  if (!this._opened) return;
  var self = this;
  this._opened = false;
  this.setState('closing', true);
  setTimeout(function () {
    self.setState('closing', false);
    self.setState('open', false);
  }, this.options.animation);
  this._trigger.setAttribute('aria-expanded', 'false');
  this.trigger('close');
};

NotificationCenter.prototype.toggle = function () {
  if (this._opened) this.close();
  else this.open();
};

/** Загружает данные через LK.api.notifications. */
NotificationCenter.prototype.load = function (params) {
  var self = this;
  var method = LK.api && LK.api[this.options.api];
  if (!method) return;
  if (this._request && this._request.abort) this._request.abort();
  this.setState('loading', true);
  var done = function (err, data) {
    self._request = null;
    self.setState('loading', false);
    if (err) {
      if (err.status === 401 && LK.root !== undefined) { global.location.href = LK.root + 'pages/login.html'; return; }
      toast('Ошибка загрузки: ' + err.message, 'error');
      return;
    }
    self._loadedAt = Date.now();
    self.setItems(data && data.items ? data.items : data || []);
    self.trigger('loaded', { data: data });
  };
  this._request = method.call(LK.api, params || null, done);
};

NotificationCenter.prototype.destroy = function () {
  if (this._request && this._request.abort) this._request.abort();
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.NotificationCenter = NotificationCenter;
register('notificationCenter', NotificationCenter);

// ==========================================================================
// SearchBox — поиск по разделам
// ==========================================================================

/**
 * Поиск по разделам.
 * Создаётся по атрибуту data-widget="searchBox"; параметры — SearchBox.defaults.
 * События: lk:ready, lk:select.
 */
function SearchBox(el, options) {
  Widget.call(this, el, extend({}, SearchBox.defaults, options));
  this._items = [];
  this._active = -1;
  this._query = '';
}
inherit(SearchBox, Widget);

SearchBox.defaults = {
  cssClass: 'lk-search-box',   // корневой CSS-класс
  emptyText: 'По вашему запросу ничего не найдено',   // текст, если показывать нечего
  itemClass: 'search__result',   // CSS-класс элемента списка
  itemTemplate: '<div class="{cls}" data-index="{index}">{title}</div>',
  minChars: 3,   // минимальная длина запроса
  delay: 300,   // задержка перед поиском, мс
  loop: false   // переход с последнего пункта на первый
};

SearchBox.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this._list = this.find('.' + this.options.cssClass + '__list');
  if (!this._list) {
    this._list = doc.createElement('div');
    this._list.className = this.options.cssClass + '__list';
    this.el.appendChild(this._list);
  }
  this.on(this._list, 'click', function (e) {
    var item = e.target.closest ? e.target.closest('[data-index]') : null;
    if (item) self.select(parseInt(item.getAttribute('data-index'), 10));
  });
  this.el.setAttribute('tabindex', this.el.getAttribute('tabindex') || '0');
  this.on(this.el, 'keydown', function (e) { self.onKeyDown(e); });
  this._input = this.el.tagName === 'INPUT' ? this.el : this.find('input');
  if (this._input) {
    this.on(this._input, 'input', debounce(function () { self.filter(self._input.value); }, this.options.delay));
  }
  this.trigger('ready');
};

/** Заменяет элементы списка и перерисовывает SearchBox. */
SearchBox.prototype.setItems = function (items) {
  this._items = items ? items.slice() : [];
  this._active = -1;
  this.render();
};

SearchBox.prototype.renderItem = function (item, index) {
  return template(this.options.itemTemplate, {
    cls: this.options.itemClass + (item.disabled ? ' is-disabled' : '') + (index === this._active ? ' is-active' : ''),
    index: index,
    title: item.title || item.name || item.caption || ''
  });
};

SearchBox.prototype.render = function () {
  if (!this._items.length) {
    this._list.innerHTML = this.options.emptyText ? '<p class="' + this.options.cssClass + '__empty">' + escapeHtml(this.options.emptyText) + '</p>' : '';
    return;
  }
  var visible = this._items;
  var start = 0;
  var q = this._query.toLowerCase();
  if (q) {
    visible = visible.filter(function (item) {
      return String(item.title || item.name || '').toLowerCase().indexOf(q) >= 0;
    });
  }
  var html = '';
  for (var i = 0; i < visible.length; i++) html += this.renderItem(visible[i], start + i);
  this._list.innerHTML = html;
};

SearchBox.prototype.select = function (index) {
  var item = this._items[index];
  if (!item || item.disabled) return;
  this._active = index;
  this.findAll('.' + this.options.itemClass).forEach(function (node) {
    node.classList.toggle('is-selected', parseInt(node.getAttribute('data-index'), 10) === index);
  });
  this.trigger('select', { index: index, item: item });
};

SearchBox.prototype.onKeyDown = function (e) {
  var count = this._items.length;
  if (!count) return;
  var next = this._active;
  switch (e.keyCode) {
    case 39: // вправо
      next = this._active + 1;
      if (next >= count) next = this.options.loop ? 0 : count - 1;
      break;
    case 37: // влево
      next = this._active - 1;
      if (next < 0) next = this.options.loop ? count - 1 : 0;
      break;
    case 36: // Home
      next = 0;
      break;
    case 35: // End
      next = count - 1;
      break;
    case 13: // Enter
    case 32: // пробел
      e.preventDefault();
      this.select(this._active);
      return;
    default:
      return;
  }
  e.preventDefault();
  this._active = next;
  var nodes = this.findAll('.search__result');
  for (var i = 0; i < nodes.length; i++) nodes[i].classList.toggle('is-active', i === next);
  if (nodes[next] && nodes[next].scrollIntoView) nodes[next].scrollIntoView({ block: 'nearest' });
};

SearchBox.prototype.filter = function (query) {
  query = String(query || '').trim();
  if (query.length && query.length < this.options.minChars) return;
  this._query = query;
  this.render();
};

/** Подсвечивает совпадение с запросом в тексте элемента. */
SearchBox.prototype.highlight = function (text) {
  var safe = escapeHtml(text);
  if (!this._query) return safe;
  var q = escapeHtml(this._query).replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
  return safe.replace(new RegExp('(' + q + ')', 'ig'), '<mark>$1</mark>');
};

SearchBox.prototype.destroy = function () {
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.SearchBox = SearchBox;
register('searchBox', SearchBox);

// ==========================================================================
// Countdown — обратный отсчёт до конца приёма показаний
// ==========================================================================

/**
 * Обратный отсчёт до конца приёма показаний.
 * Создаётся по атрибуту data-widget="countdown"; параметры — Countdown.defaults.
 * События: lk:ready, lk:change.
 */
function Countdown(el, options) {
  Widget.call(this, el, extend({}, Countdown.defaults, options));
  this._value = this.options.value;
}
inherit(Countdown, Widget);

Countdown.defaults = {
  cssClass: 'lk-countdown',   // корневой CSS-класс
  emptyText: 'Приём показаний закрыт',   // текст, если показывать нечего
  value: null,   // начальное значение
  min: 1,
  max: 99999,
  step: 1
};

Countdown.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this._field = this.find('input') || null;
  if (this._field) {
    this.on(this._field, 'change', function () { self.setValue(parseNumber(self._field.value)); });
  }
  if (this._value !== null && this._value !== undefined) this.setValue(this._value, true);
  this.trigger('ready');
};

Countdown.prototype.getValue = function () {
  return this._value;
};

Countdown.prototype.validate = function (value) {
  var o = this.options;
  if (typeof value !== 'number' || isNaN(value)) return 'Введите число';
  if (value < o.min) return 'Значение не может быть меньше ' + o.min;
  if (value > o.max) return 'Значение не может быть больше ' + o.max;
  return null;
};

Countdown.prototype.setValue = function (value, silent) {
  var step = this.options.step;
  value = Math.round(value / step) * step;
  var error = this.validate(value);
  this.setState('invalid', !!error);
  if (error) {
    this.el.setAttribute('title', error);
    return false;
  }
  this.el.removeAttribute('title');
  var old = this._value;
  this._value = value;
  if (this._field) this._field.value = String(value).replace('.', ',');
  var bar = this.find('.countdown__part');
  if (bar) bar.style.width = ((value - this.options.min) / (this.options.max - this.options.min) * 100).toFixed(1) + '%';
  if (!silent && old !== value) this.trigger('change', { value: value, previous: old });
  return true;
};

Countdown.prototype.destroy = function () {
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.Countdown = Countdown;
register('countdown', Countdown);

// ==========================================================================
// PageHeader — шапка страницы
// ==========================================================================

/**
 * Шапка страницы.
 * Создаётся по атрибуту data-widget="pageHeader"; параметры — PageHeader.defaults.
 * События: lk:ready, lk:loaded.
 */
function PageHeader(el, options) {
  Widget.call(this, el, extend({}, PageHeader.defaults, options));
  this._request = null;
  this._loadedAt = 0;
}
inherit(PageHeader, Widget);

PageHeader.defaults = {
  cssClass: 'lk-page-header',   // корневой CSS-класс
  emptyText: 'Гость',   // текст, если показывать нечего
  api: 'currentUser',   // метод LK.api
  cacheTtl: 30000,   // время жизни кэша, мс
  autoLoad: true
};

PageHeader.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  if (this.options.autoLoad) this.load();
  this.trigger('ready');
};

/** Загружает данные через LK.api.currentUser. */
PageHeader.prototype.load = function (params) {
  var self = this;
  var method = LK.api && LK.api[this.options.api];
  if (!method) return;
  if (this._request && this._request.abort) this._request.abort();
  this.setState('loading', true);
  var done = function (err, data) {
    self._request = null;
    self.setState('loading', false);
    if (err) {
      if (err.status === 401 && LK.root !== undefined) { global.location.href = LK.root + 'pages/login.html'; return; }
      toast('Не удалось загрузить данные: ' + err.message, 'error');
      return;
    }
    self._loadedAt = Date.now();
    self.el.innerHTML = data ? escapeHtml(data.fio || '') : escapeHtml(self.options.emptyText);
    self.trigger('loaded', { data: data });
  };
  this._request = method.call(LK.api, params || null, done);
};

PageHeader.prototype.destroy = function () {
  if (this._request && this._request.abort) this._request.abort();
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.PageHeader = PageHeader;
register('pageHeader', PageHeader);

// ==========================================================================
// PageFooter — подвал страницы
// ==========================================================================

/**
 * Подвал страницы.
 * Создаётся по атрибуту data-widget="pageFooter"; параметры — PageFooter.defaults.
 * События: lk:ready, lk:select.
 */
function PageFooter(el, options) {
  Widget.call(this, el, extend({}, PageFooter.defaults, options));
  this._items = [];
}
inherit(PageFooter, Widget);

PageFooter.defaults = {
  cssClass: 'lk-page-footer',   // корневой CSS-класс
  emptyText: '',   // текст, если показывать нечего
  itemClass: 'footer__link',   // CSS-класс элемента списка
  itemTemplate: '<div class="{cls}" data-index="{index}">{title}</div>'
};

PageFooter.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this._list = this.find('.' + this.options.cssClass + '__list');
  if (!this._list) {
    this._list = doc.createElement('div');
    this._list.className = this.options.cssClass + '__list';
    this.el.appendChild(this._list);
  }
  this.on(this._list, 'click', function (e) {
    var item = e.target.closest ? e.target.closest('[data-index]') : null;
    if (item) self.select(parseInt(item.getAttribute('data-index'), 10));
  });
  this.trigger('ready');
};

/** Заменяет элементы списка и перерисовывает PageFooter. */
PageFooter.prototype.setItems = function (items) {
  this._items = items ? items.slice() : [];
  this.render();
};

PageFooter.prototype.renderItem = function (item, index) {
  return template(this.options.itemTemplate, {
    cls: this.options.itemClass + (item.disabled ? ' is-disabled' : ''),
    index: index,
    title: item.title || item.name || item.label || ''
  });
};

PageFooter.prototype.render = function () {
  if (!this._items.length) {
    this._list.innerHTML = this.options.emptyText ? '<p class="' + this.options.cssClass + '__empty">' + escapeHtml(this.options.emptyText) + '</p>' : '';
    return;
  }
  var visible = this._items;
  var start = 0;
  var html = '';
  for (var i = 0; i < visible.length; i++) html += this.renderItem(visible[i], start + i);
  this._list.innerHTML = html;
};

PageFooter.prototype.select = function (index) {
  var item = this._items[index];
  if (!item || item.disabled) return;
  this.findAll('.' + this.options.itemClass).forEach(function (node) {
    node.classList.toggle('is-selected', parseInt(node.getAttribute('data-index'), 10) === index);
  });
  this.trigger('select', { index: index, item: item });
};

PageFooter.prototype.destroy = function () {
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.PageFooter = PageFooter;
register('pageFooter', PageFooter);

// ==========================================================================
// ChatWindow — чат с диспетчером
// ==========================================================================

/**
 * Чат с диспетчером.
 * Создаётся по атрибуту data-widget="chatWindow"; параметры — ChatWindow.defaults.
 * События: lk:ready, lk:open, lk:close, lk:loaded, lk:select.
 */
function ChatWindow(el, options) {
  Widget.call(this, el, extend({}, ChatWindow.defaults, options));
  this._items = [];
  this._opened = false;
  this._active = -1;
  this._request = null;
  this._loadedAt = 0;
}
inherit(ChatWindow, Widget);

ChatWindow.defaults = {
  cssClass: 'lk-chat-window',   // корневой CSS-класс
  emptyText: 'Напишите нам — диспетчер ответит в рабочее время',   // текст, если показывать нечего
  itemClass: 'chat__message',   // CSS-класс элемента списка
  itemTemplate: '<div class="{cls}" data-index="{index}">{title}</div>',
  closeOnOutside: true,   // закрывать по щелчку вне элемента
  animation: 200,   // длительность анимации, мс
  api: 'chatMessages',   // метод LK.api
  cacheTtl: 300000,   // время жизни кэша, мс
  autoLoad: true,
  loop: false   // переход с последнего пункта на первый
};

ChatWindow.prototype.init = function () {
  var self = this;
  this.el.classList.add(this.options.cssClass);
  this._list = this.find('.' + this.options.cssClass + '__list');
  if (!this._list) {
    this._list = doc.createElement('div');
    this._list.className = this.options.cssClass + '__list';
    this.el.appendChild(this._list);
  }
  this.on(this._list, 'click', function (e) {
    var item = e.target.closest ? e.target.closest('[data-index]') : null;
    if (item) self.select(parseInt(item.getAttribute('data-index'), 10));
  });
  this._trigger = this.find('[data-toggle]') || this.el;
  this._trigger.setAttribute('aria-expanded', 'false');
  this.on(this._trigger, 'click', function (e) {
    if (e.target.closest && e.target.closest('[data-index]')) return;
    self.toggle();
  });
  if (this.options.closeOnOutside) {
    this.on(doc, 'click', function (e) {
      if (self._opened && !self.el.contains(e.target)) self.close();
    });
  }
  this.el.setAttribute('tabindex', this.el.getAttribute('tabindex') || '0');
  this.on(this.el, 'keydown', function (e) { self.onKeyDown(e); });
  if (this.options.autoLoad) this.load();
  this.trigger('ready');
};

/** Заменяет элементы списка и перерисовывает ChatWindow. */
ChatWindow.prototype.setItems = function (items) {
  this._items = items ? items.slice() : [];
  this._active = -1;
  this.render();
};

ChatWindow.prototype.renderItem = function (item, index) {
  return template(this.options.itemTemplate, {
    cls: this.options.itemClass + (item.disabled ? ' is-disabled' : '') + (index === this._active ? ' is-active' : ''),
    index: index,
    title: item.title || item.name || item.caption || ''
  });
};

ChatWindow.prototype.render = function () {
  if (!this._items.length) {
    this._list.innerHTML = this.options.emptyText ? '<p class="' + this.options.cssClass + '__empty">' + escapeHtml(this.options.emptyText) + '</p>' : '';
    return;
  }
  var visible = this._items;
  var start = 0;
  var html = '';
  for (var i = 0; i < visible.length; i++) html += this.renderItem(visible[i], start + i);
  this._list.innerHTML = html;
};

ChatWindow.prototype.select = function (index) {
  var item = this._items[index];
  if (!item || item.disabled) return;
  this._active = index;
  this.findAll('.' + this.options.itemClass).forEach(function (node) {
    node.classList.toggle('is-selected', parseInt(node.getAttribute('data-index'), 10) === index);
  });
  this.close();
  this.trigger('select', { index: index, item: item });
};

ChatWindow.prototype.open = function () {
  if (this._opened) return;
  this._opened = true;
  this.setState('open', true);
  this._trigger.setAttribute('aria-expanded', 'true');
  if (Date.now() - this._loadedAt > this.options.cacheTtl) this.load();
  this.trigger('open');
};

ChatWindow.prototype.close = function () {
  if (!this._opened) return;
  var self = this;
  this._opened = false;
  this.setState('closing', true);
  setTimeout(function () {
    self.setState('closing', false);
    self.setState('open', false);
  }, this.options.animation);
  this._trigger.setAttribute('aria-expanded', 'false');
  this.trigger('close');
};

ChatWindow.prototype.toggle = function () {
  if (this._opened) this.close();
  else this.open();
};

ChatWindow.prototype.onKeyDown = function (e) {
  var count = this._items.length;
  if (!count) return;
  var next = this._active;
  switch (e.keyCode) {
    case 39: // вправо
      next = this._active + 1;
      if (next >= count) next = this.options.loop ? 0 : count - 1;
      break;
    case 37: // влево
      next = this._active - 1;
      if (next < 0) next = this.options.loop ? count - 1 : 0;
      break;
    case 36: // Home
      next = 0;
      break;
    case 35: // End
      next = count - 1;
      break;
    case 13: // Enter
    case 32: // пробел
      e.preventDefault();
      this.select(this._active);
      return;
    case 27: // Esc
      this.close();
      return;
    default:
      return;
  }
  e.preventDefault();
  this._active = next;
  var nodes = this.findAll('.chat__message');
  for (var i = 0; i < nodes.length; i++) nodes[i].classList.toggle('is-active', i === next);
  if (nodes[next] && nodes[next].scrollIntoView) nodes[next].scrollIntoView({ block: 'nearest' });
};

/** Загружает данные через LK.api.chatMessages. */
ChatWindow.prototype.load = function (params) {
  var self = this;
  var method = LK.api && LK.api[this.options.api];
  if (!method) return;
  if (this._request && this._request.abort) this._request.abort();
  this.setState('loading', true);
  var done = function (err, data) {
    self._request = null;
    self.setState('loading', false);
    if (err) {
      if (err.status === 401 && LK.root !== undefined) { global.location.href = LK.root + 'pages/login.html'; return; }
      toast('Сервер не ответил: ' + err.message, 'error');
      return;
    }
    self._loadedAt = Date.now();
    self.setItems(data && data.items ? data.items : data || []);
    self.trigger('loaded', { data: data });
  };
  this._request = method.call(LK.api, params || null, done);
};

ChatWindow.prototype.destroy = function () {
  if (this._request && this._request.abort) this._request.abort();
  this.el.classList.remove(this.options.cssClass);
  Widget.prototype.destroy.call(this);
};

W.ChatWindow = ChatWindow;
register('chatWindow', ChatWindow);

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
  version: '3.1.2'
});

})(window);
