// Live reload for `stdkit serve`: the page listens to the server's events and reloads itself when
// the project changes. Replaced by the editor's script as it grows.
"use strict";
(function () {
  if (!window.EventSource) return;
  const events = new EventSource("/events");
  events.addEventListener("reload", () => window.location.reload());
})();
