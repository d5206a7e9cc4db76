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
