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
