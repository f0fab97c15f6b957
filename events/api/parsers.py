"""Request body parsers with the limits a public API needs."""

import io

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

MAX_JSON_DEPTH = 32


class BoundedJSONParser(JSONParser):
    """JSON nested at most MAX_JSON_DEPTH deep: deeper bodies are a 400, never a RecursionError (a 500)."""

    def parse(self, stream, media_type=None, parser_context=None):
        data = stream.read()
        if _depth(data) > MAX_JSON_DEPTH:
            raise ParseError(f"JSON parse error - the body nests deeper than {MAX_JSON_DEPTH} levels.")
        try:
            return super().parse(io.BytesIO(data), media_type, parser_context)  # DRF's strict JSON (no NaN)
        except RecursionError:
            raise ParseError("JSON parse error - the body nests too deeply.") from None


def _depth(data: bytes) -> int:
    """The deepest bracket nesting, strings skipped: a linear scan that cannot recurse (skipped when the
    body holds too few brackets to nest that deep, as every ordinary upload does)."""
    if data.count(b"[") + data.count(b"{") <= MAX_JSON_DEPTH:
        return 0
    depth = deepest = 0
    in_string = escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest
