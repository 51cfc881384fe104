// mediawatch web app: the small behaviours every page shares. No inline scripts anywhere (the
// Content-Security-Policy forbids them); pages opt in with data- attributes.
//   data-confirm="text"    on a form: ask before submitting
//   data-select-all="name" on a checkbox: (un)checks every checkbox named `name`
//   data-autosubmit        on a form: submits when one of its fields changes
(function () {
  'use strict';
  document.addEventListener('submit', function (e) {
    var form = e.target;
    var question = form && form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) e.preventDefault();
  });
  document.addEventListener('change', function (e) {
    var el = e.target;
    if (!el || !el.getAttribute) return;
    var group = el.getAttribute('data-select-all');
    if (group) {
      document.querySelectorAll('input[type=checkbox][name="' + group + '"]').forEach(function (c) {
        c.checked = el.checked;
      });
    }
    var form = el.form;
    if (form && form.hasAttribute('data-autosubmit')) form.requestSubmit();
  });
})();
