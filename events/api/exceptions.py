"""Every API error is JSON: {"detail": "what went wrong"}, plus "errors" (field → messages)
for invalid input. Service exceptions map to their HTTP status here, so views stay thin."""

import logging

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, UnreadablePostError
from rest_framework import exceptions, status
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from events.selectors import EventMergedAway
from events.services import EventRuleError, StaleEdit
from sources.extraction import ExtractionError
from sources.services import ArticleBusy, ArticleLanguageError, ArticleTooLarge

logger = logging.getLogger("events.api")


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "too_large"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The resource was changed by someone else."
    default_code = "conflict"


def _messages(errors, path: str = "") -> list[str]:
    """Flatten DRF's nested error structure into "field: message" lines."""
    if isinstance(errors, dict):
        return [
            line for key, value in errors.items() for line in _messages(value, f"{path}.{key}" if path else str(key))
        ]
    if isinstance(errors, list):
        if all(not isinstance(item, (dict, list)) for item in errors):
            prefix = "" if path in ("", "non_field_errors") else f"{path}: "
            return [f"{prefix}{item}" for item in errors]
        return [line for index, item in enumerate(errors) for line in _messages(item, f"{path}[{index}]")]
    prefix = "" if path in ("", "non_field_errors") else f"{path}: "
    return [f"{prefix}{errors}"]


def _validation_body(detail) -> dict:
    if isinstance(detail, dict):
        lines = _messages(detail)
        return {"detail": " ".join(lines[:5]) or "Invalid input.", "errors": detail}
    lines = _messages(detail)
    return {"detail": " ".join(lines[:5]) or "Invalid input."}


def _translate(exc: Exception) -> Exception:
    """Domain and Django exceptions as the DRF exceptions carrying the right status."""
    if isinstance(exc, EventRuleError):
        return exceptions.ValidationError({exc.field: [exc.message]} if exc.field else {"detail": exc.message})
    if isinstance(exc, ArticleTooLarge):
        return PayloadTooLarge(str(exc))
    if isinstance(exc, ArticleLanguageError):
        return exceptions.ValidationError({"language": [str(exc)]})
    if isinstance(exc, ArticleBusy):
        return Conflict(str(exc))
    if isinstance(exc, ExtractionError):
        if exc.kind == "unsupported":
            return exceptions.UnsupportedMediaType(media_type="", detail=str(exc))
        return exceptions.ValidationError({"detail": str(exc)})
    if isinstance(exc, RequestDataTooBig):
        return PayloadTooLarge("The request body is larger than this server accepts.")
    if isinstance(exc, UnreadablePostError):
        return exceptions.ParseError("The request body could not be read.")
    if isinstance(exc, SuspiciousOperation):
        return exceptions.ParseError(str(exc) or "The request was refused as malformed.")
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError({"detail": " ".join(exc.messages)})
    if isinstance(exc, ObjectDoesNotExist) and not isinstance(exc, EventMergedAway):
        return exceptions.NotFound(str(exc) or "Not found.")
    return exc


def api_exception_handler(exc: Exception, context: dict) -> Response:
    if isinstance(exc, EventMergedAway):
        return Response({"detail": str(exc), "merged_into": exc.merged_into}, status=status.HTTP_404_NOT_FOUND)
    if isinstance(exc, StaleEdit):  # the version to read again, so a client can tell what moved on
        set_rollback()
        return Response({"detail": exc.message, "version": exc.current_version}, status=status.HTTP_409_CONFLICT)
    exc = _translate(exc)
    if isinstance(exc, (Http404, PermissionDenied, exceptions.APIException)):
        response = drf_exception_handler(exc, context)
        if isinstance(exc, exceptions.ValidationError):
            detail = exc.detail
            if isinstance(detail, dict) and set(detail) == {"detail"}:
                response.data = {"detail": " ".join(_messages(detail["detail"]))}
            else:
                response.data = _validation_body(response.data)
        elif isinstance(exc, Http404):
            response.data = {"detail": str(exc) or "Not found."}
        return response
    # A bug, not bad input: log it with its traceback and answer in JSON all the same.
    view = context.get("view")
    logger.error("Unhandled error in %s", type(view).__name__ if view else "the API", exc_info=exc)
    set_rollback()
    return Response(
        {"detail": "Internal server error; it has been logged."}, status=status.HTTP_500_INTERNAL_SERVER_ERROR
    )


class ApiContentNegotiation(DefaultContentNegotiation):
    """An unknown ?format= is a 400 that lists the formats, not DRF's bare 404."""

    def filter_renderers(self, renderers, format):
        chosen = [renderer for renderer in renderers if renderer.format == format]
        if not chosen:
            known = ", ".join(renderer.format for renderer in renderers)
            raise exceptions.ValidationError(
                {"format": [f"Unknown format “{format}”; this endpoint answers in: {known}."]}
            )
        return chosen
