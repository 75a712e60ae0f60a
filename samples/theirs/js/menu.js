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
