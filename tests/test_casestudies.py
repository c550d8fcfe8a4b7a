"""Case studies: page rules, the case study page, faceted browsing, related case studies."""

import io
import json
import re

import pytest
import wagtail_factories

from django.contrib.auth import get_user_model

from wagtail.models import Page, PageViewRestriction

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from casestudies.models import CaseStudyIndexPage, CaseStudyPage, CaseStudyRelatedLink
from demo import casestudies as casestudies_demo
from demo import home as home_demo
from demo.management.commands.load_demo_content import Demo
from home.factories import ImageFactory, RegionFactory, SectorFactory, TopicFactory
from home.models import HomePage, HomePageFeatured, StandardPage


@pytest.fixture
def index(home):
    return CaseStudyIndexPageFactory(parent=home)


@pytest.fixture
def terms(db):
    return {
        "council": SectorFactory(name="Local government", slug="council"),
        "charity": SectorFactory(name="Voluntary sector", slug="charity"),
        "unused": SectorFactory(name="Education", slug="education"),
        "wales": RegionFactory(name="Wales"),
        "ontario": RegionFactory(name="Ontario", country="Canada"),
        "transport": TopicFactory(name="Transport"),
        "waste": TopicFactory(name="Waste"),
        "energy": TopicFactory(name="Energy"),
    }


@pytest.fixture
def library(index, terms):
    """Five case studies with known facets, plus a draft and a private one that must never show."""
    t = terms
    rows = [
        ("Bike share", "council", "ontario", ["transport"], 2023),
        ("Food waste", "council", "wales", ["waste"], 2024),
        ("Retrofit", "council", "wales", ["energy", "waste"], 2023),
        ("Repair cafe", "charity", "wales", ["waste"], 2022),
        ("Heat pumps", "charity", "ontario", ["energy"], 2024),
    ]
    pages = {
        title: CaseStudyPageFactory(
            parent=index,
            title=title,
            sector=t[sector],
            region=t[region],
            year=year,
            topics=[t[name] for name in topics],
        )
        for title, sector, region, topics, year in rows
    }
    CaseStudyPageFactory(parent=index, title="Draft plan", sector=t["council"], live=False)
    private = CaseStudyPageFactory(parent=index, title="Board only", sector=t["council"])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return pages


def titles(response):
    return {page.title for page in response.context["case_studies"]}


def counts(response, facet_name):
    facet = next(f for f in response.context["filter"].facets if f.name == facet_name)
    return {option["value"]: option["count"] for option in facet.options}


# Page rules


def test_case_study_index_lives_under_home_and_holds_only_case_studies(index):
    assert CaseStudyIndexPage.can_create_at(index.get_parent())
    assert CaseStudyIndexPage.allowed_parent_page_models() == [HomePage]
    assert CaseStudyIndexPage.allowed_subpage_models() == [CaseStudyPage]


def test_case_studies_live_only_in_a_case_study_index_and_have_no_children(index, home):
    assert CaseStudyPage.can_create_at(index)
    assert not CaseStudyPage.can_create_at(home)
    assert not CaseStudyPage.can_create_at(StandardPage(title="About"))
    assert CaseStudyPage.allowed_subpage_models() == []


# The case study page


def test_every_field_of_a_case_study_renders(client, index, terms):
    member = get_user_model().objects.create_user("ana", "ana@example.org", first_name="Ana")
    document = wagtail_factories.DocumentFactory(title="Briefing paper")
    picture = ImageFactory(title="Volunteers at the depot")
    other = CaseStudyPageFactory(parent=index, title="Chosen by the editors")
    page = CaseStudyPageFactory(
        parent=index,
        title="Halving food waste",
        intro="Kitchens weighed their waste every day.",
        organisation_name="Riverside Schools",
        organisation_kind=CaseStudyPage.OrganisationKind.COUNCIL,
        organisation_size=CaseStudyPage.OrganisationSize.LARGE,
        organisation_website="https://riverside.example.org/",
        sector=terms["council"],
        region=terms["ontario"],
        year=2024,
        challenge="<p>Nobody knew which dishes were thrown away.</p>",
        approach="<p>Staff weighed waste by dish.</p>",
        outcomes="<p>Menus changed within weeks.</p>",
        results=[("result", {"value": "45%", "label": "less food wasted"})],
        lessons="<p>Kitchen staff must own the numbers.</p>",
        pros=[("point", "Cheap to start")],
        cons=[("point", "Weighing is tedious")],
        partners=[("partner", {"name": "Second Harvest", "role": "surplus food", "website": ""})],
        contact_role="Sustainability lead",
        contact_email="lead@riverside.example.org",
        contact_user=member,
        gallery=[
            {
                "type": "image",
                "value": {
                    "image": {
                        "image": picture.pk,
                        "alt_text": "Kitchen scales",
                        "decorative": False,
                    },
                    "caption": "Weighing the waste",
                },
            }
        ],
        documents=[("document", {"document": document, "title": ""})],
        topics=[terms["waste"]],
    )
    CaseStudyRelatedLink.objects.create(source=page, page=other)

    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    for text in [
        "Halving food waste",
        "Kitchens weighed their waste every day.",
        '<a href="https://riverside.example.org/">Riverside Schools</a>',
        "Council or city government",
        "250 staff or more",
        f'href="{index.url}?sector=council">Local government</a>',
        f'href="{index.url}?region=ontario">Ontario</a>, Canada',
        f'href="{index.url}?year=2024">2024</a>',
        "The challenge",
        "Nobody knew which dishes were thrown away.",
        "Staff weighed waste by dish.",
        "Menus changed within weeks.",
        "45%",
        "less food wasted",
        "Kitchen staff must own the numbers.",
        "Cheap to start",
        "Weighing is tedious",
        "Second Harvest",
        "surplus food",
        'alt="Kitchen scales"',
        "Weighing the waste",
        "Briefing paper",
        document.url,
        "Ana, Sustainability lead",
        "mailto:lead@riverside.example.org",
        'href="/topics/waste/">Waste</a>',
        "Chosen by the editors",
        f'<link rel="canonical" href="{page.full_url}">',
        '<meta name="description" content="Kitchens weighed their waste every day.">',
        '<meta property="og:title" content="Halving food waste">',
    ]:
        assert text in html, text


def test_case_study_describes_itself_in_json_ld(client, index, terms):
    page = CaseStudyPageFactory(
        parent=index,
        title="Bike share </script> for all",
        organisation_name="City Transport",
        organisation_website="https://transport.example.gov/",
        sector=terms["council"],
        region=terms["wales"],
        topics=[terms["transport"]],
    )
    html = client.get(page.url).content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "Article"
    assert data["headline"] == "Bike share </script> for all"
    assert data["url"] == page.full_url
    assert data["about"] == [{"@type": "Thing", "name": "Transport"}]
    assert data["sourceOrganization"]["name"] == "City Transport"
    assert data["spatialCoverage"]["name"] == "Wales"


def test_case_study_without_optional_fields_has_no_empty_headings(client, index):
    page = CaseStudyPageFactory(
        parent=index, title="Bare", organisation_name="Small Group", challenge="", approach=""
    )
    page.year = None
    page.organisation_kind = page.organisation_size = ""
    page.save_revision().publish()
    # The page's own content: the footer always lists the site's topics.
    html = client.get(page.url).content.decode().split("<main")[1].split("</main>")[0]
    assert "Small Group" in html
    for heading in [
        "The challenge",
        "The approach",
        "Outcomes",
        "Lessons learned",
        "Pros and cons",
        "Partners",
        "Gallery",
        "Documents",
        "Contact",
        "Topics",
        "Related case studies",
        "<dt>Sector",
        "<dt>Region",
        "<dt>Year",
    ]:
        assert heading not in html, heading


def test_related_case_studies_put_editors_choices_first_and_skip_self_and_hidden(index, terms):
    own = CaseStudyPageFactory(parent=index, title="Own", topics=[terms["waste"], terms["energy"]])
    chosen = CaseStudyPageFactory(parent=index, title="Chosen")
    two_topics = CaseStudyPageFactory(
        parent=index, title="Two topics", topics=[terms["waste"], terms["energy"]]
    )
    CaseStudyPageFactory(parent=index, title="One topic", topics=[terms["waste"]])
    CaseStudyPageFactory(parent=index, title="Unrelated", topics=[terms["transport"]])
    draft = CaseStudyPageFactory(parent=index, title="Draft", topics=[terms["waste"]])
    draft.unpublish()
    private = CaseStudyPageFactory(parent=index, title="Private", topics=[terms["waste"]])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    for target in [own, draft, chosen]:
        CaseStudyRelatedLink.objects.create(source=own, page=target)

    related = [page.title for page in own.related_case_studies(count=3)]
    assert related == ["Chosen", "Two topics", "One topic"]
    assert two_topics.related_case_studies(count=10)[0].title == "Own"
    assert {p.title for p in own.related_case_studies(count=10)} == {
        "Chosen",
        "Two topics",
        "One topic",
    }


def test_related_case_studies_are_completed_by_sector(index, terms):
    page = CaseStudyPageFactory(parent=index, title="Council one", sector=terms["council"])
    CaseStudyPageFactory(parent=index, title="Council two", sector=terms["council"])
    CaseStudyPageFactory(parent=index, title="Charity", sector=terms["charity"])
    assert [p.title for p in page.related_case_studies()] == ["Council two"]


# Browsing the index


def test_index_lists_only_live_public_case_studies_with_all_counts(client, index, library):
    response = client.get(index.url)
    assert titles(response) == set(library)
    assert counts(response, "sector") == {"council": 3, "charity": 2, "education": 0}
    assert counts(response, "region") == {"ontario": 2, "wales": 3}
    assert counts(response, "topic") == {"energy": 2, "transport": 1, "waste": 3}
    assert counts(response, "year") == {2024: 2, 2023: 2, 2022: 1}
    html = response.content.decode()
    assert 'name="sector" value="council"' in html and "(3)" in html
    assert "Draft plan" not in html and "Board only" not in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"sector": "council"}, {"Bike share", "Food waste", "Retrofit"}),
        ({"region": "ontario"}, {"Bike share", "Heat pumps"}),
        ({"topic": "waste"}, {"Food waste", "Retrofit", "Repair cafe"}),
        ({"year": "2023"}, {"Bike share", "Retrofit"}),
        ({"sector": "council", "region": "wales"}, {"Food waste", "Retrofit"}),
        ({"sector": "charity", "topic": "energy"}, {"Heat pumps"}),
        ({"topic": ["waste", "energy"]}, {"Food waste", "Retrofit", "Repair cafe", "Heat pumps"}),
        ({"year": ["2022", "2024"], "region": "wales"}, {"Food waste", "Repair cafe"}),
        ({"sector": "council", "region": "wales", "topic": "energy", "year": "2023"}, {"Retrofit"}),
        ({"sector": "charity", "region": "wales", "year": "2024"}, set()),
    ],
)
def test_filters_combine(client, index, library, query, expected):
    assert titles(client.get(index.url, query)) == expected


def test_each_facets_counts_apply_the_other_active_filters(client, index, library):
    response = client.get(index.url, {"sector": "council", "topic": "waste"})
    assert titles(response) == {"Food waste", "Retrofit"}
    # Sector counts ignore the sector filter but apply the topic one, and so on.
    assert counts(response, "sector") == {"council": 2, "charity": 1, "education": 0}
    assert counts(response, "topic") == {"energy": 1, "transport": 1, "waste": 2}
    assert counts(response, "region") == {"ontario": 0, "wales": 2}
    assert counts(response, "year") == {2024: 1, 2023: 1, 2022: 0}


def test_chosen_filters_stay_checked(client, index, library):
    html = client.get(index.url, {"topic": "waste", "year": "2023"}).content.decode()
    assert 'name="topic" value="waste" checked' in html
    assert 'name="year" value="2023" checked' in html
    assert 'name="topic" value="energy" checked' not in html


def test_index_sorts_newest_first_or_by_title(client, index, library):
    newest = [p.title for p in client.get(index.url).context["case_studies"]]
    assert newest[:2] == ["Heat pumps", "Food waste"] and newest[-1] == "Repair cafe"
    by_title = [p.title for p in client.get(index.url, {"sort": "title"}).context["case_studies"]]
    assert by_title == sorted(library)


def test_pagination_links_keep_the_filters(client, index, terms):
    for number in range(14):
        CaseStudyPageFactory(parent=index, title=f"Study {number:02}", sector=terms["council"])
    response = client.get(index.url, {"sector": "council", "sort": "title"})
    assert len(response.context["case_studies"]) == 12
    assert "?sector=council&amp;sort=title&amp;page=2" in response.content.decode()
    second = client.get(index.url, {"sector": "council", "sort": "title", "page": "2"})
    assert titles(second) == {"Study 12", "Study 13"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"sector": "999"}, set()),
        ({"topic": "no-such-topic"}, set()),
        ({"region": "x" * 5000}, set()),
        ({"year": "abc"}, None),
        (
            {"year": ["2023", "2023", "abc", "-1", "99999999999999999999"]},
            {"Bike share", "Retrofit"},
        ),
        (
            {"sector": ["council", "council"], "region": ["wales", "wales"]},
            {"Food waste", "Retrofit"},
        ),
        ({"sort": "'; drop table", "page": "abc"}, None),
        ({"page": "99999"}, None),
        ({"sector": "council\x00"}, set()),
    ],
)
def test_bad_filter_values_give_no_matches_or_are_ignored(client, index, library, query, expected):
    response = client.get(index.url, query)
    assert response.status_code == 200
    assert titles(response) == (set(library) if expected is None else expected)


def test_index_renders_in_constant_queries_for_10_and_200_case_studies(index, terms, count_queries):
    images = [ImageFactory(title=f"Cover {n}") for n in range(3)]
    sectors = [terms["council"], terms["charity"]]
    regions = [terms["wales"], terms["ontario"]]
    topics = [terms["transport"], terms["waste"], terms["energy"]]

    def add(start, stop):
        for n in range(start, stop):
            CaseStudyPageFactory(
                parent=index,
                sector=sectors[n % 2],
                region=regions[n % 2],
                year=2015 + n % 10,
                listing_image=images[n % 3],
                topics=[topics[n % 3]],
            )

    add(0, 10)
    count_queries(index.url)  # renditions, and the site settings made on first use
    count_queries(index.url)  # the menu, settings and terms kept until the next change
    small = count_queries(index.url), count_queries(index.url, sector="council", topic="waste")
    add(10, 200)
    count_queries(index.url)
    large = count_queries(index.url), count_queries(index.url, sector="council", topic="waste")
    assert small == large


# Demo content


def test_demo_case_studies_span_sectors_regions_and_feature_three_on_home(db):
    def build():
        demo = Demo(2026, io.StringIO())
        home_demo.build(demo)
        casestudies_demo.build(demo)

    build()
    build()
    studies = CaseStudyPage.objects.live()
    assert studies.count() == len(casestudies_demo.CASE_STUDIES) >= 16
    names = set(studies.values_list("organisation_name", flat=True))
    assert {"ICT Hub", "5 Counties Project", "Experts Online", "Ethical Property"} <= names
    assert studies.values("sector").distinct().count() >= 5
    assert studies.values("region").distinct().count() >= 8
    featured = HomePageFeatured.objects.all()
    assert featured.count() == 3
    assert all(isinstance(f.page.specific, CaseStudyPage) for f in featured)
    index = CaseStudyIndexPage.objects.get()
    assert index.get_parent().pk == Page.objects.get(slug="home").pk
