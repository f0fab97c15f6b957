/* The events map: GeoJSON from the REST API for the visible area only, clustered markers coloured
   by event type, imprecise locations drawn as areas, popups with the claims in brief (the list's summary;
   the event's page has each claim with its quote).
   The filters live in the query string and the view (zoom/lat/lon) in the hash, so a URL shares a view.

   Contract with the API (events/api/): GET {apiUrl}?format=geojson&bbox=W,S,E,N&page_size=N&status=…
   plus the filter parameters in config.query; answers an RFC 7946 FeatureCollection whose features'
   properties are listed events (a claims_summary, not the claims); the next page's URL, if any, in "next"
   (or a Link: rel="next" header). */
(function () {
  "use strict";

  var config = CT.readConfig("map-config");
  var element = document.getElementById("map");
  var statusLine = document.getElementById("map-status");
  var MIN_AREA_ZOOM = 6;
  var MAX_AREAS = 1000;

  // ------------------------------------------------------------ the map and its view in the URL

  function viewFromHash() {
    var parts = window.location.hash.replace(/^#/, "").split("/").map(Number);
    if (parts.length === 3 && parts.every(isFinite)) return { zoom: parts[0], center: [parts[1], parts[2]] };
    return null;
  }

  var view = viewFromHash() || { zoom: config.zoom, center: config.center };
  var map = L.map(element, { preferCanvas: true, minZoom: config.minZoom, maxZoom: config.maxZoom, worldCopyJump: true });
  map.setView(view.center, view.zoom);
  CT.basemap(map, config);

  map.on("moveend", function () {
    var center = map.getCenter();
    var hash = "#" + map.getZoom() + "/" + center.lat.toFixed(4) + "/" + center.lng.toFixed(4);
    window.history.replaceState(null, "", window.location.pathname + window.location.search + hash);
  });
  var filterForm = document.getElementById("map-filters");
  filterForm.addEventListener("submit", function () {
    filterForm.action = window.location.pathname + window.location.hash;
  });

  // ------------------------------------------------------------ markers

  function clusterIcon(cluster) {
    var count = cluster.getChildCount();
    var size = count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 42 : 50;
    return L.divIcon({
      html: "<span>" + (count >= 10000 ? Math.round(count / 1000) + "k" : count) + "</span>",
      className: "cluster",
      iconSize: L.point(size, size),
    });
  }

  var clusters = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 48,
    spiderfyOnMaxZoom: true,
    iconCreateFunction: clusterIcon,
  });
  map.addLayer(clusters);
  var areas = L.layerGroup().addTo(map);
  var markers = new Map();

  function color(eventType) {
    return config.colors[eventType] || "#555";
  }

  function markerFor(feature) {
    var props = feature.properties || {};
    var coordinates = feature.geometry.coordinates;
    var precision = (props.location && props.location.geo_precision) || 1;
    var draft = props.status && props.status !== "approved";
    var imprecise = CT.areaRadius(config, precision) > 0;
    var marker = L.circleMarker([coordinates[1], coordinates[0]], {
      radius: imprecise ? 6 : 7,
      color: imprecise ? color(props.event_type) : draft ? "#333" : "#fff",
      weight: imprecise ? 2.5 : 2,
      dashArray: draft ? "2 2" : null,
      fill: !imprecise,
      fillColor: color(props.event_type),
      fillOpacity: draft ? 0.55 : 1,
    });
    marker.feature = feature;
    marker.precision = precision;
    marker.bindPopup(function () { return popupFor(feature); }, { maxWidth: 320, minWidth: 220 });
    return marker;
  }

  // ------------------------------------------------------------ popups, built as DOM (never from HTML strings)

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  // "killed: 10–84+ from 4 claims": the spread of the figures claimed, "+" when some claim is "at least …".
  function figureText(kind) {
    var count = kind.count + (kind.count === 1 ? " claim" : " claims");
    var figures = kind.low == null ? "unspecified"
      : kind.low === kind.high ? (kind.open_ended ? "≥" : "") + kind.low
      : kind.low + "–" + kind.high + (kind.open_ended ? "+" : "");
    return kind.kind.replace(/_/g, " ") + ": " + figures + " from " + count;
  }

  function claimantsText(summary) {
    var more = summary.claimant_count - summary.claimants.length;
    return "Claimed by " + summary.claimants.join(", ") + (more > 0 ? " and " + more + " more" : "");
  }

  function dateText(props) {
    return props.start_date === props.end_date || !props.end_date ? props.start_date : props.start_date + " – " + props.end_date;
  }

  function popupFor(feature) {
    var props = feature.properties || {};
    var box = el("div", "popup");
    var type = el("p", "popup__type");
    var swatch = el("span", "legend__swatch");
    swatch.style.background = color(props.event_type);
    type.appendChild(swatch);
    type.appendChild(document.createTextNode(props.event_type + " · " + props.sub_event_type));
    box.appendChild(type);
    var where = props.location || {};
    box.appendChild(el("p", "popup__title", [where.name, where.admin1 !== where.name ? where.admin1 : "", where.country].filter(Boolean).join(", ") || "Location unknown"));
    box.appendChild(el("p", "popup__date", dateText(props) + (props.status !== "approved" ? " · " + props.status : "")));
    if (props.actors && props.actors.length) {
      box.appendChild(el("p", "popup__actors", props.actors.map(function (actor) { return actor.name; }).join(" · ")));
    }
    var summary = props.claims_summary;
    if (summary && summary.count) {
      var list = el("ul", "popup__claims");
      summary.by_kind.forEach(function (kind) { list.appendChild(el("li", null, figureText(kind))); });
      if (summary.claimants.length) list.appendChild(el("li", "muted", claimantsText(summary)));
      box.appendChild(list);
    }
    var deaths = props.fatalities || {};
    if (deaths.best != null) {
      var range = deaths.low != null && deaths.high != null && deaths.low !== deaths.high ? " (reports: " + deaths.low + "–" + deaths.high + ")" : "";
      box.appendChild(el("p", "popup__fatalities", "Fatalities, best estimate: " + deaths.best + range));
    }
    var link = el("a", "popup__link", "Open the event →");
    link.href = config.eventUrl.replace("/0/", "/" + encodeURIComponent(feature.id) + "/");
    box.appendChild(link);
    return box;
  }

  // ------------------------------------------------------------ imprecise locations as areas

  function drawAreas() {
    areas.clearLayers();
    if (map.getZoom() < MIN_AREA_ZOOM) return;
    var bounds = map.getBounds();
    var drawn = 0;
    markers.forEach(function (marker) {
      if (drawn >= MAX_AREAS || !CT.areaRadius(config, marker.precision)) return;
      var latlng = marker.getLatLng();
      // Shown on its own (not inside a cluster): markercluster has put it on the map itself.
      if (!bounds.contains(latlng) || !map.hasLayer(marker)) return;
      var tint = color(marker.feature.properties.event_type);
      areas.addLayer(L.circle(latlng, {
        radius: CT.areaRadius(config, marker.precision), interactive: false,
        color: tint, weight: 1, dashArray: "4 4", fillColor: tint, fillOpacity: 0.1,
      }));
      drawn += 1;
    });
  }
  clusters.on("animationend", drawAreas);

  // ------------------------------------------------------------ loading the visible area

  function bboxOf(bounds) {
    var west = Math.max(-180, bounds.getWest()), east = Math.min(180, bounds.getEast());
    if (bounds.getEast() - bounds.getWest() >= 360) { west = -180; east = 180; }
    var south = Math.max(-90, bounds.getSouth()), north = Math.min(90, bounds.getNorth());
    return [west, south, east, north].map(function (n) { return n.toFixed(4); }).join(",");
  }

  function firstPageUrl() {
    var params = new URLSearchParams(config.query);
    params.set("format", "geojson");
    params.set("page_size", String(config.pageSize));
    params.set("bbox", bboxOf(map.getBounds().pad(0.05)));
    return config.apiUrl + "?" + params.toString();
  }

  function nextUrl(data, response) {
    if (data && typeof data.next === "string") return data.next;
    if (data && data.links) {
      if (typeof data.links.next === "string") return data.links.next;
      if (Array.isArray(data.links)) {
        var link = data.links.filter(function (item) { return item.rel === "next"; })[0];
        if (link) return link.href;
      }
    }
    var header = response.headers.get("Link") || "";
    var match = header.match(/<([^>]+)>\s*;\s*rel="?next"?/);
    return match ? match[1] : null;
  }

  function addFeatures(features) {
    var fresh = [];
    features.forEach(function (feature) {
      if (!feature.geometry || feature.geometry.type !== "Point" || markers.has(feature.id)) return;
      var marker = markerFor(feature);
      markers.set(feature.id, marker);
      fresh.push(marker);
    });
    if (fresh.length) clusters.addLayers(fresh);
  }

  function setStatus(text, state) {
    statusLine.textContent = text;
    element.dataset.state = state;
  }

  var generation = 0;
  var controller = null;

  function announceDrawn(detail) {
    // Tests and the benchmark wait for this: clusters for the current view are on the map.
    window.requestAnimationFrame(function () {
      drawAreas();
      element.dataset.drawn = String(Number(element.dataset.drawn || 0) + 1);
      document.dispatchEvent(new CustomEvent("ct:map-drawn", { detail: detail }));
    });
  }

  function load() {
    var current = ++generation;
    if (controller) controller.abort();
    controller = new AbortController();
    var signal = controller.signal;
    var inView = 0;
    setStatus("Loading events…", "loading");

    function fetchPage(url, first) {
      return fetch(url, { signal: signal, credentials: "same-origin", headers: { Accept: "application/geo+json, application/json" } })
        .then(function (response) {
          if (!response.ok) throw new Error("The events service answered " + response.status + ".");
          return response.json().then(function (data) { return { data: data, next: nextUrl(data, response) }; });
        })
        .then(function (page) {
          if (current !== generation) return;
          var features = page.data.features || [];
          addFeatures(features);
          inView += features.length;
          if (first) announceDrawn({ generation: current, features: inView });
          if (page.next && inView < config.maxFeatures) {
            setStatus("Loading events… " + inView.toLocaleString() + " so far", "loading-more");
            return fetchPage(page.next, false);
          }
          if (!first) announceDrawn({ generation: current, features: inView });
          setStatus(
            page.next
              ? "Showing the first " + inView.toLocaleString() + " events in view. Zoom in or filter to see the rest."
              : inView === 0 ? "No events in view with these filters." : inView.toLocaleString() + (inView === 1 ? " event" : " events") + " in view.",
            "ready"
          );
        });
    }

    fetchPage(firstPageUrl(), true).catch(function (error) {
      if (error.name === "AbortError" || current !== generation) return;
      setStatus("Events could not be loaded: " + error.message, "error");
    });
  }

  var pending = null;
  map.on("moveend", function () {
    window.clearTimeout(pending);
    pending = window.setTimeout(load, 120);
  });
  load();

  window.ctMap = { map: map, clusters: clusters, markers: markers, areas: areas };
})();
