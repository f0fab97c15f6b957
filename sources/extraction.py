"""From an uploaded file to the plain text that is parsed: .txt, .html (trafilatura) and .pdf (pypdf).

Plain Python, no Django: each failure is an ExtractionError whose message can be shown to the user.
"""

import codecs
import datetime
import io
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePath

TEXT_EXTENSIONS = {".txt", ".text", ".md"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
PDF_EXTENSIONS = {".pdf"}
SUPPORTED = ".txt, .html or .pdf"
_BLANK_LINES = re.compile(r"\n{3,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.I)


class ExtractionError(ValueError):
    """The file cannot become article text; ``kind`` tells the caller which HTTP status fits."""

    def __init__(self, message: str, *, kind: str = "invalid"):
        super().__init__(message)
        self.kind = kind  # "invalid" (400) or "unsupported" (415)


@dataclass(frozen=True)
class ExtractedDocument:
    text: str
    content_type: str
    title: str = ""
    published_at: datetime.date | None = None
    publisher: str = ""
    url: str = ""


def clean_text(text: str) -> str:
    """Line endings, control characters and runs of blank lines tidied; nothing else touched."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


PDF = "application/pdf"
HTML = "text/html"
TEXT = "text/plain"
# Reading these takes a library and, on a hostile file, unbounded time: a worker does it, never a web request.
SLOW_TO_READ = (PDF, HTML)
# The PDF header may follow some junk bytes, which readers (and pypdf) tolerate.
_PDF_HEADER_WINDOW = 1024


def document_kind(*, filename: str, content: bytes, content_type: str = "") -> str:
    """PDF, HTML or TEXT, from the name (or, without an extension, the bytes and the declared type)."""
    extension = PurePath(filename or "").suffix.lower()
    if extension in PDF_EXTENSIONS or content.startswith(b"%PDF-"):
        return PDF
    if extension in HTML_EXTENSIONS or (not extension and "html" in content_type):
        return HTML
    if extension in TEXT_EXTENSIONS or (not extension and content_type.startswith("text/plain")):
        return TEXT
    raise ExtractionError(f"{filename or 'The file'} is not a supported type; upload {SUPPORTED}.", kind="unsupported")


def _kind_and_html(*, filename: str, content: bytes, content_type: str) -> tuple[str, str]:
    """The file's kind, after the checks that need no reading through; an HTML file's markup decoded once."""
    kind = document_kind(filename=filename, content=content, content_type=content_type)
    if kind == PDF and b"%PDF-" not in content[:_PDF_HEADER_WINDOW]:
        raise ExtractionError(f"{filename or 'The file'} is not a readable PDF (it has no PDF header).")
    return kind, _decode_html(content) if kind == HTML else ""


def check_document(*, filename: str, content: bytes, content_type: str = "") -> str:
    """What can be said of a file at once, without reading it through: its kind, or an ExtractionError."""
    return _kind_and_html(filename=filename, content=content, content_type=content_type)[0]


def extract_document(*, filename: str, content: bytes, content_type: str = "") -> ExtractedDocument:
    kind, html = _kind_and_html(filename=filename, content=content, content_type=content_type)
    if kind == PDF:
        document = _from_pdf(content)
    elif kind == HTML:
        document = html_to_document(html)
    else:
        document = ExtractedDocument(text=_decode_text(content), content_type=TEXT)
    text = clean_text(document.text)
    if not text:
        raise ExtractionError(f"{filename or 'The file'} holds no text to parse.")
    return ExtractedDocument(**{**document.__dict__, "text": text})


def document_metadata(*, filename: str, content: bytes, content_type: str = "") -> ExtractedDocument:
    """Title, publisher, date and URL a file states of itself, read without extracting its text (so quick
    enough for a web request): HTML's head, a PDF's document information; nothing for plain text."""
    kind, html = _kind_and_html(filename=filename, content=content, content_type=content_type)
    if kind == HTML:
        return _html_metadata(html)
    if kind == PDF:
        return _pdf_metadata(content)
    return ExtractedDocument(text="", content_type=TEXT)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode_text(content: bytes) -> str:
    for bom, encoding in _BOMS:  # UTF-32 first: its little-endian BOM starts like UTF-16's
        if content.startswith(bom):
            try:
                return content.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ExtractionError(
                    f"The file starts as {encoding.upper()} text but is not (invalid byte at position {exc.start})."
                ) from None
    if b"\x00" in content:
        raise ExtractionError("The file looks binary, not text; upload .txt, .html or .pdf.", kind="unsupported")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExtractionError(
            f"The file is not UTF-8 text (invalid byte at position {exc.start}); save it as UTF-8 and upload again."
        ) from None


def _html_encoding(content: bytes) -> str:
    declared = _META_CHARSET.search(content[:4096])
    return declared.group(1).decode("ascii") if declared else "utf-8"


def html_to_document(html: str, *, url: str = "") -> ExtractedDocument:
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html, url=url or None, with_metadata=True, include_comments=False, include_tables=False
    )
    if extracted is None or not (extracted.text or "").strip():
        raise ExtractionError("No article text could be found in the HTML.")
    return ExtractedDocument(
        text=extracted.text,
        content_type=HTML,
        title=(extracted.title or "").strip(),
        published_at=_iso_date(extracted.date),
        publisher=(extracted.sitename or "").strip(),
        url=url or (extracted.url or ""),
    )


def _decode_html(content: bytes) -> str:
    try:
        return content.decode(_html_encoding(content))
    except (UnicodeDecodeError, LookupError):
        raise ExtractionError("The HTML file's bytes do not match its declared encoding (or UTF-8).") from None


def _html_metadata(html: str) -> ExtractedDocument:
    from trafilatura import extract_metadata

    try:
        found = extract_metadata(html)
    except (ValueError, TypeError, RecursionError):
        found = None
    if found is None:
        return ExtractedDocument(text="", content_type=HTML)
    return ExtractedDocument(
        text="",
        content_type=HTML,
        title=(found.title or "").strip(),
        published_at=_iso_date(found.date),
        publisher=(found.sitename or "").strip(),
        url=found.url or "",
    )


# A news report is a few pages; a PDF of thousands is not one, and reading it would hold a worker for minutes.
MAX_PDF_PAGES = 200
MAX_PDF_CHARACTERS = 2_000_000


# pypdf raises many kinds on hostile files (a decompression bomb is LimitReachedError, a PyPdfError).
_PDF_READ_ERRORS = (ValueError, TypeError, KeyError, OSError, AttributeError, IndexError, ZeroDivisionError)


@contextmanager
def _reading_pdf():
    """Any error pypdf raises on a bad file becomes an ExtractionError the user can read."""
    from pypdf.errors import PyPdfError

    try:
        yield
    except ExtractionError:
        raise
    except RecursionError:
        raise ExtractionError("The PDF nests its content too deeply to be read.") from None
    except (PyPdfError, *_PDF_READ_ERRORS):
        raise ExtractionError("The file is not a readable PDF.") from None


def _pdf_reader(content: bytes):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    if reader.is_encrypted:
        raise ExtractionError("The PDF is encrypted; upload an unprotected copy.")
    return reader


def _pdf_title(reader) -> str:
    return str((reader.metadata.title or "") if reader.metadata else "").strip()


def _from_pdf(content: bytes) -> ExtractedDocument:
    with _reading_pdf():
        reader = _pdf_reader(content)
        if len(reader.pages) > MAX_PDF_PAGES:
            raise ExtractionError(
                f"The PDF has {len(reader.pages):,} pages; a report of at most {MAX_PDF_PAGES} is read."
            )
        pages, size = [], 0
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            size += len(pages[-1])
            if size > MAX_PDF_CHARACTERS:
                raise ExtractionError(
                    f"The PDF holds more than {MAX_PDF_CHARACTERS:,} characters of text; upload the report alone."
                )
        title = _pdf_title(reader)
    return ExtractedDocument(text="\n\n".join(pages), content_type=PDF, title=title)


def _pdf_metadata(content: bytes) -> ExtractedDocument:
    with _reading_pdf():
        return ExtractedDocument(text="", content_type=PDF, title=_pdf_title(_pdf_reader(content)))


def _iso_date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
