// Wayfinding: the passage a link lands on is marked (digest.css, :target), and when the
// reader came to it from a table, a theme page or another page of the digest, a link
// right after it leads back to where they were (the table's row or cell, by its id).
// Written here, not loaded from a CDN: the site requests nothing from other hosts.
(function () {
  "use strict";
  var KEY = "digest-came-from";

  function where(link) {
    // The place to come back to: the nearest element with an id around the link (a
    // table's cell or row header, a passage), else the heading before it.
    var holder = link.closest("[id]:not(body):not(html)");
    if (holder && holder.closest("article, .md-content")) return holder.id;
    var row = link.closest("tr");
    var header = row && row.querySelector("th[id]");
    return header ? header.id : "";
  }

  function remember(event) {
    var link = event.target.closest && event.target.closest(".md-content a[href*='#']");
    if (!link || link.classList.contains("headerlink") || link.classList.contains("digest-back")) return;
    var to = new URL(link.href, location.href);
    if (to.origin !== location.origin || to.pathname === location.pathname || !to.hash) return;
    var id = where(link);
    var heading = document.querySelector(".md-content h1");
    try {
      sessionStorage.setItem(KEY, JSON.stringify({
        to: to.href,
        back: location.href.split("#")[0] + (id ? "#" + encodeURIComponent(id) : ""),
        label: heading ? heading.textContent.replace("¶", "").trim() : document.title,
      }));
    } catch (error) { /* storage off: no way back offered */ }
  }

  function offerWayBack() {
    var old = document.querySelector(".digest-back");
    if (old) old.remove();
    if (!location.hash) return;
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target) return;
    var came;
    try { came = JSON.parse(sessionStorage.getItem(KEY) || "null"); } catch (error) { came = null; }
    if (!came || came.to !== location.href) return;
    var back = document.createElement("a");
    back.className = "digest-back";
    back.href = came.back;
    back.textContent = "↩ Back to " + came.label;
    // After the block the target is (or is in: an item's <span id>), or the table.
    var after = target.matches("td, th, tr") ? target.closest("table")
      : target.closest("p, li, blockquote, h1, h2, h3, h4, h5, h6, dd") || target;
    after.insertAdjacentElement("afterend", back);
  }

  document.addEventListener("click", remember, true);
  window.addEventListener("hashchange", offerWayBack);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", offerWayBack);
  } else { offerWayBack(); }
})();
