/*
 * The discussion without page loads (templates/comments/area.html). Everything here is a
 * plain link that works without this script: an action link (Reply, Edit, Report, Delete)
 * opens the article page with that one form beneath the comment, Cancel goes back to the
 * comment, "More comments" goes to the next page of threads. With the script, the same
 * pages are fetched and the part wanted is put in place: the form under its comment, the
 * next page's threads at the end of the list. Anything unexpected falls back to the link.
 */
(function () {
  "use strict";

  var list = document.getElementById("comment-list");
  if (!list || !window.fetch || !window.DOMParser) {
    return;
  }
  var area = document.getElementById("comments");
  var status = document.getElementById("comments-status");

  function fetchPage(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok || response.redirected) {
          throw new Error("not the page asked for");
        }
        return response.text();
      })
      .then(function (html) {
        return new DOMParser().parseFromString(html, "text/html");
      });
  }

  function actionRow(comment) {
    return comment.querySelector(":scope > .comment__actions");
  }

  function closeForm(comment) {
    var open = comment.querySelector(":scope > .comment-form");
    if (open) {
      open.remove();
    }
    actionRow(comment)
      .querySelectorAll("[aria-current]")
      .forEach(function (link) {
        link.removeAttribute("aria-current");
      });
  }

  function focusForm(form) {
    var field = form.querySelector("textarea, select, button");
    if (field) {
      field.focus();
    }
  }

  function openForm(link) {
    var comment = link.closest("article.comment");
    var formId = link.hash.slice(1);
    var already = document.getElementById(formId);
    if (already) {
      focusForm(already);
      return;
    }
    link.setAttribute("aria-busy", "true");
    fetchPage(link.href)
      .then(function (page) {
        var form = page.getElementById(formId);
        if (!form) {
          throw new Error("no such form");
        }
        closeForm(comment);
        form = document.importNode(form, true);
        actionRow(comment).after(form);
        link.setAttribute("aria-current", "true");
        focusForm(form);
      })
      .catch(function () {
        window.location.href = link.href;
      })
      .finally(function () {
        link.removeAttribute("aria-busy");
      });
  }

  function cancel(link) {
    var comment = link.closest("article.comment");
    var action = actionRow(comment).querySelector("[aria-current]");
    closeForm(comment);
    if (action) {
      action.focus();
    }
  }

  function more(link) {
    var nav = link.closest("nav");
    link.setAttribute("aria-busy", "true");
    fetchPage(link.href)
      .then(function (page) {
        var threads = page.getElementById("comment-list");
        if (!threads) {
          throw new Error("no threads");
        }
        var added = Array.prototype.map.call(threads.children, function (thread) {
          return list.appendChild(document.importNode(thread, true));
        });
        var next = page.querySelector(".comments__more");
        var shown = page.querySelector(".pagination__status");
        if (next) {
          link.href = next.getAttribute("href");
        } else {
          link.remove();
        }
        var ours = nav.querySelector(".pagination__status");
        if (shown && ours) {
          // The list now holds the pages from the one first drawn to the one just added.
          ours.textContent =
            "Comments pages " + ours.dataset.page + "–" + shown.dataset.page +
            " of " + shown.dataset.pages;
        }
        if (added.length) {
          var first = added[0].querySelector("article.comment");
          first.setAttribute("tabindex", "-1");
          first.focus();
        }
        if (status) {
          status.textContent =
            added.length + (added.length === 1 ? " more thread" : " more threads") + " shown.";
        }
      })
      .catch(function () {
        window.location.href = link.href;
      })
      .finally(function () {
        link.removeAttribute("aria-busy");
      });
  }

  area.addEventListener("click", function (event) {
    var link = event.target.closest("a");
    if (!link || event.defaultPrevented || event.button !== 0) {
      return;
    }
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return; // a new tab or window: the plain link
    }
    if (link.matches(".comment__actions > .comment-action")) {
      event.preventDefault();
      openForm(link);
    } else if (link.matches(".comment-form__cancel")) {
      event.preventDefault();
      cancel(link);
    } else if (link.matches(".comments__more")) {
      event.preventDefault();
      more(link);
    }
  });
})();
