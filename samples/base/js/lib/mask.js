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
