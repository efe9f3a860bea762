// Draws the Analytics page's charts from the report JSON the server put in #report-data.
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  if (typeof Chart === 'undefined') {
    return; // built with -Dtailwind.skip=true: no Chart.js, the tables still hold every number
  }
  var colours = { Email: '#4338ca', SMS: '#0891b2', WhatsApp: '#15803d', InApp: '#b45309' };
  var channels = data.channels || [];
  var labels = { InApp: 'In-App' }; // as the tables name them (admin.support.Labels)
  var names = channels.map(function (c) { return labels[c.channel] || c.channel; });
  function bars(id, datasets, options) {
    new Chart(document.getElementById(id), {
      type: 'bar',
      data: { labels: names, datasets: datasets },
      options: Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, options || {})
    });
  }
  bars('chart-volumes', [
    { label: 'Sent', backgroundColor: '#6366f1', data: channels.map(function (c) { return c.sent; }) },
    { label: 'Delivered', backgroundColor: '#16a34a', data: channels.map(function (c) { return c.delivered; }) },
    { label: 'Failed', backgroundColor: '#dc2626', data: channels.map(function (c) { return c.failed; }) }
  ]);
  bars('chart-rate', [
    { label: 'Delivery rate %', backgroundColor: '#16a34a',
      data: channels.map(function (c) { return c.deliveryRate == null ? null : Math.round(c.deliveryRate * 100); }) }
  ], { scales: { y: { min: 0, max: 100 } } });
  bars('chart-ttd', [
    { label: 'p50', backgroundColor: '#0891b2', data: channels.map(function (c) { return c.ttdP50Seconds == null || c.ttdP50Seconds < 0 ? null : c.ttdP50Seconds; }) },
    { label: 'p95', backgroundColor: '#f59e0b', data: channels.map(function (c) { return c.ttdP95Seconds == null || c.ttdP95Seconds < 0 ? null : c.ttdP95Seconds; }) }
  ]);
  var buckets = channels.length ? channels[0].series.map(function (p) { return p.bucket; }) : [];
  new Chart(document.getElementById('chart-series'), {
    type: 'line',
    data: {
      labels: buckets,
      datasets: channels.map(function (c) {
        return { label: c.channel, borderColor: colours[c.channel], backgroundColor: colours[c.channel],
                 data: c.series.map(function (p) { return p.delivered; }) };
      })
    },
    options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } } }
  });
  document.body.setAttribute('data-charts', 'drawn');
})();
