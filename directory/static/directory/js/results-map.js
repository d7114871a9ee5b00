// Optional: a map of the places the results above list (directory/includes/results_map.html).
// The list stays the primary view and works without it. Leaflet and its stylesheet load only
// when the map is first opened (wide screens open it at once; phones keep it folded), and
// every marker's popup links to its listing, as the list does.
(function () {
  "use strict";
  var box = document.querySelector("details.results-map");
  var data = document.getElementById("results-map-markers");
  if (!box || !data || !window.matchMedia) return;
  var markers = JSON.parse(data.textContent);
  if (!markers.length) return;
  var canvas = box.querySelector(".results-map__canvas");
  var map = null;
  var loading = false;

  function load(url, isScript) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(isScript ? "script" : "link");
      if (isScript) {
        element.src = url;
      } else {
        element.rel = "stylesheet";
        element.href = url;
      }
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  function popup(marker) {
    var content = document.createElement("div");
    var title = document.createElement("strong");
    var link = document.createElement("a");
    link.href = marker.url;
    link.textContent = marker.title;
    title.appendChild(link);
    content.appendChild(title);
    [marker.place, marker.address].forEach(function (text) {
      if (!text) return;
      var line = document.createElement("p");
      line.textContent = text;
      content.appendChild(line);
    });
    // A listing not yet translated: its words are in its own language, said so to readers.
    if (marker.language) content.lang = marker.language;
    return content;
  }

  function build() {
    var L = window.L;
    var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    map = L.map(canvas, {
      scrollWheelZoom: false, // scrolling the page over the map scrolls the page
      zoomControl: false, // added below, its buttons named in the reader's language
      zoomAnimation: !still,
      fadeAnimation: !still,
      markerZoomAnimation: !still,
    });
    L.control
      .zoom({ zoomInTitle: box.dataset.zoomIn, zoomOutTitle: box.dataset.zoomOut })
      .addTo(map);
    // Leaflet names a popup's close button in English only.
    map.on("popupopen", function (event) {
      var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
      if (close) close.setAttribute("aria-label", box.dataset.close);
    });
    L.tileLayer(box.dataset.tilesUrl, {
      attribution: box.dataset.attribution,
      maxZoom: 19,
      referrerPolicy: "strict-origin", // tile servers such as OpenStreetMap's ask who uses them
    }).addTo(map);
    // Explicit icon URLs: Leaflet guesses them from its stylesheet, which fails once static
    // files carry a content hash in their names.
    var icon = L.icon({
      iconUrl: box.dataset.markerIcon,
      iconRetinaUrl: box.dataset.markerIcon2x,
      shadowUrl: box.dataset.markerShadow,
      iconSize: [25, 41],
      iconAnchor: [12, 41],
      popupAnchor: [1, -34],
      shadowSize: [41, 41],
    });
    var points = markers.map(function (marker) {
      var point = [marker.lat, marker.lon];
      // `alt` and `title` name the marker for screen readers and on hover; Leaflet lets
      // keyboard users tab to it and open its popup with Enter.
      L.marker(point, { icon: icon, alt: marker.title, title: marker.title })
        .bindPopup(popup(marker))
        .addTo(map);
      return point;
    });
    // More room above: a marker's pin stands above its point.
    map.fitBounds(points, {
      paddingTopLeft: [32, 56],
      paddingBottomRight: [32, 16],
      maxZoom: 15,
    });
    box.dataset.state = "ready";
  }

  function show() {
    if (!box.open) return;
    if (map) {
      map.invalidateSize(); // its size was unknown while folded
      return;
    }
    if (loading) return;
    loading = true;
    var leaflet = window.L
      ? Promise.resolve()
      : Promise.all([load(box.dataset.leafletCss, false), load(box.dataset.leafletJs, true)]);
    leaflet.then(build, function () {
      box.hidden = true; // Leaflet could not load: the list alone, as without JavaScript
    });
  }

  box.addEventListener("toggle", show);
  box.hidden = false;
  if (window.matchMedia("(min-width: 64rem)").matches) box.open = true;
  show();
})();
