// Resumable deposits with tus-js-client: a dropped connection or a closed laptop resumes where it stopped.
(function () {
  "use strict";
  var portal = document.getElementById("portal");
  var endpoint = portal.dataset.endpoint;
  var csrf = portal.dataset.csrf;

  function send(file, camera, status, done) {
    var upload = new tus.Upload(file, {
      endpoint: endpoint,
      chunkSize: 8 * 1024 * 1024,
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000],
      headers: { "X-CSRF-Token": csrf },
      metadata: { filename: file.name, camera: camera },
      onProgress: function (sent, total) {
        status.textContent = file.name + " : " + Math.floor((sent / total) * 100) + " %";
      },
      onError: function (error) {
        var code = error.originalResponse ? error.originalResponse.getStatus() : 0;
        status.textContent = file.name + " : " + (code === 400 ? error.originalResponse.getBody()
          : code === 413 ? "volume maximal de dépôt atteint."
          : code === 507 ? "le serveur manque de place, réessayez plus tard."
          : "envoi interrompu ; choisissez de nouveau le fichier pour reprendre là où il s'est arrêté.");
      },
      onSuccess: function () { status.textContent = file.name + " : déposé."; done(); }
    });
    upload.findPreviousUploads().then(function (previous) {
      if (previous.length) { upload.resumeFromPreviousUpload(previous[0]); }
      upload.start();
    });
  }

  document.querySelectorAll("button.upload").forEach(function (button) {
    button.addEventListener("click", function () {
      var camera = button.dataset.camera;
      var input = document.getElementById("file-" + camera);
      var status = document.getElementById("progress-" + camera);
      var files = Array.prototype.slice.call(input.files);
      if (!files.length) { status.textContent = "Choisissez d'abord un ou plusieurs fichiers."; input.focus(); return; }
      var left = files.length;
      files.forEach(function (file) {
        send(file, camera, status, function () { left -= 1; if (left === 0) { window.location.reload(); } });
      });
    });
  });
}());
