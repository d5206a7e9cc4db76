// Progressive enhancement only: every page reads and submits without this file.
document.documentElement.classList.add('js');
document.addEventListener('DOMContentLoaded', function () {
  // Registration: show the site picker only to residents.
  var block = document.querySelector('.for-resident');
  var radios = document.querySelectorAll('input[name="role"]');
  function sync() {
    var r = document.querySelector('input[name="role"]:checked');
    if (block) block.classList.toggle('hidden', !!r && r.value !== 'resident');
  }
  radios.forEach(function (el) {
    el.addEventListener('change', sync);
  });
  sync();
  // No double submits on a slow connection.
  document.querySelectorAll('form').forEach(function (f) {
    f.addEventListener('submit', function () {
      setTimeout(function () {
        f.querySelectorAll('button[type="submit"]').forEach(function (b) {
          b.disabled = true;
        });
      }, 0);
    });
  });
});
// Officer roster import (/officer/imports/:id): poll the import's API (the session cookie signs
// the call in) and move the progress bar; reload the page once it has finished (row errors).
document.addEventListener('DOMContentLoaded', function () {
  var box = document.querySelector('[data-import-id]');
  if (!box || !window.fetch) return;
  var status = box.getAttribute('data-import-status');
  if (status === 'done' || status === 'failed') return;
  var id = box.getAttribute('data-import-id');
  var bar = document.getElementById('import-bar');
  var percent = document.getElementById('import-percent');
  function poll() {
    fetch('/api/v1/imports/' + encodeURIComponent(id), {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    })
      .then(function (r) {
        return r.ok ? r.json() : null;
      })
      .then(function (s) {
        if (!s) return setTimeout(poll, 3000);
        if (bar) bar.value = s.progress;
        if (percent) percent.textContent = s.progress + '%';
        if (s.status === 'done' || s.status === 'failed') return window.location.reload();
        setTimeout(poll, 1000);
      })
      .catch(function () {
        setTimeout(poll, 3000);
      });
  }
  setTimeout(poll, 500);
});
