/*
 * The copy-link button at the end of an article (templates/articles/includes/share.html).
 * It stays hidden unless this script runs and the browser lets a page write to the
 * clipboard; the share links beside it are plain links and work without it.
 */
(function () {
  "use strict";

  if (!navigator.clipboard || !window.isSecureContext) {
    return;
  }

  document.querySelectorAll(".share__copy").forEach(function (button) {
    var status = button.closest(".share").querySelector(".share__status");
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.dataset.url).then(
        function () {
          button.textContent = "Link copied";
          status.textContent = "The link to this piece is copied.";
        },
        function () {
          status.textContent = "The link could not be copied: copy it from the address bar.";
        }
      );
      window.setTimeout(function () {
        button.textContent = label;
      }, 4000);
    });
  });
})();
