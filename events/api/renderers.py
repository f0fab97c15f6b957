"""Event lists in three formats, chosen with ?format= or the Accept header."""

import json

from rest_framework.renderers import BaseRenderer, JSONRenderer


class GeoJSONRenderer(JSONRenderer):
    """RFC 7946: the body is a FeatureCollection the view builds."""

    media_type = "application/geo+json"
    format = "geojson"


class CSVRenderer(BaseRenderer):
    """ACLED-codebook CSV. Listing views stream it themselves (StreamingHttpResponse); this
    renderer only exists so content negotiation can choose the format."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        # Never reached for rows (they stream) nor errors (the API answers those in JSON).
        return json.dumps(data).encode() if data is not None else b""


def acled_csv_chunks(events, *, rows_per_chunk: int = 500):
    """The ACLED header, then one row per event, as UTF-8 byte chunks: memory stays constant."""
    import csv
    import io
    from itertools import islice
    from operator import itemgetter

    from events.exports import CSV_COLUMNS, acled_row

    in_columns = itemgetter(*CSV_COLUMNS)  # a row's values in header order (DictWriter's per-row checks cost more)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    events = iter(events)
    while True:
        before = buffer.tell()
        writer.writerows(map(in_columns, map(acled_row, islice(events, rows_per_chunk))))
        if buffer.tell() == before:
            break
        yield buffer.getvalue().encode("utf-8")
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue().encode("utf-8")
