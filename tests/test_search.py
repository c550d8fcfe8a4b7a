"""Site search: relevance, facets, highlighting, privacy, suggestions, promotions, bad input."""

import datetime
import io
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Locale, PageViewRestriction
from wagtail.search.backends import get_search_backend

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.factories import RegionFactory, SectorFactory, StandardPageFactory, TopicFactory
from home.pagination import PAGE_SIZE
from knowledge.factories import KnowledgeArticlePageFactory, KnowledgeIndexPageFactory
from news.factories import NewsPageFactory
from search.models import ZeroResultQuery
from search.views import count_search

URL = reverse("search")

# On the engine at SEARCH_URL too, when it is set (tests/conftest.py).
pytestmark = pytest.mark.live_search


def body(text):
    return [("paragraph", f"<p>{text}</p>")]


@pytest.fixture
def heat(db):
    return TopicFactory(name="Heat pumps", slug="heat-pumps")


AUTHOR = "Editorial team"


@pytest.fixture
def corpus(home, news_index, heat):
    """A small known set: the word "retrofit" in a title, in a summary and only in a body (news
    authors are named: a generated one may be called Hall)."""
    titled = NewsPageFactory(
        byline=AUTHOR,
        parent=news_index,
        title="Retrofit of the town hall",
        intro="A report.",
        body=body("Walls."),
    )
    summarised = NewsPageFactory(
        byline=AUTHOR,
        parent=news_index,
        title="Winter report",
        intro="How a retrofit cut bills.",
        body=body("Roofs."),
    )
    bodied = StandardPageFactory(
        parent=home,
        title="About us",
        intro="Who we are.",
        body=body("We once helped a retrofit project."),
    )
    tagged = NewsPageFactory(
        byline=AUTHOR,
        parent=news_index,
        title="Pumps in schools",
        intro="Nine schools.",
        body=body("x"),
    )
    tagged.topics.add(heat)
    pages = {"titled": titled, "summarised": summarised, "bodied": bodied, "tagged": tagged}
    for page in pages.values():
        page.save_revision().publish()
    return pages


def titles(response):
    return [item["page"].title for item in response.context["items"]]


def facet(response, name):
    for found in response.context["facets"]:
        if found["name"] == name:
            return {option["label"]: option["count"] for option in found["options"]}
    raise AssertionError(name)


def test_title_and_summary_outrank_body(client, corpus):
    found = titles(client.get(URL, {"q": "retrofit"}))
    assert set(found[:2]) == {"Retrofit of the town hall", "Winter report"}
    assert found[2] == "About us"


def test_stemmed_query_finds_the_root_word(client, corpus):
    response = client.get(URL, {"q": "retrofitting"})
    assert set(titles(response)) == {"Retrofit of the town hall", "Winter report", "About us"}


def test_topic_name_finds_tagged_pages(client, corpus):
    assert titles(client.get(URL, {"q": "heat pumps"}))[0] == "Pumps in schools"


def test_newest_sort_orders_by_publication(client, corpus):
    response = client.get(URL, {"q": "retrofit", "sort": "newest"})
    assert titles(response) == ["About us", "Winter report", "Retrofit of the town hall"]


def test_type_facet_counts_and_filter(client, corpus):
    response = client.get(URL, {"q": "retrofit"})
    assert facet(response, "type") == {"News items": 2, "Standard pages": 1}
    filtered = client.get(URL, {"q": "retrofit", "type": "home.standardpage"})
    assert titles(filtered) == ["About us"]
    assert facet(filtered, "type") == {"Standard pages": 1}


def test_topic_facet_counts_and_filter(client, corpus, heat):
    other = TopicFactory(name="Insulation", slug="insulation")
    corpus["titled"].topics.add(heat, other)
    corpus["titled"].save_revision().publish()
    response = client.get(URL, {"q": "retrofit"})
    assert facet(response, "topic") == {"Heat pumps": 1, "Insulation": 1}
    assert titles(client.get(URL, {"q": "retrofit", "topic": "insulation"})) == [
        "Retrofit of the town hall"
    ]
    assert facet(client.get(URL, {"topic": "heat-pumps"}), "topic") == {
        "Heat pumps": 2,
        "Insulation": 1,
    }


def test_language_facet_counts_current_locale_by_default(client, corpus):
    """Searching every language analyses the words in the searcher's language: "hall" stems
    alike in English and French (on PostgreSQL French pages are stemmed as French)."""
    french = Locale.objects.create(language_code="fr")
    corpus["titled"].copy_for_translation(french, copy_parents=True).save_revision().publish()
    assert facet(client.get(URL, {"q": "hall"}), "lang") == {"English": 1}
    everywhere = client.get(URL, {"q": "hall", "lang": "all"})
    assert facet(everywhere, "lang") == {"English": 1, "Français": 1}
    assert titles(client.get(URL, {"q": "retrofit", "lang": "fr"})) == ["Retrofit of the town hall"]


def test_unknown_facet_values_are_ignored(client, corpus):
    response = client.get(
        URL,
        {
            "q": "retrofit",
            "type": "nope.page",
            "topic": "nope",
            "sector": "x",
            "region": "y",
            "sort": "z",
        },
    )
    assert response.status_code == 200
    assert len(titles(response)) == 3


def test_sector_and_region_facets_are_empty_without_such_pages(client, corpus):
    SectorFactory(name="Housing", slug="housing")
    RegionFactory(name="North", slug="north")
    response = client.get(URL, {"q": "retrofit", "sector": "housing"})
    assert titles(response) == []
    assert facet(client.get(URL, {"q": "retrofit"}), "sector") == {}


def test_snippet_highlights_matches_and_escapes_html(client, news_index):
    NewsPageFactory(
        parent=news_index,
        title="Escaping",
        intro='The <script>alert("retrofit")</script> retrofitting & more.',
        body=body("x"),
    )
    response = client.get(URL, {"q": "retrofit"})
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;<mark>retrofit</mark>&quot;)&lt;/script&gt;" in html
    assert "<mark>retrofitting</mark> &amp; more." in html


def test_a_query_word_never_marks_part_of_an_escaped_character(client, news_index):
    NewsPageFactory(parent=news_index, title="Amplifiers", intro="Bass & amps.", body=body("x"))
    html = client.get(URL, {"q": "amp"}).content.decode()
    assert "Bass &amp; <mark>amps</mark>." in html


def test_a_snippet_from_a_rich_text_field_shows_its_characters_not_their_entities(client, home):
    study = CaseStudyPageFactory(
        parent=CaseStudyIndexPageFactory(parent=home),
        title="Depot",
        intro="A depot.",
        challenge="<p>Heat &amp; power for the <b>ferries</b>.</p>",
    )
    study.save_revision().publish()
    items = client.get(URL, {"q": "ferries"}).context["items"]
    assert [str(item["snippet"]) for item in items] == [
        "Heat &amp; power for the <mark>ferries</mark>."
    ]


def test_snippet_quotes_one_paragraph_of_the_page_never_its_topics(client, news_index, heat):
    """A page found through its topic's name shows its summary; a match in the body shows the
    paragraph it is in, never run into the next field."""
    page = NewsPageFactory(
        parent=news_index,
        title="Community buildings survey",
        intro="Members answered.",
        body=[("paragraph", "<p>First paragraph.</p>"), ("paragraph", "<p>Two wished.</p>")],
    )
    page.topics.add(heat)
    page.save_revision().publish()
    items = client.get(URL, {"q": "pumps"}).context["items"]
    assert [str(item["snippet"]) for item in items] == ["Members answered."]
    items = client.get(URL, {"q": "wished"}).context["items"]
    assert [str(item["snippet"]) for item in items] == ["Two <mark>wished</mark>."]


def test_pages_beyond_the_last_give_the_last_page(client, news_index):
    for number in range(14):
        NewsPageFactory(parent=news_index, title=f"Solar {number}", body=body("x"))
    response = client.get(URL, {"q": "solar", "page": "999"})
    assert response.context["results"].number == 2
    assert len(response.context["items"]) == 2


def test_empty_query_shows_browsing_entry_points(client, corpus):
    response = client.get(URL)
    assert response.status_code == 200
    assert "items" not in response.context
    html = response.content.decode()
    assert "?topic=heat-pumps" in html
    assert ">News</a>" in html


@pytest.fixture
def members_only(home, news_index, corpus):
    """A news page restricted to the Members and Editors groups, and a draft."""
    page = NewsPageFactory(parent=news_index, title="Private retrofit notes", body=body("secret"))
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(
        [Group.objects.get_or_create(name=name)[0] for name in ("Members", "Editors")]
    )
    draft = NewsPageFactory(
        parent=news_index, title="Draft retrofit plan", body=body("x"), live=False
    )
    return page, draft


def user_in(group_name):
    user = User.objects.create_user(group_name.lower(), password="x")
    user.groups.add(Group.objects.get_or_create(name=group_name)[0])
    return user


def test_visitor_never_sees_members_only_or_draft_pages(client, members_only):
    response = client.get(URL, {"q": "retrofit"})
    assert "Private retrofit notes" not in titles(response)
    assert "Draft retrofit plan" not in titles(response)
    assert facet(response, "type") == {"News items": 2, "Standard pages": 1}
    suggestions = client.get(reverse("search_suggest"), {"q": "priv"}).json()["results"]
    assert suggestions == []


@pytest.mark.parametrize("group_name", ["Members", "Editors"])
def test_member_and_editor_see_members_only_pages(client, members_only, group_name):
    client.force_login(user_in(group_name))
    response = client.get(URL, {"q": "retrofit"})
    assert "Private retrofit notes" in titles(response)
    assert "Draft retrofit plan" not in titles(response)
    assert facet(response, "type") == {"News items": 3, "Standard pages": 1}
    suggestions = client.get(reverse("search_suggest"), {"q": "priv"}).json()["results"]
    assert [s["title"] for s in suggestions] == ["Private retrofit notes"]


def test_logged_in_user_outside_the_groups_does_not_see_members_only_pages(client, members_only):
    client.force_login(User.objects.create_user("someone", password="x"))
    assert "Private retrofit notes" not in titles(client.get(URL, {"q": "retrofit"}))


def test_suggestions_complete_titles(client, corpus):
    response = client.get(reverse("search_suggest"), {"q": "retro"})
    assert response["Content-Type"] == "application/json"
    assert [s["title"] for s in response.json()["results"]] == ["Retrofit of the town hall"]
    assert (
        response.json()["results"][0]["url"].endswith("/retrofit-of-the-town-hall/")
        or response.json()["results"][0]["url"]
    )


def test_promoted_pages_come_first(client, corpus):
    assert "Our pick" not in client.get(URL, {"q": "retrofit"}).content.decode()
    query = Query.get("retrofit")
    promotion = SearchPromotion.objects.create(
        query=query, page=corpus["tagged"], sort_order=0, description="Our pick"
    )
    response = client.get(URL, {"q": "Retrofit"})
    html = response.content.decode()
    assert html.index("Our pick") < html.index("Retrofit of the town hall")
    assert html.index("Pumps in schools") < html.index("Winter report")
    promotion.delete()
    assert "Our pick" not in client.get(URL, {"q": "retrofit"}).content.decode()


def test_promotion_of_a_members_only_page_is_hidden_from_visitors(client, members_only):
    SearchPromotion.objects.create(query=Query.get("retrofit"), page=members_only[0], sort_order=0)
    assert client.get(URL, {"q": "retrofit"}).context["promotions"] == []


def test_every_query_is_logged_and_zero_results_recorded(client, corpus):
    client.get(URL, {"q": "retrofit"})
    client.get(URL, {"q": "Retrofit"})
    client.get(URL, {"q": "geothermal"})
    client.get(URL, {"q": "Geothermal "})
    assert QueryDailyHits.objects.get(query__query_string="retrofit").hits == 2
    zero = ZeroResultQuery.objects.get()
    assert (zero.daily_hits.query.query_string, zero.daily_hits.hits, zero.hits) == (
        "geothermal",
        2,
        2,
    )


def test_facets_use_a_fixed_number_of_queries(
    client, news_index, heat, django_assert_max_num_queries
):
    for number in range(30):
        page = NewsPageFactory(parent=news_index, title=f"Wind {number}", body=body("x"))
        page.topics.add(heat)
    with django_assert_max_num_queries(30):
        client.get(URL, {"q": "wind"})


QUERIES = st.one_of(
    st.sampled_from(
        [
            "",
            "x" * 10_000,
            "\x00",
            '- " * : \\ ( ) AND OR NOT ~ ^',
            "-Data",
            "Data-X.2",
            "énergie 日本",
            "retrofti",
        ]
    ),
    st.text(max_size=300),
)
PARAMETER_VALUES = st.one_of(
    st.sampled_from(
        ["", "-1", "abc", "²", "99999999", "\x00", "x" * 10_000, "heat-pumps", "all", "fr", "٣"]
    ),
    st.text(max_size=40),
    st.integers().map(str),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=QUERIES)
def test_any_query_returns_a_page(client, corpus, query):
    assert client.get(URL, {"q": query}).status_code == 200
    assert client.get(reverse("search_suggest"), {"q": query}).status_code == 200


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.sampled_from(["type", "topic", "sector", "region", "lang", "sort", "page"]),
    value=PARAMETER_VALUES,
    query=st.sampled_from(["", "retrofit", "retrofit schools", "\x00"]),
)
def test_any_facet_sort_or_page_value_returns_a_page(client, corpus, name, value, query):
    assert client.get(URL, {"q": query, name: value}).status_code == 200
    assert client.get(reverse("search_suggest"), {"q": query, name: value}).status_code == 200


def test_one_misspelled_word_still_finds_its_page_and_offers_the_correction(client, corpus):
    response = client.get(URL, {"q": "retrofti hall"})
    assert titles(response)[0] == "Retrofit of the town hall"
    if hasattr(get_search_backend(), "word_query"):
        # The engine's own fuzziness found it (search/engine.py): there is nothing to correct.
        assert not response.context["correction"]
        return
    assert response.context["correction"] == "retrofit hall"
    assert "Did you mean" in response.content.decode()


def test_a_correction_never_offers_a_word_only_a_members_only_page_holds(client, corpus):
    """The vocabulary is public pages' words: "Did you mean" is shown to visitors too."""
    page = NewsPageFactory(parent=corpus["titled"].get_parent(), title="Quarterly zyxwvutrix")
    client.get(URL, {"q": "zyxwvutrex"})  # the vocabulary is built before the restriction
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(URL, {"q": "zyxwvutrex"})
    assert "zyxwvutrix" not in response.content.decode()
    assert not response.context["correction"]


def test_plural_and_other_inflections_find_the_word(client, corpus):
    for query in ("retrofits", "retrofitted", "pump"):
        assert titles(client.get(URL, {"q": query})), query


def test_pages_matching_most_words_follow_the_pages_matching_every_word(client, corpus):
    both = NewsPageFactory(
        parent=corpus["titled"].get_parent(), title="Schools plan", intro="A retrofit for all."
    )
    both.save_revision().publish()
    found = titles(client.get(URL, {"q": "retrofit schools"}))
    assert found[0] == "Schools plan"
    assert set(found[1:]) == {
        "Retrofit of the town hall",
        "Winter report",
        "About us",
        "Pumps in schools",
    }


def test_a_search_is_never_stored_by_a_shared_cache_so_each_is_counted(client, corpus):
    response = client.get(URL, {"q": "retrofit"})
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    browsing = client.get(URL)  # without a query: nothing to count, so it may be cached
    assert "no-store" not in browsing.get("Cache-Control", "")


@pytest.fixture
def admin_client(client, db):
    client.force_login(User.objects.create_superuser("admin", "admin@example.com", "x"))
    return client


def searches_with_no_results(query_string, date, hits):
    daily_hits = QueryDailyHits.objects.create(query=Query.get(query_string), date=date, hits=hits)
    return ZeroResultQuery.objects.create(daily_hits=daily_hits, hits=hits)


def test_zero_result_report_lists_content_gaps_in_the_chosen_period(admin_client):
    searches_with_no_results("geothermal", "2026-03-02", 4)
    searches_with_no_results("geothermal", "2026-03-03", 1)
    searches_with_no_results("biochar", "2026-01-01", 9)
    url = reverse("search_zero_result_queries")
    response = admin_client.get(url, {"date_from": "2026-03-01", "date_to": "2026-03-31"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "geothermal" in html
    assert "biochar" not in html
    assert [(row["query_string"], row["_hits"]) for row in response.context["object_list"]] == [
        ("geothermal", 5)
    ]


def test_wagtails_garbage_collection_deletes_searches_with_no_results_with_its_daily_hits(
    db, settings
):
    settings.WAGTAILSEARCH_HITS_MAX_AGE = 7
    today = timezone.now().date()
    for query_string, age in (("biochar", 8), ("geothermal", 7), ("peat", 0)):
        searches_with_no_results(query_string, today - datetime.timedelta(age), 1)
    call_command("searchpromotions_garbage_collect", stdout=io.StringIO())
    kept = ["geothermal", "peat"]
    found = ZeroResultQuery.objects.values_list("daily_hits__query__query_string", flat=True)
    assert sorted(found) == kept


def test_search_terms_report_counts_each_day_of_the_chosen_period_once(admin_client):
    """Wagtail 8's own report sums every day of a query the period includes (14 here)."""
    searches_with_no_results("geothermal", "2026-03-02", 4)
    searches_with_no_results("geothermal", "2026-03-03", 1)
    QueryDailyHits.objects.create(query=Query.get("geothermal"), date="2026-01-01", hits=9)
    QueryDailyHits.objects.create(query=Query.get("biochar"), date="2026-01-01", hits=9)
    period = {"date_from": "2026-03-01", "date_to": "2026-03-31"}
    response = admin_client.get(reverse("search_terms"), period)
    assert [(row["query_string"], row["_hits"]) for row in response.context["object_list"]] == [
        ("geothermal", 5)
    ]


def test_a_repeated_search_is_counted_in_one_statement_per_count(db, django_assert_num_queries):
    for _ in range(2):
        count_search("geothermal", found=0)
    with django_assert_num_queries(2):  # Wagtail's daily hits, and ours of no results
        count_search("Geothermal ", found=0)
    with django_assert_num_queries(1):
        count_search("geothermal", found=3)
    day = QueryDailyHits.objects.get()
    assert (day.query.query_string, day.hits, day.zero_results.hits) == ("geothermal", 4, 3)


@pytest.mark.parametrize("report", ["search_terms", "search_zero_result_queries"])
def test_editors_who_manage_promotions_read_the_search_reports(client, db, report):
    searches_with_no_results("geothermal", timezone.now().date(), 2)
    editor = user_in("Editors")
    client.force_login(editor)
    assert "geothermal" in client.get(reverse(report)).content.decode()
    assert reverse(report) in client.get(reverse("wagtailadmin_home")).content.decode()


def test_superusers_see_one_search_terms_report_ours(admin_client):
    menu = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("search_terms") in menu
    assert reverse("wagtailsearchpromotions:search_terms") not in menu


@pytest.mark.parametrize("report", ["search_terms", "search_zero_result_queries"])
def test_search_reports_are_refused_to_members(client, db, report):
    member = user_in("Members")
    client.force_login(member)
    assert reverse(report) not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(reverse(report)).status_code in (302, 403)


@pytest.fixture
def library(home, heat):
    """A case study and two knowledge articles (one members-only), all about boreholes."""
    study = CaseStudyPageFactory(
        parent=CaseStudyIndexPageFactory(parent=home),
        title="A warmer hall",
        intro="Boreholes under the car park.",
        organisation_name="Northfield Energy Trust",
        sector=SectorFactory(name="Housing", slug="housing"),
        region=RegionFactory(name="North", slug="north"),
        topics=[heat],
    )
    knowledge = KnowledgeIndexPageFactory(parent=home)
    guide = KnowledgeArticlePageFactory(
        parent=knowledge, title="Borehole drilling guide", intro="What it costs."
    )
    private = KnowledgeArticlePageFactory(
        parent=knowledge, title="Borehole supplier notes", intro="Who to call.", members_only=True
    )
    for page in (study, guide, private):
        page.save_revision().publish()
    return study, guide, private


def test_organisation_name_finds_its_case_study(client, library):
    assert titles(client.get(URL, {"q": "northfield"})) == ["A warmer hall"]


def test_case_studies_and_knowledge_articles_are_counted_in_every_facet(client, library):
    response = client.get(URL, {"q": "boreholes"})
    assert set(titles(response)) == {"A warmer hall", "Borehole drilling guide"}
    assert facet(response, "type") == {"Case studies": 1, "Knowledge articles": 1}
    assert facet(response, "topic") == {"Heat pumps": 1}
    assert facet(response, "sector") == {"Housing": 1}
    assert facet(response, "region") == {"North": 1}
    assert facet(response, "lang") == {"English": 2}
    for name, value in (("sector", "housing"), ("region", "north"), ("topic", "heat-pumps")):
        assert titles(client.get(URL, {"q": "boreholes", name: value})) == ["A warmer hall"]
    assert titles(
        client.get(URL, {"q": "boreholes", "type": "knowledge.knowledgearticlepage"})
    ) == ["Borehole drilling guide"]


@pytest.mark.parametrize(
    "group_name,sees_private", [(None, False), ("Members", True), ("Editors", True)]
)
def test_members_only_article_reaches_members_and_editors_only(
    client, library, group_name, sees_private
):
    if group_name:
        client.force_login(user_in(group_name))
    response = client.get(URL, {"q": "boreholes"})
    assert ("Borehole supplier notes" in titles(response)) is sees_private
    assert facet(response, "type")["Knowledge articles"] == (2 if sees_private else 1)
    html = response.content.decode()
    assert ("Who to call" in html) is sees_private
    suggestions = client.get(reverse("search_suggest"), {"q": "borehole"}).json()["results"]
    assert ("Borehole supplier notes" in [s["title"] for s in suggestions]) is sees_private


def test_plural_query_finds_the_singular_and_the_plural(client, library):
    found = set(titles(client.get(URL, {"q": "boreholes"})))
    assert found == {"A warmer hall", "Borehole drilling guide"}


@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_results_page_through_every_match_once_and_past_the_end_give_the_last_page(
    client, news_index, sort
):
    for number in range(PAGE_SIZE + 3):
        title = f"Loft report {number}" if number % 2 else f"Report {number}"
        NewsPageFactory(
            parent=news_index, title=title, body=body("Loft insulation.")
        ).save_revision().publish()
    first = client.get(URL, {"q": "loft", "sort": sort})
    second = client.get(URL, {"q": "loft", "sort": sort, "page": 2})
    assert first.context["results"].paginator.count == PAGE_SIZE + 3
    assert len(titles(first)) == PAGE_SIZE
    assert len(titles(second)) == 3
    assert len(set(titles(first) + titles(second))) == PAGE_SIZE + 3
    if sort == "relevance":
        assert all(title.startswith("Loft") for title in titles(first)[: (PAGE_SIZE + 3) // 2])
    for beyond in ("3", "999", "10000000000000000000000"):
        last = client.get(URL, {"q": "loft", "sort": sort, "page": beyond})
        assert last.status_code == 200
        assert titles(last) == titles(second)
    assert titles(client.get(URL, {"q": "loft", "sort": sort, "page": "x"})) == titles(first)


@pytest.mark.skipif(
    bool(os.environ.get("SEARCH_URL")), reason="the engine counts every match in its one request"
)
def test_pages_matching_some_words_are_counted_up_to_a_bound_and_the_page_says_more(
    client, news_index, monkeypatch
):
    for number in range(PAGE_SIZE):
        NewsPageFactory(
            parent=news_index, title=f"Loft insulation {number}", body=body("Loft insulation.")
        ).save_revision().publish()
    for number in range(5):
        NewsPageFactory(
            parent=news_index, title=f"Loft ladder {number}", body=body("A loft ladder.")
        ).save_revision().publish()
    monkeypatch.setattr("search.query.PARTIAL_COUNTED", 3)
    bounded = client.get(URL, {"q": "loft insulation"})
    assert bounded.context["results"].paginator.count == PAGE_SIZE + 3
    assert f"More than {PAGE_SIZE + 3} results" in bounded.content.decode()
    monkeypatch.setattr("search.query.PARTIAL_COUNTED", 1000)
    every = client.get(URL, {"q": "loft insulation"})
    assert every.context["results"].paginator.count == PAGE_SIZE + 5
    assert "More than" not in every.content.decode()
