// Shows Madoguchi's notices ("time to leave", "you are called") and opens the ticket page
// when one is tapped.
self.addEventListener('push', function (event) {
  var notice = {};
  try {
    notice = event.data ? event.data.json() : {};
  } catch (e) {
    notice = { title: event.data ? event.data.text() : '' };
  }
  event.waitUntil(self.registration.showNotification(notice.title || 'Madoguchi', {
    body: notice.body || '',
    data: { url: notice.url || '/' },
    tag: notice.kind || 'madoguchi',
    renotify: true,
    requireInteraction: notice.kind === 'called'
  }));
});

self.addEventListener('notificationclick', function (event) {
  event.notification.close();
  event.waitUntil(self.clients.openWindow(event.notification.data.url));
});
