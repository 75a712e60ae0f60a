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
