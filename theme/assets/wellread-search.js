// wellread: Material's search code and index load when the reader opens search, not with
// every page. Loaded before Material's bundle: the bundle still sets search up as it always
// does, but its worker (a stand-in until then) and its index request wait until the search
// field gets focus (a click or tap, the search button, the keys "/", "s" or "f") or the
// search toggle opens. A page opened from a search result (?h=...) loads them at once, to
// highlight the words searched for. Few readers search; the others save about a third of the
// page's bytes.
(function () {
  "use strict";
  var RealWorker = window.Worker;
  var XHR = window.XMLHttpRequest;
  if (!RealWorker || !XHR) {
    return;
  }
  var started = /[?&]h=/.test(window.location.search);
  var waiting = [];

  function start() {
    if (started) {
      return;
    }
    started = true;
    var run = waiting;
    waiting = [];
    for (var i = 0; i < run.length; i += 1) {
      run[i]();
    }
  }

  function later(task) {
    if (started) {
      task();
    } else {
      waiting.push(task);
    }
  }

  // Material's search worker: a stand-in that keeps its listeners and messages until search
  // opens, then hands them to the real worker in the same order.
  function isSearchWorker(url) {
    return /\/workers\/search\.[\w.]*js(?:[?#]|$)/.test(String(url));
  }

  function LazyWorker(url, options) {
    if (started || !isSearchWorker(url)) {
      return options === undefined ? new RealWorker(url) : new RealWorker(url, options);
    }
    var real = null;
    var listeners = [];
    var messages = [];
    var stub = {
      addEventListener: function (type, listener, opts) {
        if (real) {
          real.addEventListener(type, listener, opts);
        } else {
          listeners.push([type, listener, opts]);
        }
      },
      removeEventListener: function (type, listener, opts) {
        if (real) {
          real.removeEventListener(type, listener, opts);
          return;
        }
        listeners = listeners.filter(function (entry) {
          return entry[0] !== type || entry[1] !== listener;
        });
      },
      postMessage: function (message) {
        if (real) {
          real.postMessage(message);
        } else {
          messages.push(message);
        }
      },
      terminate: function () {
        if (real) {
          real.terminate();
        }
        listeners = [];
        messages = [];
      }
    };
    later(function () {
      real = options === undefined ? new RealWorker(url) : new RealWorker(url, options);
      listeners.forEach(function (entry) {
        real.addEventListener(entry[0], entry[1], entry[2]);
      });
      messages.forEach(function (message) {
        real.postMessage(message);
      });
      listeners = [];
      messages = [];
    });
    return stub;
  }
  LazyWorker.prototype = RealWorker.prototype;
  window.Worker = LazyWorker;

  // Material's request for the search index: opened as usual, sent when search opens.
  var open = XHR.prototype.open;
  var send = XHR.prototype.send;
  var abort = XHR.prototype.abort;
  XHR.prototype.open = function (method, url) {
    this.wellreadSearchIndex = /\/search\/search_index\.json(?:[?#]|$)/.test(String(url));
    return open.apply(this, arguments);
  };
  XHR.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.wellreadSearchIndex || started) {
      return send.apply(request, args);
    }
    later(function () {
      if (!request.wellreadAborted) {
        send.apply(request, args);
      }
    });
  };
  XHR.prototype.abort = function () {
    this.wellreadAborted = true;
    return abort.apply(this, arguments);
  };

  // Search opens: its field gets focus, or Material's toggle is checked.
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest(".md-search")) {
      start();
    }
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) {
      start();
    }
  }, true);
}());
