// The "how to be told" choice on the take-a-ticket form and the ticket page. Web Push is offered only where
// the browser can do it; choosing it asks for permission when the form is sent and puts
// the subscription into the form. The e-mail field shows only when e-mail is chosen.
(function () {
  'use strict';
  var form = document.querySelector('form[data-notice-form]');
  if (!form) {
    return;
  }
  // on the ticket page, a notice form offered only for push waits for this script
  var section = document.getElementById('notice-section');
  var pushOption = document.getElementById('notify-push-option');
  var emailField = document.getElementById('email-field');
  var pushField = document.getElementById('push');
  var problem = document.getElementById('push-problem');
  var canPush = 'serviceWorker' in navigator && 'PushManager' in window && window.isSecureContext;
  if (pushOption && canPush && form.getAttribute('data-vapid-key')) {
    pushOption.hidden = false;
    if (section) {
      section.hidden = false;
    }
  }

  function chosen() {
    var checked = form.querySelector('input[name="notify"]:checked');
    return checked ? checked.value : 'none';
  }

  function showEmail() {
    if (emailField) {
      emailField.hidden = chosen() !== 'email';
    }
  }
  form.addEventListener('change', showEmail);
  showEmail();

  function keyBytes(base64url) {
    var padded = (base64url + '===').slice(0, base64url.length + (4 - base64url.length % 4) % 4);
    var raw = window.atob(padded.replace(/-/g, '+').replace(/_/g, '/'));
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) {
      bytes[i] = raw.charCodeAt(i);
    }
    return bytes;
  }

  form.addEventListener('submit', function (event) {
    if (chosen() !== 'push' || pushField.value) {
      return;
    }
    event.preventDefault();
    navigator.serviceWorker.register('/sw.js')
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (registration) {
        return registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: keyBytes(form.getAttribute('data-vapid-key'))
        });
      })
      .then(function (subscription) {
        pushField.value = JSON.stringify(subscription);
        form.submit();
      })
      .catch(function () {
        if (problem) {
          problem.hidden = false;
          problem.focus();
        }
      });
  });
}());
