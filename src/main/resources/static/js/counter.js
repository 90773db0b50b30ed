// The counter terminal's keyboard shortcuts: one letter per step (N call next, R recall,
// A absent, S start, D done, B call a number, T transfer, P pause, O resume). They never
// act while the clerk types in a field, and can be switched off (WCAG 2.1.4): the choice
// is remembered on this PC.
(function () {
  'use strict';
  var toggle = document.getElementById('shortcuts-on');
  var stored = window.localStorage ? window.localStorage.getItem('mdg.shortcuts') : null;
  if (toggle) {
    toggle.checked = stored !== 'off';
    toggle.addEventListener('change', function () {
      if (window.localStorage) {
        window.localStorage.setItem('mdg.shortcuts', toggle.checked ? 'on' : 'off');
      }
    });
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || (target && target.isContentEditable);
  }

  document.addEventListener('keydown', function (event) {
    if (!toggle || !toggle.checked || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    var key = event.key ? event.key.toLowerCase() : '';
    var button = document.querySelector('button[data-key="' + key + '"]');
    if (button && !button.disabled) {
      event.preventDefault();
      button.click();
      return;
    }
    var field = document.querySelector('[data-focus-key="' + key + '"]');
    if (field) {
      event.preventDefault();
      field.focus();
    }
  });
}());
