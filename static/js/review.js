/* The review page: keyboard shortcuts, sub-types that follow the event type, and a map to click
   where the event happened. Every action stays an ordinary form post. */
(function () {
  "use strict";

  // ------------------------------------------------------------ keyboard: a approve, r r reject, j/k next/previous

  var rejectArmedUntil = 0;
  var hint = document.getElementById("keyboard-hint");
  var hintText = hint ? hint.textContent : "";

  function typing(target) {
    return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName) && target.type !== "submit";
  }

  function submit(id) {
    var form = document.getElementById(id);
    if (form) form.requestSubmit ? form.requestSubmit() : form.submit();
    return Boolean(form);
  }

  function follow(id) {
    var link = document.getElementById(id);
    if (link) window.location.assign(link.href);
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
    var key = event.key.toLowerCase();
    if (key === "a") {
      submit("approve-form");
    } else if (key === "r") {
      if (Date.now() < rejectArmedUntil) {
        submit("reject-form");
      } else if (document.getElementById("reject-form")) {
        rejectArmedUntil = Date.now() + 2000;
        if (hint) {
          hint.textContent = "Press r again to reject this event.";
          hint.classList.add("keyboard-hint--armed");
          window.setTimeout(function () { hint.textContent = hintText; hint.classList.remove("keyboard-hint--armed"); }, 2000);
        }
      }
    } else if (key === "j") {
      follow("next-link");
    } else if (key === "k") {
      follow("previous-link");
    } else {
      return;
    }
    event.preventDefault();
  });

  // ------------------------------------------------------------ sub-event types of the chosen type only

  var typeSelect = document.getElementById("id_event_type");
  var subSelect = document.getElementById("id_sub_event_type");
  function limitSubTypes() {
    var groups = subSelect.querySelectorAll("optgroup");
    var current = null;
    groups.forEach(function (group) {
      var match = group.label === typeSelect.value;
      group.hidden = !match;
      group.disabled = !match;
      if (match) current = group;
    });
    if (current && subSelect.selectedOptions[0] && subSelect.selectedOptions[0].parentElement !== current) {
      subSelect.value = current.querySelector("option").value;
    }
  }
  if (typeSelect && subSelect) {
    typeSelect.addEventListener("change", limitSubTypes);
    limitSubTypes();
  }

  // ------------------------------------------------------------ click the map to place the event

  var config = CT.readConfig("map-config");
  var element = document.getElementById("review-map");
  if (!element) return;
  var map = L.map(element, { minZoom: config.minZoom, maxZoom: config.maxZoom });
  CT.basemap(map, config);
  var point = config.point;
  if (point) {
    CT.eventShape(config, point, config.colors[point.type] || "#555").addTo(map);
    map.setView([point.lat, point.lon], CT.areaRadius(config, point.precision) >= 50000 ? 7 : 9);
  } else {
    map.setView(config.center, config.zoom);
  }
  window.ctReviewMap = { map: map };

  var latitude = document.getElementById("id_point-latitude");
  var longitude = document.getElementById("id_point-longitude");
  var button = document.getElementById("point-submit");
  var chosen = document.getElementById("point-chosen");
  var pin = null;
  map.on("click", function (event) {
    var at = event.latlng.wrap();
    latitude.value = at.lat.toFixed(5);
    longitude.value = at.lng.toFixed(5);
    if (pin) pin.setLatLng(at);
    else pin = L.circleMarker(at, { radius: 8, color: "#111", weight: 2, fillColor: "#ffd400", fillOpacity: 1 }).addTo(map);
    chosen.textContent = "Chosen: " + latitude.value + ", " + longitude.value;
    button.disabled = false;
  });
})();
