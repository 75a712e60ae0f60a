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
