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
  function showError(errors) {
    hideError();
    overlay = document.createElement("div");
    overlay.id = "docent-error-overlay";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;background:rgba(20,0,0,.86);color:#fff;" +
      "font:15px/1.5 ui-monospace,monospace;padding:2rem;overflow:auto";
    var title = document.createElement("h2");
    title.textContent = "docent: the last edit broke the build; showing the last good version";
    title.style.cssText = "font:700 18px/1.4 system-ui,sans-serif;margin:0 0 1rem;color:#ffb4a8";
    overlay.appendChild(title);
    errors.forEach(function (e) {
      var item = document.createElement("pre");
      item.className = "docent-error";
      item.style.cssText = "white-space:pre-wrap;margin:0 0 1rem;padding:1rem;background:rgba(0,0,0,.35);border-left:4px solid #ff6b57";
      var where = e.path + (e.line ? ":" + e.line + (e.col ? ":" + e.col : "") : "");
      item.textContent = where + "\n" + e.message + (e.help ? "\nhelp: " + e.help : "");
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
