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
