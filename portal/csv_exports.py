"""Spreadsheet exports from the admin never carry a live formula (CSV injection).

Every admin listing and report exports through Wagtail's SpreadsheetExportMixin, which turns
formulas into text in XLSX files but writes CSV cells as they are: a search query, a page title or
a name starting with `=` becomes a formula in the editor's spreadsheet. Wagtail has no hook that
all of its views share, so this middleware rewrites every CSV export the admin answers, as it
streams.
"""

import codecs
import csv
import io
import re

from django.urls import reverse

# Spreadsheets read these as the start of a formula (OWASP's list, with tab and carriage return).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def neutralise(cell):
    """Text a spreadsheet would run as a formula gets a leading apostrophe; numbers stay numbers."""
    if cell.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def text_lines(chunks, charset):
    """The lines of a response's body as they arrive, each with its line ending."""
    decoder = codecs.getincrementaldecoder(charset)()
    pending = ""
    for chunk in chunks:
        pending += decoder.decode(chunk)
        lines = io.StringIO(pending, newline="").readlines()
        # A line without "\n" may continue in the next chunk ("\r" then "\n" included).
        pending = lines.pop() if lines and not lines[-1].endswith("\n") else ""
        yield from lines
    pending += decoder.decode(b"", final=True)
    if pending:
        yield pending


def neutralised_csv(chunks, charset):
    """Rows of a CSV body (in the csv module's default dialect, as Wagtail writes it) with every
    cell neutralised, one encoded row at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in csv.reader(text_lines(chunks, charset)):
        writer.writerow([neutralise(cell) for cell in row])
        yield buffer.getvalue().encode(charset)
        buffer.seek(0)
        buffer.truncate()


class NeutraliseCsvExportsMiddleware:
    """`neutralised_csv` on the admin's CSV exports (`?export=csv`, as Wagtail asks for them)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.GET.get("export") == "csv"
            and response.get("Content-Type", "").startswith("text/csv")
            and request.path.startswith(reverse("wagtailadmin_home"))
        ):
            if response.streaming:
                response.streaming_content = neutralised_csv(
                    response.streaming_content, response.charset
                )
            else:
                response.content = b"".join(neutralised_csv([response.content], response.charset))
        return response
