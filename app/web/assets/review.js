// The review queue's keyboard (app/web/routes/review.ts). No inline script: the page names this
// file. Rows are <tr data-article> in table.review; a row's controls carry data-key="…" for the
// key that works them (r, n, p, u, g, c: buttons; t, e: fields; x: the bulk checkbox; o: the
// article's link). Keys do nothing while typing in a field; after an action the next row is
// selected. ? opens the shortcuts (dialog#review-help).
(function () {
  'use strict';
  var selectedId = null;

  function rows() {
    return Array.prototype.slice.call(
      document.querySelectorAll('table.review tbody tr[data-article]'),
    );
  }

  function rowById(id) {
    return id === null
      ? null
      : document.querySelector('table.review tbody tr[data-article="' + id + '"]');
  }

  function mark() {
    rows().forEach(function (r) {
      r.setAttribute(
        'aria-selected',
        r.getAttribute('data-article') === selectedId ? 'true' : 'false',
      );
    });
  }

  function select(row, focus) {
    if (!row) return;
    selectedId = row.getAttribute('data-article');
    mark();
    if (focus !== false) row.focus();
    if (row.scrollIntoView) row.scrollIntoView({ block: 'nearest' });
  }

  function current() {
    return rowById(selectedId);
  }

  function step(delta) {
    var all = rows();
    if (all.length === 0) return;
    var at = all.indexOf(current());
    if (at < 0) {
      select(delta > 0 ? all[0] : all[all.length - 1]);
      return;
    }
    var next = all[Math.min(all.length - 1, Math.max(0, at + delta))];
    select(next);
  }

  /** The row after `row` (or `row` itself when it is the last one). */
  function moveOnFrom(row) {
    var all = rows();
    var at = all.indexOf(row);
    if (at < 0) return;
    select(all[Math.min(all.length - 1, at + 1)]);
  }

  function typing(el) {
    if (!el || !el.tagName) return false;
    var tag = el.tagName.toLowerCase();
    if (tag === 'textarea' || tag === 'select' || el.isContentEditable) return true;
    if (tag !== 'input') return false;
    var type = (el.getAttribute('type') || 'text').toLowerCase();
    return ['checkbox', 'radio', 'button', 'submit', 'reset'].indexOf(type) < 0;
  }

  function control(row, key) {
    return row ? row.querySelector('[data-key="' + key + '"]') : null;
  }

  function help() {
    var d = document.getElementById('review-help');
    if (d && !d.open && d.showModal) d.showModal();
  }

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    if (typing(e.target)) return;
    var dialog = document.getElementById('review-help');
    if (dialog && dialog.open) return; // Esc and the Close button handle it
    var key = e.key;
    var row = current();
    var onRowOrPage =
      e.target === document.body ||
      (e.target && e.target.hasAttribute && e.target.hasAttribute('data-article'));
    var handled = true;
    switch (key) {
      case 'j':
      case 'ArrowDown':
        step(1);
        break;
      case 'k':
      case 'ArrowUp':
        step(-1);
        break;
      case '?':
        help();
        break;
      case 'Enter':
      case 'o': {
        // Enter on a button or link keeps its own meaning.
        if (key === 'Enter' && !onRowOrPage) {
          handled = false;
          break;
        }
        var link = control(row, 'o');
        if (link) window.location.href = link.href;
        else handled = false;
        break;
      }
      case 'r':
      case 'n':
      case 'p':
      case 'u':
      case 'g':
      case 'c': {
        var button = control(row, key);
        if (button)
          button.click(); // the form's submit moves the selection on
        else handled = false;
        break;
      }
      case 't':
      case 'e': {
        var field = control(row, key);
        if (field) field.focus();
        else handled = false;
        break;
      }
      case 'x': {
        var box = control(row, 'x');
        if (box) {
          box.checked = !box.checked;
          box.dispatchEvent(new Event('change', { bubbles: true }));
        } else handled = false;
        break;
      }
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  });

  // A decision made in a row (a button, or Enter in its tag or note field) moves the queue on.
  document.addEventListener('submit', function (e) {
    var form = e.target;
    var row = form && form.closest ? form.closest('table.review tr[data-article]') : null;
    if (!row) return;
    select(row, false);
    moveOnFrom(row);
  });

  // A row htmx swapped in keeps the selection state.
  document.addEventListener('htmx:afterSettle', mark);

  // Clicking into a row selects it.
  document.addEventListener('click', function (e) {
    var row =
      e.target && e.target.closest ? e.target.closest('table.review tr[data-article]') : null;
    if (row) select(row, false);
  });

  document.addEventListener('DOMContentLoaded', function () {
    var id = window.location.hash.replace(/^#m-/, '');
    var row = /^\d+$/.test(id) ? rowById(id) : null;
    if (row) select(row);
  });
})();
