// The event editor (app/web/routes/events.ts): the live query check and the preview answer
// 400 with a message for what cannot be checked or previewed (a bad date, a query error);
// htmx leaves 4xx answers out by default, so these two are shown like any other answer.
(function () {
  'use strict';
  document.addEventListener('htmx:beforeSwap', function (e) {
    var target = e.detail && e.detail.target;
    if (!target || !target.id) return;
    if ((target.id === 'preview' || target.id === 'query-check') && e.detail.xhr.status === 400) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
  });
})();
