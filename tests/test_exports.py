"""The admin's CSV exports carry no live formulas, whichever report or listing writes them."""

import csv
import io

import pytest

from django.urls import reverse
from django.utils import timezone

from news.factories import NewsIndexPageFactory, NewsPageFactory
from portal.csv_exports import neutralised_csv
from search.views import count_search

FORMULA = '=hyperlink("http://x")'


@pytest.fixture
def admin(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", "root@x.org", "pw"))
    return client


def export(client, url):
    response = client.get(url, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode(response.charset)
    return list(csv.reader(io.StringIO(body, newline="")))


def test_searches_with_no_results_export_a_formula_query_as_text(admin, home):
    count_search(FORMULA, found=0)
    rows = export(admin, reverse("search_zero_result_queries"))
    assert rows[0] == ["Search term(s)", "Searches"]
    assert ["'" + FORMULA, "1"] in rows


def test_wagtails_own_reports_export_formula_titles_as_text(admin, home):
    index = NewsIndexPageFactory(parent=home)
    titles = ["=cmd|' /C calc'!A0", "@SUM(1+1)", "+1+2", "-1+2", "\t=1", "Plain title"]
    for title in titles:
        NewsPageFactory(
            parent=index, title=title, locked=True, locked_at=timezone.now(), locked_by=None
        )
    cells = {
        cell for row in export(admin, reverse("wagtailadmin_reports:locked_pages")) for cell in row
    }
    assert {"'" + title for title in titles[:-1]} <= cells
    assert "Plain title" in cells
    assert not any(cell.startswith(("=", "+", "-", "@", "\t")) for cell in cells)


def test_numbers_stay_numbers_and_rows_split_across_chunks_survive():
    body = 'café,-12,+3.5,"two\r\nlines",=1\r\n'.encode()
    chunks = [body[:4], body[4:20], body[20:]]  # inside "é", inside the quoted cell
    expected = 'café,-12,+3.5,"two\r\nlines",\'=1\r\n'.encode()
    assert b"".join(neutralised_csv(chunks, "utf-8")) == expected
