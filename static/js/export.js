/* Export buttons (templates/includes/export_links.html): the API's CSV streams every matching row, so its link is
   followed as is; its JSON and GeoJSON are cursor-paginated, so for them every page is fetched (following
   `next`) and saved as one file — exactly the filtered events, however many pages they take. */
(function () {
  "use strict";

  function save(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function fetchAll(url, key, rows) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json, application/geo+json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("The export answered " + response.status + ".");
        return response.json();
      })
      .then(function (data) {
        rows.push.apply(rows, data[key] || []);
        return data.next ? fetchAll(data.next, key, rows) : rows;
      });
  }

  function exportAll(link) {
    var geojson = link.dataset.export === "geojson";
    var label = link.textContent;
    link.setAttribute("aria-busy", "true");
    link.textContent = label + "…";
    fetchAll(link.href, geojson ? "features" : "results", [])
      .then(function (rows) {
        var body = geojson ? { type: "FeatureCollection", features: rows } : { count: rows.length, results: rows };
        save(geojson ? "events.geojson" : "events.json", geojson ? "application/geo+json" : "application/json",
          JSON.stringify(body, null, 1));
        link.dataset.exported = String(rows.length);
      })
      .catch(function (error) { window.alert("The export failed: " + error.message); })
      .then(function () {
        link.removeAttribute("aria-busy");
        link.textContent = label;
      });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-export]");
    if (!link || link.dataset.export === "csv" || !window.fetch) return;
    event.preventDefault();
    if (link.getAttribute("aria-busy") !== "true") exportAll(link);
  });
})();
