// The dashboard's only script (the Content-Security-Policy allows no other, and no inline script): the upload page
// sends the file as the request body to the API, shows the upload's progress, then follows the scan job until it ends.
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('upload');
  if (!form) return;
  var progress = document.getElementById('progress');
  var status = document.getElementById('status');
  function say(text) { status.textContent = text; }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = document.getElementById('file').files[0];
    var app = document.getElementById('app').value.trim();
    if (!file || !app) return;
    var query = '?name=' + encodeURIComponent(file.name);
    var team = document.getElementById('team').value;
    var version = document.getElementById('version').value.trim();
    if (team) query += '&team=' + encodeURIComponent(team);
    if (version) query += '&version=' + encodeURIComponent(version);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/apps/' + encodeURIComponent(app) + '/uploads' + query);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-CSRF-Token', form.dataset.csrf);
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) { progress.value = Math.round(100 * e.loaded / e.total); say('Uploading… ' + progress.value + '%'); }
    };
    xhr.onload = function () {
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (ignored) { /* not JSON */ }
      if (xhr.status !== 202) { say('Refused: ' + (body.error || xhr.status)); return; }
      progress.value = 100;
      follow(body.id, app);
    };
    xhr.onerror = function () { say('The upload failed: the connection was lost.'); };
    say('Uploading…');
    xhr.send(file);
  });
  function follow(job, app) {
    fetch('/api/v1/jobs/' + job, {credentials: 'same-origin'}).then(function (r) { return r.json(); }).then(function (j) {
      if (j.status === 'queued') say('Queued (' + (j.position || 0) + ' ahead)…');
      else if (j.status === 'running') say('Scanning…');
      if (j.status === 'done') {
        status.textContent = 'Scan finished: ';
        var a = document.createElement('a');
        a.href = '/apps/' + encodeURIComponent(app);
        a.id = 'scan-done';
        a.textContent = 'see the findings of ' + app;
        status.appendChild(a);
      } else if (j.status === 'failed') {
        say('Scan failed: ' + (j.error || 'unknown reason'));
        status.id = 'status';
        status.dataset.failed = 'true';
      } else {
        setTimeout(function () { follow(job, app); }, 1000);
      }
    }).catch(function () { setTimeout(function () { follow(job, app); }, 2000); });
  }
});
