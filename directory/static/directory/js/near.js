// "Use my location": asks the browser for the reader's position, rounds it to two decimals
// (about a kilometre: enough to sort by distance, too coarse to point at a home), puts it in
// the form's `near` field and submits the form. Nothing is sent anywhere else; without
// JavaScript the button stays hidden and the ZIP code field does the same job.
(function () {
  "use strict";
  if (!("geolocation" in navigator)) return;
  document.querySelectorAll("[data-near-locate]").forEach(function (button) {
    var form = button.closest("form");
    var field = form && form.querySelector("input[name=near]");
    if (!field) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      navigator.geolocation.getCurrentPosition(
        function (position) {
          var lat = position.coords.latitude.toFixed(2);
          var lon = position.coords.longitude.toFixed(2);
          field.value = lat + "," + lon;
          form.submit();
        },
        function () {
          button.disabled = false;
          var hint = document.getElementById(field.getAttribute("aria-describedby"));
          if (hint) hint.textContent = button.getAttribute("data-near-error");
          field.focus();
        },
        { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 }
      );
    });
  });
})();
