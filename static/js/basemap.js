/* Shared by every map: the online tile layer, the offline country outlines (Natural Earth), and
   the switch to the outlines when tiles cannot be loaded (a closed network, a blocked tile server). */
(function () {
  "use strict";
  var CT = (window.CT = window.CT || {});

  CT.readConfig = function (id) {
    return JSON.parse(document.getElementById(id).textContent);
  };

  /* Natural Earth rings that cross the antimeridian (Fiji, Chukotka) would draw a line across the
     world in Leaflet's flat projection; those few rings are left out. */
  function crossesAntimeridian(ring) {
    for (var i = 1; i < ring.length; i++) if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) return true;
    return false;
  }
  function withoutCrossingRings(data) {
    data.features.forEach(function (feature) {
      var geometry = feature.geometry;
      var polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
      polygons = polygons.filter(function (polygon) { return !crossesAntimeridian(polygon[0]); });
      geometry.type = "MultiPolygon";
      geometry.coordinates = polygons;
    });
    return data;
  }

  var outlinesData = null;
  function loadOutlines(url) {
    if (!outlinesData) {
      outlinesData = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error("outlines: " + response.status);
        return response.json();
      }).then(withoutCrossingRings);
    }
    return outlinesData;
  }

  var FallbackNotice = L.Control.extend({
    options: { position: "bottomleft" },
    onAdd: function () {
      var box = L.DomUtil.create("div", "map-notice");
      box.textContent = "Map tiles are unavailable; showing the offline country outlines.";
      return box;
    },
  });

  /* Adds the base layers to the map and returns {tiles, outlines}. The outlines are the default
     when no tile URL is configured, and replace the tiles if the first tiles all fail. */
  CT.basemap = function (map, config) {
    var container = map.getContainer();
    /* The outlines are a base layer: their own pane sits with the tiles (tilePane is z-index 200),
       under the overlay pane (400) where every marker, circle and area is drawn, whatever the order in
       which the layers (and the outlines' data) arrive. Their own SVG renderer keeps them out of the
       overlays' canvas on maps that prefer canvas. */
    var pane = map.getPane("basemap") || map.createPane("basemap");
    pane.style.zIndex = 250;
    pane.style.pointerEvents = "none";
    var outlineShapes = L.geoJSON(null, {
      pane: "basemap",
      renderer: L.svg({ pane: "basemap" }),
      interactive: false,
      style: { color: "#8a97a6", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 },
    });
    var outlines = L.layerGroup([outlineShapes]);
    outlines.on("add", function () {
      container.classList.add("map--outlines");
      loadOutlines(config.outlinesUrl)
        .then(function (data) { if (!outlineShapes.getLayers().length) outlineShapes.addData(data); })
        .catch(function () { /* an empty sea is still a usable map */ });
    });
    outlines.on("remove", function () { container.classList.remove("map--outlines"); });
    map.attributionControl.addAttribution(config.outlinesAttribution);

    var tiles = null;
    if (config.tiles && config.tiles.url) {
      tiles = L.tileLayer(config.tiles.url, { attribution: config.tiles.attribution, maxZoom: config.maxZoom || 18, crossOrigin: false });
      var loaded = 0, failed = 0, fellBack = false;
      tiles.on("tileload", function () { loaded += 1; });
      tiles.on("tileerror", function () {
        failed += 1;
        if (!fellBack && loaded === 0 && failed >= 2) {
          fellBack = true;
          map.removeLayer(tiles);
          map.addLayer(outlines);
          new FallbackNotice().addTo(map);
        }
      });
      map.addLayer(tiles);
      var bases = {};
      bases[config.tiles.name || "Map tiles"] = tiles;
      bases["Country outlines (offline)"] = outlines;
      L.control.layers(bases, null, { position: "topright" }).addTo(map);
    } else {
      map.addLayer(outlines);
    }
    return { tiles: tiles, outlines: outlines };
  };

  /* An event's location as drawn on every map: an exact place is a dot; an imprecise one is a
     circle the size of the area it may lie in, so it never looks like an exact pin. */
  CT.areaRadius = function (config, precision) {
    return (config.areaRadius && config.areaRadius[String(precision)]) || 0;
  };

  CT.eventShape = function (config, point, color) {
    var radius = CT.areaRadius(config, point.precision);
    if (radius) {
      return L.featureGroup([
        L.circle([point.lat, point.lon], { radius: radius, color: color, weight: 1.5, dashArray: "4 4", fillColor: color, fillOpacity: 0.12 }),
        L.circleMarker([point.lat, point.lon], { radius: 4, color: color, weight: 2, fill: false }),
      ]);
    }
    return L.circleMarker([point.lat, point.lon], { radius: 7, color: "#fff", weight: 2, fillColor: color, fillOpacity: 1 });
  };
})();
