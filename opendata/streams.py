"""The exports written chunk by chunk, so their size does not bound the server's memory.

Each chunk of listings (queries.CHUNK_SIZE) is fetched, turned into HSDS services and written
out before the next is read. The bytes are those one `JsonResponse` of `{"services": [...]}`
(or one CSV file) would hold: streaming only changes when they are produced.

An export that turns out small (up to SEND_WHOLE_UP_TO characters) is sent whole, as before:
it then has a Content-Length, and a cache's ETag can be computed from its body. Only a bigger
one streams, holding at most that much plus one chunk in memory.
"""

import io
import json
from itertools import chain

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, StreamingHttpResponse

from .hsds import services
from .queries import Holidays, chunks
from .tabular import csv_writer, write_rows

SEND_WHOLE_UP_TO = 1_000_000


def export_response(pieces, content_type):
    """An HttpResponse when `pieces` (text) add up to little, else a StreamingHttpResponse."""
    buffered, size = [], 0
    for piece in pieces:
        buffered.append(piece)
        size += len(piece)
        if size > SEND_WHOLE_UP_TO:
            return StreamingHttpResponse(chain(buffered, pieces), content_type=content_type)
    return HttpResponse("".join(buffered), content_type=content_type)


def service_chunks(listings, request, language):
    """Lists of HSDS services, one per chunk of `listings`."""
    holidays = Holidays()
    for chunk in chunks(listings):
        yield services(chunk, request, language, holidays)


def dumps(data):
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)


def json_export(listings, request, language):
    """`{"services": [...]}`, as JsonResponse writes it (json.dumps' default separators)."""
    yield '{"services": ['
    separator = ""
    for chunk in service_chunks(listings, request, language):
        yield separator + ", ".join(dumps(service) for service in chunk)
        separator = ", "
    yield "]}"


def csv_export(listings, request, language):
    """The header, then the rows of each chunk."""
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writeheader()
    for chunk in service_chunks(listings, request, language):
        write_rows(writer, chunk)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()  # the header alone when nothing is listed
