"""What ties a log record to the request it came from: the request id and the path.

RequestIDMiddleware (portal/middleware.py) sets both for the time a request is handled; the
filter, on the stderr handler, stamps them on every record that handler writes, whichever
logger it came from. Outside a request (a management command, a worker starting) they are "-".
"""

import logging
from contextvars import ContextVar

request_id = ContextVar("request_id", default="-")
request_path = ContextVar("request_path", default="-")


class RequestContextFilter(logging.Filter):
    def filter(self, record):
        # Django logs a 4xx/5xx answer once the middleware is done, with the request attached.
        request = getattr(record, "request", None)
        record.request_id = getattr(request, "request_id", None) or request_id.get()
        record.request_path = getattr(request, "escaped_path", None) or request_path.get()
        return True
