// The kiosk: prints a ticket page as soon as it opens (kiosk Chrome started with
// --kiosk-printing prints silently), goes back to the start screen — in Japanese — after
// a while without a touch, and types number and PIN from the on-screen keypad.
(function () {
  'use strict';
  var body = document.body;
  var startUrl = body.getAttribute('data-start-url');
  var returnAfter = Number(body.getAttribute('data-return-after')) || 60;
  var idleTimer = null;

  function restartIdle() {
    if (idleTimer) {
      window.clearTimeout(idleTimer);
    }
    if (startUrl && window.location.pathname + window.location.search !== startUrl) {
      idleTimer = window.setTimeout(function () { window.location.href = startUrl; }, returnAfter * 1000);
    }
  }
  ['pointerdown', 'keydown', 'input'].forEach(function (kind) {
    document.addEventListener(kind, restartIdle, { passive: true });
  });
  restartIdle();

  if (body.hasAttribute('data-print') && window.print) {
    window.addEventListener('load', function () { window.print(); });
  }

  var keypadForm = document.querySelector('[data-keypad-form]');
  if (keypadForm) {
    var number = keypadForm.querySelector('[name="number"]');
    var pin = keypadForm.querySelector('[name="pin"]');
    var target = number;
    [number, pin].forEach(function (field) {
      field.addEventListener('focus', function () { target = field; });
    });
    keypadForm.querySelectorAll('[data-key]').forEach(function (key) {
      key.addEventListener('click', function () {
        var value = key.getAttribute('data-key');
        if (value === 'back') {
          target.value = target.value.slice(0, -1);
        } else if (value === 'next') {
          target = (target === number) ? pin : number;
        } else if (/^[A-Z]-$/.test(value)) {
          number.value = value;
          target = number;
        } else if (target.value.length < Number(target.getAttribute('maxlength'))) {
          target.value += value;
          if (target === pin || target.value.length >= 8) {
            target = pin;
          }
        }
        (target === pin ? pin : number).classList.add('typing');
        (target === pin ? number : pin).classList.remove('typing');
      });
    });
  }

  // the scanner types the QR code's link and Enter; keep its field ready
  var scan = document.querySelector('[data-scan-form] input');
  if (scan && !keypadForm.contains(document.activeElement)) {
    scan.focus();
  }
}());
