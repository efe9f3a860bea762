// Live pages without polling: an element with data-live-ids (communication ids, comma separated) or
// data-live-path ("live/inbox": the reader's own notes) and data-live-refresh (the id of the button that
// re-reads the part of the page that shows them) listens to /admin/live (server-sent events,
// admin.tracking.LiveEvents, admin.inbox.InboxEvents); each event clicks that button once the events
// settle (250 ms). While the stream is down (a restart; a move made on another server
// reaches only that server's streams) the page re-reads every 15 s if data-live-active is "true";
// EventSource reconnects by itself.
(function () {
  var host = document.querySelector('[data-live-ids], [data-live-path]');
  if (!host || !window.EventSource) {
    return;
  }
  var ids = host.getAttribute('data-live-ids');
  var path = host.getAttribute('data-live-path') || 'live';
  if (path === 'live' && !ids) {
    return; // nothing shown to watch
  }
  var state = { connected: false, messages: 0 };
  window.liveUpdates = state;
  var pending = null;
  var fallback = null;

  function active() {
    var marker = document.querySelector('[data-live-active]');
    return !marker || marker.getAttribute('data-live-active') === 'true';
  }
  function refresh() {
    pending = null;
    var button = document.getElementById(host.getAttribute('data-live-refresh'));
    if (button) {
      button.click();
    }
  }
  var base = document.querySelector('link[rel=stylesheet]').getAttribute('href').replace(/\/resources\/.*$/, '');
  var events = new EventSource(base + '/' + path + (ids ? '?ids=' + encodeURIComponent(ids) : ''));
  events.onopen = function () {
    state.connected = true;
    if (fallback) {
      clearInterval(fallback);
      fallback = null;
    }
  };
  events.onmessage = function () {
    state.messages++;
    if (!pending) {
      pending = setTimeout(refresh, 250);
    }
  };
  // A stream holds one of the browser's few connections to the server (six over HTTP/1.1): leaving the
  // page closes it at once, also when the page goes into the back/forward cache, which would keep it
  // open; such a page reloads when it is shown again, so it never shows what it missed.
  window.addEventListener('pagehide', function () {
    events.close();
  });
  window.addEventListener('pageshow', function (e) {
    if (e.persisted) {
      location.reload();
    }
  });
  events.onerror = function () {
    state.connected = false;
    if (!fallback) {
      fallback = setInterval(function () { if (active()) { refresh(); } }, 15000);
    }
  };
})();
