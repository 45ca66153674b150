// wellread: the "Copy the text" button of the share box. First-party, no tracking, no requests.
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) {
    return; // the button stays hidden; the text can still be selected and copied
  }
  document.querySelectorAll("[data-wr-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-wr-copy"));
    var status = button.parentNode.querySelector(".wr-share__status");
    if (!source || !status) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent).then(
        function () { status.textContent = status.getAttribute("data-copied"); },
        function () { status.textContent = status.getAttribute("data-failed"); }
      );
    });
  });
})();
