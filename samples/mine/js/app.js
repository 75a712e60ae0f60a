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
    var month = d.getMonth() + 1; // getMonth() считает с нуля
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
