// Sortable tables: in a <table data-sortable>, each <th data-sort> header becomes a button that
// orders the rows by that column (a <time datetime> or a data-sort-value in the cell is compared
// instead of its text), ascending then descending, and says so in aria-sort. With data-page-size the
// table (whose rows are all rendered) shows that many at a time, with Previous / Next below it.
(function () {
  function value(row, column) {
    var cell = row.children[column];
    if (!cell) {
      return '';
    }
    var time = cell.querySelector('time[datetime]');
    if (time) {
      return time.getAttribute('datetime');
    }
    return (cell.getAttribute('data-sort-value') || cell.textContent).trim().toLowerCase();
  }
  function compare(a, b) {
    var x = parseFloat(a), y = parseFloat(b);
    if (!isNaN(x) && !isNaN(y) && String(x) === a && String(y) === b) {
      return x - y;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  }
  function setUp(table) {
    var headers = table.querySelectorAll('thead th[data-sort]');
    headers.forEach(function (th, i) {
      if (th.querySelector('button')) {
        return; // set up already (a partial update keeps the head)
      }
      var column = Array.prototype.indexOf.call(th.parentNode.children, th);
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort-button';
      button.textContent = th.textContent;
      th.textContent = '';
      th.appendChild(button);
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        headers.forEach(function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.filter.call(body.rows, function (r) { return !r.hasAttribute('data-empty'); });
        rows.sort(function (a, b) {
          var c = compare(value(a, column), value(b, column));
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
        table.sortablePage = 0;
        paginate(table);
      });
    });
    paginate(table);
  }
  function paginate(table) {
    var size = parseInt(table.getAttribute('data-page-size'), 10);
    if (!size) {
      return;
    }
    var rows = Array.prototype.filter.call(table.tBodies[0].rows, function (r) { return !r.hasAttribute('data-empty'); });
    var pages = Math.max(1, Math.ceil(rows.length / size));
    var page = Math.min(table.sortablePage || 0, pages - 1);
    table.sortablePage = page;
    rows.forEach(function (r, i) { r.hidden = i < page * size || i >= (page + 1) * size; });
    var nav = table.pagerNav;
    if (!nav) {
      nav = document.createElement('nav');
      nav.className = 'mt-3 flex flex-wrap items-center gap-3 text-sm';
      nav.setAttribute('aria-label', 'Pages of ' + (table.getAttribute('aria-label') || 'the list'));
      nav.innerHTML = '<button type="button" class="btn" data-step="-1">Previous</button>'
        + '<span aria-live="polite" class="pager-state"></span>'
        + '<button type="button" class="btn" data-step="1">Next</button>';
      nav.addEventListener('click', function (e) {
        var step = e.target.getAttribute && e.target.getAttribute('data-step');
        if (step) {
          table.sortablePage += parseInt(step, 10);
          paginate(table);
        }
      });
      table.parentNode.insertBefore(nav, table.nextSibling);
      table.pagerNav = nav;
    }
    nav.hidden = pages < 2;
    nav.querySelector('[data-step="-1"]').disabled = page === 0;
    nav.querySelector('[data-step="1"]').disabled = page >= pages - 1;
    nav.querySelector('.pager-state').textContent = 'Page ' + (page + 1) + ' of ' + pages + ' (' + rows.length + ')';
  }
  function all() {
    document.querySelectorAll('table[data-sortable]').forEach(setUp);
  }
  all();
  var faces = window.faces || window.jsf;
  if (faces && faces.ajax) {
    faces.ajax.addOnEvent(function (event) {
      if (event.status === 'success') {
        all();
      }
    });
  }
})();
