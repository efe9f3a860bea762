// Shows every <time class="local-time"> in the reader's time zone, to the second, with how long ago
// when it is within a week; keeps the UTC text as its title. Remembers the zone in the "tz" cookie,
// so the server reads date and time inputs in it (admin.support.LocalTimes).
(function () {
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone) {
    document.cookie = 'tz=' + encodeURIComponent(zone) + '; path=/; SameSite=Strict';
  }
  var absolute = new Intl.DateTimeFormat(undefined, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23', timeZoneName: 'short'
  });
  var relative = typeof Intl.RelativeTimeFormat === 'function' ? new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }) : null;
  var steps = [[60, 'second'], [60, 'minute'], [24, 'hour'], [7, 'day']];

  function ago(date) {
    if (!relative) {
      return '';
    }
    var amount = Math.round((date.getTime() - Date.now()) / 1000);
    for (var i = 0; i < steps.length; i++) {
      if (Math.abs(amount) < steps[i][0]) {
        return relative.format(amount, steps[i][1]);
      }
      amount = Math.round(amount / steps[i][0]);
    }
    return '';
  }

  function render(root) {
    var times = (root || document).querySelectorAll('time.local-time[datetime]');
    for (var i = 0; i < times.length; i++) {
      var date = new Date(times[i].getAttribute('datetime'));
      if (isNaN(date.getTime())) {
        continue;
      }
      var since = ago(date);
      times[i].textContent = absolute.format(date) + (since ? ' · ' + since : '');
    }
  }

  render();
  window.localTimes = { render: render };
  var faces = window.faces || window.jsf;
  if (faces && faces.ajax) {
    faces.ajax.addOnEvent(function (event) {
      if (event.status === 'success') {
        render(); // a partial update brought new <time> elements
      }
    });
  }
  setInterval(render, 30000); // "2 min ago" stays true while the page is open
})();
