// wellread: offline reading. A first-party service worker that keeps the pages a reader opened
// and the theme's assets, so a page read once opens without a connection. It caches nothing
// from other sites and sends nothing anywhere. The build fills in its version and asset list:
// a new build is a new version, whose cache replaces the old one.
"use strict";
var VERSION = "__WELLREAD_VERSION__";
var ASSETS = __WELLREAD_ASSETS__;
var PREFIX = "wellread-" + new URL("./", self.location).pathname + " ";
var CACHE = PREFIX + VERSION;

function ours(url) {
  var scope = new URL("./", self.location).href;
  return url.indexOf(scope) === 0 && new URL(url).origin === self.location.origin;
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(ASSETS.map(function (path) { return new URL(path, self.location).href; }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

// A page asks to be kept once it is open (the first visit comes before this worker runs).
self.addEventListener("message", function (event) {
  var url = event.data && event.data.save;
  if (typeof url !== "string" || !ours(url)) {
    return;
  }
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.add(new Request(url, {credentials: "same-origin"}));
  }).then(function () {
    if (event.source) { event.source.postMessage({saved: url}); }
  }, function () {}));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || !ours(request.url)) {
    return; // the browser fetches it as usual; nothing from another site is kept
  }
  if (request.mode === "navigate") {
    // Pages: the network first (the newest version), the kept copy without a connection.
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
      }
      return response;
    }, function () {
      return caches.match(request, {ignoreSearch: true}).then(function (kept) {
        return kept || Response.error();
      });
    }));
    return;
  }
  // Theme assets: the kept copy first (this build's), else the network.
  event.respondWith(caches.match(request).then(function (kept) {
    return kept || fetch(request);
  }));
});
