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
