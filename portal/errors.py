"""Error answers: JSON for the machine-facing APIs, HTML pages for readers.

Clients of `/api/...` and `/open-data/...` parse JSON, so a 404 or a 500 there is JSON too,
in the shape the APIs already use for a 400 (`{"error": ...}`). The 500 answer, JSON or HTML,
carries the request id that the log record of the failure carries (portal/middleware.py), so a
reader who reports the error can quote it and an administrator can find the traceback.
"""

from django.http import HttpResponseServerError, JsonResponse
from django.template import loader
from django.views import defaults

# Paths whose answers are JSON for machines (see portal/urls.py).
JSON_PREFIXES = ("/api/", "/open-data/")


def wants_json(request):
    return request.path.startswith(JSON_PREFIXES)


def _json(data, status):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def page_not_found(request, exception):
    if wants_json(request):
        return _json({"error": "Not found."}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    request_id = getattr(request, "request_id", "")
    if wants_json(request):
        return _json(
            {"error": "Server error. It has been logged.", "request_id": request_id}, status=500
        )
    # Rendered without a RequestContext, as Django's own handler does: context processors
    # may be what failed. The CSP nonce lets the page's one inline style through.
    # (str(): django-csp's lazy nonce is falsy, and left out of the header, until it is read.)
    nonce = getattr(request, "csp_nonce", None)
    context = {"request_id": request_id, "csp_nonce": str(nonce) if nonce is not None else ""}
    return HttpResponseServerError(loader.get_template("500.html").render(context))
