// The idle sign-out warning of the staff pages: two minutes before the session ends
// without activity, a dialog offers to extend it (WCAG 2.2.1). The page's own live
// refreshes do not count as activity; pressing the button, or any step, does.
(function () {
  'use strict';
  var warning = document.getElementById('idle-warning');
  if (!warning || !window.fetch) {
    return;
  }
  var seconds = Number(warning.getAttribute('data-idle-seconds'));
  if (!seconds) {
    return;
  }
  var warnBefore = 120;
  var ends = Date.now() + seconds * 1000;
  var previousFocus = null;

  function check() {
    var left = (ends - Date.now()) / 1000;
    if (left <= 0) {
      window.location.href = '/staff/login?idle';
      return;
    }
    if (left <= warnBefore && warning.hidden) {
      previousFocus = document.activeElement;
      warning.hidden = false;
      warning.querySelector('button').focus();
    }
  }

  warning.querySelector('form').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        if (answer) {
          ends = Date.now() + answer.secondsLeft * 1000;
          warning.hidden = true;
          if (previousFocus && previousFocus.focus) {
            previousFocus.focus();
          }
        }
      });
  });
  window.setInterval(check, 5000);
}());
