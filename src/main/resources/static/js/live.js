// Keeps a page current without reloading it: listens to the office's event stream and,
// when an event concerns what the page shows, fetches the page's changing part again
// (rendered by the server, so every language and text stays in one place). A screen
// reader hears the part's summary when it changes. Without this script the page works
// the same, with a refresh link.
(function () {
  'use strict';
  var root = document.querySelector('[data-live-url]');
  if (!root || !window.EventSource || !window.fetch) {
    return;
  }
  var liveUrl = root.getAttribute('data-live-url');
  var eventsUrl = root.getAttribute('data-events-url');
  var announcer = document.getElementById('announce');
  var lastSaid = root.getAttribute('data-announce');
  var timer = null;

  function queueOf(element) {
    return element.getAttribute('data-queue');
  }

  function refresh() {
    timer = null;
    var headers = { Accept: 'text/html' };
    if (root.hasAttribute('data-background')) {
      // a staff page's own refresh: not the clerk's activity (see StaffIdleTimeout)
      headers['X-Background'] = '1';
    }
    fetch(liveUrl, { credentials: 'same-origin', headers: headers })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) {
          return;
        }
        var holder = document.createElement('div');
        holder.innerHTML = html;
        var fresh = holder.querySelector('[data-live-url]');
        var current = document.querySelector('[data-live-url]');
        if (!fresh || !current) {
          return;
        }
        var stateChanged = current.getAttribute('data-state') !== fresh.getAttribute('data-state');
        if (current.getAttribute('data-signature') === fresh.getAttribute('data-signature')) {
          return;
        }
        var typing = current.contains(document.activeElement) && document.activeElement.value;
        if (typing && !stateChanged) {
          // never take away what the reader is typing; the next change brings it
          return;
        }
        var focusedId = current.contains(document.activeElement) ? document.activeElement.id : null;
        var focusedAction = current.contains(document.activeElement) && document.activeElement.form
          ? document.activeElement.form.getAttribute('action') : null;
        current.replaceWith(fresh);
        restoreFocus(fresh, focusedId, focusedAction);
        var say = fresh.getAttribute('data-announce');
        if (announcer && say && say !== lastSaid) {
          announcer.textContent = say;
        }
        lastSaid = say;
      })
      .catch(function () { /* the next event or minute tries again */ });
  }

  // Keyboard users keep their place: the same field or button has the focus again.
  function restoreFocus(fresh, id, action) {
    var target = id ? document.getElementById(id) : null;
    if (!target && action) {
      var form = fresh.querySelector('form[action="' + action + '"]');
      target = form ? form.querySelector('button') : null;
    }
    if (target && !target.disabled) {
      target.focus();
    }
  }

  // Spread the refreshes of many phones over a moment instead of all at once; a staff
  // screen (data-live-delay="0") refreshes at once.
  var fixedDelay = root.getAttribute('data-live-delay');
  function soon() {
    if (!timer) {
      timer = window.setTimeout(refresh, fixedDelay !== null ? Number(fixedDelay) : 500 + Math.random() * 1500);
    }
  }

  function concernsPage(event) {
    var queue = queueOf(document.querySelector('[data-live-url]') || root);
    if (!queue) {
      return true;
    }
    try {
      var data = JSON.parse(event.data);
      return data.queue === queue || data.fromQueue === queue;
    } catch (e) {
      return true;
    }
  }

  var source = new EventSource(eventsUrl);
  ['issued', 'checked-in', 'passed-over', 'called', 'recalled', 'absent', 'started', 'done',
    'transferred', 'cancelled', 'expired'].forEach(function (kind) {
    source.addEventListener(kind, function (event) {
      if (concernsPage(event)) {
        soon();
      }
    });
  });
  source.addEventListener('reset', soon);
  source.addEventListener('open', function () { document.documentElement.classList.remove('offline'); });
  source.addEventListener('error', function () { document.documentElement.classList.add('offline'); });
  // estimates move with the clock too
  window.setInterval(soon, 60000);
}());
