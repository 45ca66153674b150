// wellread: offline reading. Starts the site's own service worker (wellread-sw.js) and asks it
// to keep this page; says so quietly once it is kept. First-party, nothing sent anywhere.
(function () {
  "use strict";
  var note = document.querySelector(".wr-offline");
  if (!note || !("serviceWorker" in navigator) || !window.isSecureContext) {
    return;
  }
  navigator.serviceWorker.addEventListener("message", function (event) {
    if (event.data && event.data.saved === location.href.split("#")[0]) {
      note.hidden = false;
    }
  });
  navigator.serviceWorker.register(note.getAttribute("data-worker")).then(function () {
    return navigator.serviceWorker.ready;
  }).then(function (registration) {
    if (registration.active) {
      registration.active.postMessage({save: location.href.split("#")[0]});
    }
  }).catch(function () {});
})();
