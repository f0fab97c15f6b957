import io

import pytest

from sources.extraction import ExtractionError, clean_text, extract_document

HOSTILE_HTML = b"""<html><head><title>Clashes in the north</title><meta property="og:site_name" content="Example Wire">
<meta name="date" content="2024-07-28"></head><body><article><h1>Clashes in the north</h1>
<p>Fighting broke out near the border town on Saturday, officials said, and several vehicles were destroyed.</p>
<script>alert('owned')</script>
<p>The army said <img src=x onerror="alert(1)"> two soldiers were killed in the clashes.</p>
</article></body></html>"""


def make_pdf(text: str) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=612, height=792)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    stream = DecodedStreamObject()
    stream.set_data(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_it_reads_utf8_text_files_and_tidies_line_endings():
    document = extract_document(
        filename="report.txt", content="\ufeffLine one.\r\n\r\n\r\n\r\nLine two — é.  ".encode("utf-8")
    )
    assert document.text == "Line one.\n\nLine two — é."
    assert document.content_type == "text/plain"


def test_it_refuses_text_that_is_not_utf8_with_a_clear_reason():
    with pytest.raises(ExtractionError, match="not UTF-8"):
        extract_document(filename="report.txt", content="Ségou".encode("latin-1"))


def test_it_refuses_unsupported_types_as_such():
    with pytest.raises(ExtractionError) as error:
        extract_document(filename="photo.png", content=b"\x89PNG\r\n")
    assert error.value.kind == "unsupported"


def test_it_refuses_a_file_with_no_text():
    with pytest.raises(ExtractionError, match="no text"):
        extract_document(filename="blank.txt", content=b"  \n\n ")


def test_it_extracts_the_article_from_html_without_scripts_and_reads_its_metadata():
    document = extract_document(filename="page.html", content=HOSTILE_HTML)
    assert "two soldiers were killed" in document.text
    assert "alert" not in document.text and "onerror" not in document.text
    assert document.title == "Clashes in the north"
    assert document.publisher == "Example Wire"
    assert str(document.published_at) == "2024-07-28"


def test_it_extracts_text_from_a_pdf():
    document = extract_document(filename="report.pdf", content=make_pdf("Two soldiers were killed near the town."))
    assert "Two soldiers were killed near the town." in document.text
    assert document.content_type == "application/pdf"


def test_a_broken_pdf_is_refused_clearly():
    with pytest.raises(ExtractionError, match="not a readable PDF"):
        extract_document(filename="report.pdf", content=b"%PDF-1.4 garbage")


def test_clean_text_drops_control_characters():
    assert clean_text("a\x00b\x07c\n\n\n\nd") == "abc\n\nd"
