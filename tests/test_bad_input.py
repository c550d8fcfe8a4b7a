"""Bad input gets a 4xx or the page, never a 500 (issue 16, item 13).

First the requests that answered 500, then generated values for every GET parameter the site's
views read (found with `grep -rn request.GET`), for visitors and for a signed-in member.
"""

import pytest
from django_comments_xtd.forms import XtdCommentForm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.test import Client

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.factories import RegionFactory, SectorFactory, TopicFactory
from knowledge.factories import (
    EditorFactory,
    KnowledgeArticlePageFactory,
    KnowledgeIndexPageFactory,
)
from news.factories import NewsIndexPageFactory, NewsPageFactory

NUL = "\x00"
SUPERSCRIPT_TWO = "²"  # "²".isdigit() is true, int("²") raises ValueError
TOO_BIG = "9" * 25  # more than a 64-bit integer: SQLite raises OverflowError
FILTERED_LISTINGS = ["/search/", "/search/suggest/", "/news/", "/knowledge/", "/case-studies/"]


@pytest.fixture
def content(home):
    """A page of every listed type, tagged with a topic, a sector and a region."""
    topic = TopicFactory(name="Energy")
    news = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=news, topics=[topic], title="Data news")
    knowledge = KnowledgeIndexPageFactory(parent=home)
    article = KnowledgeArticlePageFactory(parent=knowledge, topics=[topic], title="Data sharing")
    CaseStudyPageFactory(
        parent=CaseStudyIndexPageFactory(parent=home),
        topics=[topic],
        sector=SectorFactory(name="Housing"),
        region=RegionFactory(name="North"),
    )
    return article


@pytest.fixture
def editor_client(client, db):
    client.force_login(EditorFactory())
    return client


# The requests that answered 500


@pytest.mark.parametrize("name", ["topic", "sector", "region", "lang", "type", "sort"])
def test_a_nul_in_a_listing_filter_reads_as_an_unknown_value(client, content, name):
    for url in FILTERED_LISTINGS:
        response = client.get(url, {"q": "data", name: NUL})
        assert response.status_code == 200, url


@pytest.mark.parametrize("url", ["/news/", "/knowledge/"])
def test_a_topic_holding_a_nul_is_an_unknown_topic(client, content, url):
    response = client.get(url, {"topic": f"energy{NUL}"})
    assert response.context["unknown_topic"] == "energy\ufffd"
    assert not response.context["active_topic"]


def test_a_search_filter_holding_a_nul_is_dropped(client, content):
    response = client.get("/search/", {"q": "data", "topic": f"energy{NUL}", "lang": NUL})
    assert response.context["filters"].active == {}


@pytest.mark.parametrize("page", [SUPERSCRIPT_TWO, TOO_BIG, "-1", NUL])
def test_an_odd_page_number_gives_a_page_of_results(client, content, page):
    for url in ["/search/", "/news/", "/knowledge/", "/case-studies/"]:
        response = client.get(url, {"q": "data", "page": page})
        assert response.status_code == 200, url


def test_a_year_that_is_not_a_number_is_ignored(client, content):
    response = client.get("/case-studies/", {"year": [SUPERSCRIPT_TWO, TOO_BIG, NUL, "2024"]})
    assert response.status_code == 200
    assert [year["value"] for year in response.context["filter"].facets[3].options] == [2024]
    assert response.context["filter"].facets[3].chosen == [2024]


def comment_client(content, member):
    """A client that went through the CSRF flow: signed in on the article, else on the login."""
    client = Client(enforce_csrf_checks=True)
    if member:
        client.force_login(member)
    client.get(content.url if member else "/accounts/login/")
    return client


def comment_data(client, article, **fields):
    return {
        **XtdCommentForm(article).initial,
        "comment": "Hello",
        "honeypot": "",
        "reply_to": 0,
        "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
        **fields,
    }


@pytest.mark.parametrize("field", ["object_pk", "reply_to"])
@pytest.mark.parametrize("value", [SUPERSCRIPT_TWO, TOO_BIG, NUL])
def test_a_member_commenting_on_an_odd_id_is_refused(content, member, field, value):
    client = comment_client(content, member)
    response = client.post("/comments/post/", comment_data(client, content, **{field: value}))
    assert response.status_code == 400


@pytest.mark.parametrize(
    "field",
    ["content_type", "timestamp", "security_hash", "comment", "name", "email", "url", "next"],
)
def test_a_member_comment_with_a_nul_in_any_field_is_no_error(content, member, field):
    client = comment_client(content, member)
    data = comment_data(client, content)
    data[field] = f"{data.get(field, '')}{NUL}"
    assert client.post("/comments/post/", data).status_code < 500


@pytest.mark.parametrize("field", ["object_pk", "reply_to"])
def test_a_visitor_commenting_on_an_odd_id_is_sent_to_log_in(content, field):
    client = comment_client(content, None)
    data = comment_data(client, content, **{field: SUPERSCRIPT_TWO})
    response = client.post("/comments/post/", data)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


@pytest.mark.parametrize("url", [f"/members/{TOO_BIG}/", f"/comments/flag/{TOO_BIG}/"])
def test_an_id_too_big_for_the_database_in_an_address_is_not_found(client, member, url):
    client.force_login(member)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("value", [SUPERSCRIPT_TWO, TOO_BIG, NUL, "x"])
@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/admin/choose-page/chosen-multiple/", "id"),
        ("/admin/choose-page/", "target_pages[]"),
        ("/admin/bulk/wagtailcore/page/delete/", "id"),
        ("/admin/bulk/wagtailcore/page/delete/", "childOf"),
        ("/admin/bulk/wagtailimages/image/delete/", "id"),
        ("/admin/api/main/pages/find/", "id"),
    ],
)
def test_the_admin_refuses_an_id_that_is_not_one(editor_client, content, url, name, value):
    assert editor_client.get(url, {name: value}).status_code == 400


def test_the_admin_views_that_check_ids_still_work(editor_client, content):
    assert editor_client.get("/admin/choose-page/chosen-multiple/", {"id": content.pk}).json()
    assert editor_client.get("/admin/choose-page/", {"target_pages[]": content.pk}).json()
    bulk = editor_client.get("/admin/bulk/wagtailcore/page/delete/", {"id": content.pk})
    assert content.title in bulk.content.decode()
    everything = editor_client.get("/admin/bulk/wagtailcore/page/delete/", {"id": "all"})
    assert everything.status_code == 200


def test_the_admin_still_asks_visitors_to_log_in(client, content):
    response = client.get("/admin/choose-page/chosen-multiple/", {"id": SUPERSCRIPT_TWO})
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


@pytest.mark.parametrize("name", ["search", "title", "locale", "type", "fields"])
def test_the_admin_api_refuses_a_nul_in_any_parameter(editor_client, content, name):
    response = editor_client.get("/admin/api/main/pages/", {name: NUL})
    assert response.status_code == 400
    assert editor_client.get("/admin/api/main/pages/", {"search": "data"}).status_code == 200


ADMIN_LISTINGS = [
    "/admin/snippets/home/topic/",
    "/admin/pages/",
    "/admin/pages/search/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/reports/site-history/",
    "/admin/reviews/",
    "/admin/members/choose/",
]


@pytest.mark.parametrize("url", ADMIN_LISTINGS)
def test_a_nul_in_an_admin_query_string_is_a_bad_request(editor_client, content, url):
    """PostgreSQL refused `?locale=%00` on the snippets listing (Wagtail reads the locale from
    the database as typed); a NUL in any admin query string now answers 400."""
    for query in [{"locale": NUL}, {"q": f"a{NUL}b"}, {f"p{NUL}": "1"}]:
        assert editor_client.get(url, query).status_code == 400


@pytest.mark.parametrize("url", ADMIN_LISTINGS)
def test_odd_admin_listing_parameters_are_no_error(editor_client, content, url):
    for query in [{"p": "abc"}, {"p": TOO_BIG}, {"ordering": ".."}, {"locale": "zz"}]:
        assert editor_client.get(url, query).status_code < 500


@pytest.mark.parametrize("url", ADMIN_LISTINGS)
def test_search_terms_longer_than_any_search_are_a_bad_request(editor_client, content, url):
    """Ten thousand characters of words exceeded Python's recursion limit in the search backend
    (a query node per word) on the snippets listing."""
    assert editor_client.get(url, {"q": "data " * 2000}).status_code == 400
    assert editor_client.get(url, {"q": "data " * 50}).status_code == 200


def test_the_admin_listings_still_filter_by_locale(editor_client, content):
    response = editor_client.get("/admin/snippets/home/topic/", {"locale": "en"})
    assert response.status_code == 200
    assert "Energy" in response.content.decode()


# Generated values for every GET parameter of every view

ODD_VALUES = st.sampled_from(
    [NUL, f"a{NUL}b", SUPERSCRIPT_TWO, "٣", "１２", "Ⅻ", TOO_BIG, "-1", "0", "+1", " 1", "1e3",
     "all", "", " ", "%00", "../", "\u202e", "\ufeff", "'\"<>", "a" * 5000]
)  # fmt: skip
TEXT = st.text(st.characters(blacklist_categories=["Cs"]), max_size=300)  # any UTF-8
DIGITS = st.text(st.characters(whitelist_categories=["Nd", "No", "Nl"]), min_size=1, max_size=6)
NUMBERS = st.integers(min_value=-(2**80), max_value=2**80).map(str)
VALUES = st.one_of(ODD_VALUES, TEXT, DIGITS, NUMBERS)


def queries(names):
    """Query strings over `names` (and one name no view reads), each given one to three times."""
    return st.dictionaries(
        st.sampled_from([*names, "unknown"]), st.lists(VALUES, min_size=1, max_size=3), max_size=4
    )


SEARCH = ["q", "topic", "sector", "region", "lang", "type", "sort", "page"]
PUBLIC_VIEWS = {
    "/": ["page", "q"],
    "/topics/": ["page"],
    "/topics/energy/": ["page"],
    "/news/": ["topic", "page"],
    "/knowledge/": ["topic", "page"],
    "/case-studies/": ["sector", "region", "topic", "year", "sort", "page"],
    "/search/": SEARCH,
    "/search/suggest/": SEARCH,
    "/members/join/": ["page"],
    "/accounts/login/": ["next"],
}
MEMBER_VIEWS = {
    "/members/": ["q", "topic", "region", "page"],
    "/members/profile/edit/": ["page"],
    "/knowledge/": ["topic", "page"],
    "/search/": SEARCH,
    "/search/suggest/": SEARCH,
}
BOUNDED = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def assert_never_a_server_error(client, url, query):
    response = client.get(url, query)
    assert response.status_code < 500, (url, query)


@pytest.mark.parametrize(("url", "names"), PUBLIC_VIEWS.items(), ids=list(PUBLIC_VIEWS))
@BOUNDED
@given(data=st.data())
def test_no_query_string_makes_a_public_view_fail(client, content, url, names, data):
    assert_never_a_server_error(client, url, data.draw(queries(names)))


@pytest.mark.parametrize(("url", "names"), MEMBER_VIEWS.items(), ids=list(MEMBER_VIEWS))
@BOUNDED
@given(data=st.data())
def test_no_query_string_makes_a_member_view_fail(client, content, member, url, names, data):
    client.force_login(member)
    assert_never_a_server_error(client, url, data.draw(queries(names)))


@BOUNDED
@given(number=st.integers(min_value=0, max_value=2**80))
def test_no_id_in_an_address_makes_a_member_view_fail(client, member, number):
    client.force_login(member)
    for url in [f"/members/{number}/", f"/comments/flag/{number}/"]:
        assert client.get(url).status_code in (200, 404), url
