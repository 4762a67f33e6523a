// docent serve: reload what changed, keep the scroll position, swap CSS in place, show build
// errors over the page, and reconnect when the server restarts. Injected by `docent serve`
// only; never part of a built site.
(function () {
  "use strict";
  var here = location.pathname.replace(/index\.html$/, "");
  var scrollKey = "docent-scroll:" + here;
  var saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    sessionStorage.removeItem(scrollKey);
    var restore = function () { window.scrollTo(0, +saved); };
    if (document.readyState === "complete") restore();
    else window.addEventListener("load", restore);
    document.addEventListener("DOMContentLoaded", restore);
  }

  function reload() {
    sessionStorage.setItem(scrollKey, String(window.scrollY));
    location.reload();
  }

  function swapCss() {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    Array.prototype.forEach.call(links, function (link) {
      var url = new URL(link.href);
      url.searchParams.set("v", String(Date.now()));
      var fresh = link.cloneNode();
      fresh.href = url.toString();
      fresh.onload = function () { link.remove(); };
      link.after(fresh);
    });
  }

  var overlay = null;
  // An opaque panel over the page: each error with its file, line and column, the lines
  // around it with the column marked, and the hint.
  function showError(errors) {
    hideError();
    overlay = document.createElement("div");
    overlay.id = "docent-error-overlay";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;background:#1b1111;color:#f4eded;" +
      "font:15px/1.55 system-ui,sans-serif;padding:2rem clamp(1rem,4vw,3rem);overflow:auto;color-scheme:dark";
    var title = document.createElement("h2");
    // The page docent serves before any build succeeded has no good version to show.
    title.textContent = document.documentElement.hasAttribute("data-docent-no-site")
      ? "docent: the course does not build yet; this page reloads when it does"
      : "docent: the last edit broke the build; the page shows the last good version";
    title.style.cssText = "font:700 1.15rem/1.4 system-ui,sans-serif;margin:0 0 1.25rem;color:#ffb4a8";
    overlay.appendChild(title);
    errors.forEach(function (e) {
      var item = document.createElement("section");
      item.className = "docent-error";
      item.style.cssText = "margin:0 0 1.25rem;padding:1rem 1.1rem;background:#2a1717;border-left:4px solid #ff6b57;border-radius:6px";
      var where = document.createElement("p");
      where.className = "docent-error-where";
      where.style.cssText = "margin:0 0 .35rem;font:600 .95rem/1.4 ui-monospace,monospace;color:#ffd6cf";
      where.textContent = e.path + (e.line ? ":" + e.line + (e.col ? ":" + e.col : "") : "");
      var message = document.createElement("p");
      message.className = "docent-error-message";
      message.style.cssText = "margin:0 0 .6rem;font-weight:600;white-space:pre-wrap";
      message.textContent = e.message;
      item.appendChild(where);
      item.appendChild(message);
      if (e.excerpt && e.excerpt.length) {
        var pre = document.createElement("pre");
        pre.className = "docent-error-excerpt";
        pre.style.cssText = "margin:0 0 .6rem;padding:.6rem 0;background:#120b0b;border-radius:4px;overflow-x:auto;font:13.5px/1.55 ui-monospace,monospace";
        e.excerpt.forEach(function (pair) {
          var row = document.createElement("div");
          var at = pair[0] === e.line;
          row.style.cssText = "padding:0 .8rem;white-space:pre;" + (at ? "background:#4a1f1f" : "color:#cbb8b8");
          row.textContent = String(pair[0]).padStart(4, " ") + " │ " + pair[1];
          pre.appendChild(row);
          if (at && e.col) {
            var caret = document.createElement("div");
            caret.style.cssText = "padding:0 .8rem;white-space:pre;color:#ff8a7a";
            caret.textContent = "     │ " + " ".repeat(Math.max(0, e.col - 1)) + "^";
            pre.appendChild(caret);
          }
        });
        item.appendChild(pre);
      }
      if (e.help) {
        var help = document.createElement("p");
        help.style.cssText = "margin:0;color:#e6d5d5";
        help.textContent = "help: " + e.help;
        item.appendChild(help);
      }
      overlay.appendChild(item);
    });
    document.body.appendChild(overlay);
  }
  function hideError() {
    if (overlay) overlay.remove();
    overlay = null;
  }

  var connected = false;
  function connect() {
    var ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/__docent/ws");
    ws.onopen = function () {
      // Connected again after a restart: the site may have changed while we were away.
      if (connected) reload();
      connected = true;
    };
    ws.onmessage = function (event) {
      var m = JSON.parse(event.data);
      if (m.type === "ok") hideError();
      else if (m.type === "error") showError(m.errors);
      else if (m.type === "css") swapCss();
      else if (m.type === "reload" && (m.all || m.pages.indexOf(here) !== -1)) reload();
    };
    ws.onclose = function () { setTimeout(connect, 500); };
  }
  connect();
})();
