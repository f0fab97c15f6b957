/* The event page's small map: the event's point, or the area when the location is imprecise. */
(function () {
  "use strict";
  var config = CT.readConfig("map-config");
  var element = document.getElementById("event-map");
  var point = config.point;
  if (!point) {
    element.classList.add("map--empty");
    element.textContent = "No coordinates are recorded for this event.";
    return;
  }
  var map = L.map(element, { scrollWheelZoom: false, minZoom: config.minZoom, maxZoom: config.maxZoom });
  CT.basemap(map, config);
  var color = config.colors[point.type] || "#555";
  var shape = CT.eventShape(config, point, color).addTo(map);
  var radius = CT.areaRadius(config, point.precision);
  if (radius) {
    map.fitBounds(L.latLng(point.lat, point.lon).toBounds(radius * 2.6));
  } else {
    map.setView([point.lat, point.lon], 8);
  }
  shape.bindTooltip(point.label);
  window.ctEventMap = { map: map, shape: shape };
})();
