"""JSON errors of the HSDS API, in the shape every open-data API here answers: {"error": ...}."""

from django.http import JsonResponse


class ApiError(Exception):
    """A request the API cannot answer; its message is shown to the client."""

    status = 400


class NotFound(ApiError):
    status = 404


def json_response(data, status=200, **kwargs):
    return JsonResponse(
        data, status=status, safe=False, json_dumps_params={"ensure_ascii": False}, **kwargs
    )


def error_response(error):
    return json_response({"error": str(error)}, status=error.status)
