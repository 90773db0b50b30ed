// The hall display. Its live part (calls, waits, the check-in code, the date) is fetched
// again after every event of the office and every half minute. Each call that happens
// while the display watches gets a chime and a voice, in Japanese and then in the
// office's other languages; calls it only learns of after a reconnection (the missed
// events come first, then "caught-up") update the board silently, never a late chime.
// While the stream is down the display says so, and it reconnects by itself.
(function () {
  'use strict';
  var main = document.querySelector('.display');
  if (!main || !window.fetch) {
    return;
  }
  var eventsUrl = main.getAttribute('data-events-url');
  var voices = JSON.parse(main.getAttribute('data-voices') || '[]');
  var offlineBanner = document.querySelector('[data-offline]');
  var announcer = document.getElementById('announce');
  var soundButton = document.querySelector('[data-sound]');
  var kinds = ['issued', 'checked-in', 'passed-over', 'called', 'recalled', 'absent', 'started', 'done',
    'transferred', 'cancelled', 'expired'];
  var source = null;
  var lastId = null;
  var replaying = false;
  var retryDelay = 1000;
  var clockOffset = 0;
  var refreshTimer = null;
  var freshNumber = null;
  var freshUntil = 0;

  // ---- the live part ----
  function live() {
    return document.getElementById('live');
  }

  function adoptClock(part) {
    var serverNow = Number(part.getAttribute('data-now'));
    if (serverNow) {
      clockOffset = serverNow - Date.now();
    }
  }

  function refresh() {
    refreshTimer = null;
    var current = live();
    fetch(current.getAttribute('data-live-url'), { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('status ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var holder = document.createElement('div');
        holder.innerHTML = html;
        var fresh = holder.querySelector('#live');
        if (!fresh) {
          return;
        }
        adoptClock(fresh);
        if (fresh.getAttribute('data-signature') !== live().getAttribute('data-signature')) {
          live().replaceWith(fresh);
        }
        markFresh();
        if (!source || source.readyState === 2) {
          connect();
        } else if (source.readyState === 1) {
          setOnline(true);
        }
      })
      .catch(function () { setOnline(false); });
  }

  function soon(delay) {
    if (!refreshTimer) {
      refreshTimer = window.setTimeout(refresh, delay || 0);
    }
  }

  // The newest call stands out for a few seconds after its announcement: a slow pulse,
  // once a second (WCAG 2.3.1 allows up to three flashes a second).
  function markFresh() {
    var newest = live().querySelector('.calls li.newest');
    if (newest && freshNumber && newest.getAttribute('data-number') === freshNumber && Date.now() < freshUntil) {
      newest.classList.add('fresh');
    }
  }

  // ---- the event stream ----
  function setOnline(online) {
    if (offlineBanner) {
      offlineBanner.hidden = online;
    }
    document.documentElement.classList.toggle('offline', !online);
  }

  function track(event) {
    if (event.lastEventId) {
      lastId = event.lastEventId;
    }
  }

  function connect() {
    if (source) {
      source.close();
    }
    var url = eventsUrl;
    if (lastId !== null) {
      url += (url.indexOf('?') < 0 ? '?' : '&') + 'lastEventId=' + encodeURIComponent(lastId);
    }
    source = new EventSource(url);
    replaying = lastId !== null;
    source.addEventListener('open', function () {
      setOnline(true);
      retryDelay = 1000;
      // the browser reconnects by itself with Last-Event-ID: what comes first is the past
      replaying = lastId !== null;
    });
    source.addEventListener('error', function () {
      setOnline(false);
      if (source.readyState === 2) {
        // refused (e.g. a proxy's 502 while the server restarts): try again, slower each time
        window.setTimeout(connect, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 15000);
      }
    });
    kinds.forEach(function (kind) {
      source.addEventListener(kind, function (event) {
        track(event);
        if (!replaying && (kind === 'called' || kind === 'recalled')) {
          try {
            var data = JSON.parse(event.data);
            announce(data.number, data.counter);
          } catch (e) { /* a malformed event is not announced */ }
        }
        soon(replaying ? 300 : 0);
      });
    });
    ['caught-up', 'status', 'reset'].forEach(function (kind) {
      source.addEventListener(kind, function (event) {
        track(event);
        replaying = false;
        setOnline(true);
        soon(0);
      });
    });
  }

  // ---- chime and voice ----
  var audio = null;
  var queue = [];
  var speaking = false;

  function audioContext() {
    if (!audio && (window.AudioContext || window.webkitAudioContext)) {
      audio = new (window.AudioContext || window.webkitAudioContext)();
    }
    if (audio && audio.state === 'suspended' && soundButton) {
      // the browser waits for a first touch before it plays sound (kiosk Chrome can be
      // started with --autoplay-policy=no-user-gesture-required instead)
      soundButton.hidden = false;
    }
    return audio;
  }

  function chime() {
    var context = audioContext();
    if (!context) {
      return 0;
    }
    var start = context.currentTime + 0.05;
    [[880, 0], [660, 0.55]].forEach(function (tone) {
      var oscillator = context.createOscillator();
      var gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = tone[0];
      gain.gain.setValueAtTime(0.0001, start + tone[1]);
      gain.gain.exponentialRampToValueAtTime(0.4, start + tone[1] + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + tone[1] + 0.9);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + tone[1]);
      oscillator.stop(start + tone[1] + 1);
    });
    return 1600;
  }

  function sentence(voice, number, counter) {
    // "A-23" is read as "A 23": a hyphen would be read out as "minus"
    return voice.text.replace('{number}', number.replace('-', ' ')).replace('{counter}', counter);
  }

  function announce(number, counter) {
    freshNumber = number;
    freshUntil = Date.now() + 4000;
    if (announcer && voices.length) {
      announcer.textContent = sentence(voices[0], number, counter);
    }
    queue.push({ number: number, counter: counter });
    if (!speaking) {
      next();
    }
  }

  function next() {
    var call = queue.shift();
    if (!call) {
      speaking = false;
      return;
    }
    speaking = true;
    window.setTimeout(function () { speak(call, 0); }, chime());
  }

  function speak(call, index) {
    if (index >= voices.length || !window.speechSynthesis) {
      next();
      return;
    }
    var utterance = new SpeechSynthesisUtterance(sentence(voices[index], call.number, call.counter));
    utterance.lang = voices[index].lang;
    utterance.rate = 0.9;
    var done = false;
    function finished() {
      if (!done) {
        done = true;
        speak(call, index + 1);
      }
    }
    utterance.onend = finished;
    utterance.onerror = finished;
    // a voice that never ends (none installed for the language) does not stop the rest
    window.setTimeout(finished, 9000);
    window.speechSynthesis.speak(utterance);
  }

  if (soundButton) {
    soundButton.addEventListener('click', function () {
      if (audio) {
        audio.resume();
      }
      soundButton.hidden = true;
    });
  }

  // ---- clock, code rotation, notices ----
  var clockFormat = window.Intl ? new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: 'numeric', minute: '2-digit' }) : null;
  function tick() {
    var now = Date.now() + clockOffset;
    var clock = document.querySelector('[data-clock]');
    if (clock && clockFormat) {
      clock.textContent = clockFormat.format(new Date(now));
    }
    var changes = Number(live().getAttribute('data-code-changes'));
    if (changes && now >= changes) {
      soon(0);
    }
  }

  var notices = Array.prototype.slice.call(document.querySelectorAll('.notices .notice'));
  var shown = 0;
  var paused = false;
  var pauseButton = document.querySelector('[data-pause]');
  if (pauseButton) {
    pauseButton.addEventListener('click', function () {
      paused = !paused;
      pauseButton.setAttribute('aria-pressed', paused ? 'true' : 'false');
    });
    pauseButton.setAttribute('aria-pressed', 'false');
  }
  function rotate() {
    if (paused || notices.length < 2) {
      return;
    }
    notices[shown].hidden = true;
    shown = (shown + 1) % notices.length;
    notices[shown].hidden = false;
  }

  adoptClock(live());
  connect();
  audioContext();
  window.setInterval(tick, 1000);
  window.setInterval(function () { soon(0); }, 30000);
  window.setInterval(rotate, 12000);
}());
