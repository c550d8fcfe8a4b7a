"""Choosing people in the admin (members/choosers.py): who is offered to whom, what is searched,
and the news author as a person, linked for members only when their profile is listed."""

import importlib

import pytest

from django.apps import apps
from django.urls import reverse

from wagtail.models import Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from knowledge.factories import KnowledgeArticlePageFactory, KnowledgeIndexPageFactory
from members.factories import MemberFactory, MemberProfileFactory
from news.factories import NewsPageFactory
from news.models import NewsPage
from tests.helpers import login

CHOOSE = "/admin/members/choose/"
CHOOSE_AUTHOR = "/admin/members/choose-author/"


def person(first_name, last_name, listed=True, organisation="Leeds Energy Co-op", **user):
    account = MemberFactory(first_name=first_name, last_name=last_name, **user)
    MemberProfileFactory(user=account, organisation=organisation, listed_in_directory=listed)
    return account


def offered(client, url, **query):
    """The names the chooser lists for `query`."""
    table = client.get(url, query).json()["html"]
    return [name for name in ("Priya Shah", "Rhys Evans", "Ada Lovelace") if name in table]


@pytest.fixture
def people(db):
    return {
        "priya": person("Priya", "Shah", email="priya@leicester.example"),
        "rhys": person("Rhys", "Evans", listed=False, organisation="Swansea Council"),
    }


def test_editors_find_members_by_name_organisation_and_email(editor, people):
    client = login(editor)
    assert offered(client, CHOOSE, q="shah") == ["Priya Shah"]
    assert offered(client, CHOOSE, q="swansea") == ["Rhys Evans"]
    assert offered(client, CHOOSE, q="leicester.example") == ["Priya Shah"]


def test_the_chooser_shows_organisation_and_avatar(editor, people):
    table = login(editor).get(CHOOSE, {"q": "shah"}).json()["html"]
    assert "Leeds Energy Co-op" in table
    assert 'class="avatar small"' in table


def test_members_choose_among_listed_members_and_cannot_search_emails(member, people):
    client = login(member)
    assert offered(client, CHOOSE) == ["Priya Shah", "Ada Lovelace"]
    assert offered(client, CHOOSE, q="leicester.example") == []
    chosen = client.get(reverse("member_chooser:chosen", args=[people["rhys"].pk]))
    assert chosen.status_code == 404


def test_inactive_accounts_and_non_members_are_not_offered(editor, people):
    people["priya"].is_active = False
    people["priya"].save()
    people["rhys"].groups.clear()
    assert offered(login(editor), CHOOSE) == []


def test_the_author_chooser_offers_editors_too(editor, people):
    editor.first_name, editor.last_name = "Elena", "Ruiz"
    editor.save()
    client = login(editor)
    assert "Elena Ruiz" in client.get(CHOOSE_AUTHOR).json()["html"]
    assert "Elena Ruiz" not in client.get(CHOOSE).json()["html"]


def test_choosing_several_co_authors_returns_their_names(member, people):
    url = reverse("member_chooser:chosen_multiple")
    response = login(member).get(url, {"id": [people["priya"].pk, "x"], "multiple": 1})
    assert [person["title"] for person in response.json()["result"]] == ["Priya Shah"]


def test_a_member_saves_co_authors_chosen_in_the_article_form(home, member, people):
    index = KnowledgeIndexPageFactory(parent=home)
    article = KnowledgeArticlePageFactory(parent=index, owner=member, live=False)
    edit = reverse("wagtailadmin_pages:edit", args=[article.pk])
    client = login(member)
    assert "data-people-chooser-add" in client.get(edit).content.decode()
    data = nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "intro": "What we learned.",
            "body": streamfield([("paragraph", rich_text("<p>Steps.</p>"))]),
            "review_by": "",
        }
    )
    response = client.post(edit, {**data, "authors": [people["priya"].pk]})
    assert response.status_code == 302
    draft = article.get_latest_revision_as_object()
    assert list(draft.authors.all()) == [people["priya"]]


# The news author


def news_by(author, news_index, **fields):
    return NewsPageFactory(parent=news_index, author=author, byline="", **fields)


def test_members_reading_news_follow_a_listed_authors_name_to_their_profile(
    client, news_index, member, people
):
    item = news_by(people["priya"], news_index)
    profile = reverse("members:profile", args=[people["priya"].pk])
    as_member = login(member).get(item.url).content.decode()
    assert f'by <a href="{profile}">Priya Shah</a>' in as_member
    as_visitor = client.get(item.url).content.decode()
    assert "by Priya Shah" in as_visitor
    assert profile not in as_visitor


def test_an_unlisted_authors_profile_is_never_linked(news_index, member, editor, people):
    item = news_by(people["rhys"], news_index)
    profile = reverse("members:profile", args=[people["rhys"].pk])
    for reader in (member, editor):
        html = login(reader).get(item.url).content.decode()
        assert "by Rhys Evans" in html
        assert profile not in html


def test_a_byline_stands_when_no_one_person_wrote_it(client, news_index):
    item = NewsPageFactory(parent=news_index, byline="Editorial team")
    assert "by Editorial team" in client.get(item.url).content.decode()


def test_the_feed_names_the_author(client, news_index, people):
    news_by(people["priya"], news_index, title="Exchange visits open")
    feed = client.get(news_index.url + "feed/atom/").content.decode()
    assert "<name>Priya Shah</name>" in feed


def test_searching_the_authors_name_finds_their_news(news_index, people):
    item = news_by(people["priya"], news_index, title="Exchange visits open")
    assert list(NewsPage.objects.live().search("Shah")) == [item]


def test_editors_choose_the_news_author_in_the_form(news_index, editor, people):
    item = news_by(people["priya"], news_index)
    html = login(editor).get(reverse("wagtailadmin_pages:edit", args=[item.pk])).content.decode()
    assert f'data-chooser-url="{CHOOSE_AUTHOR}"' in html
    assert "Priya Shah" in html


# The migration that made the author a person (news/migrations/0004_author_as_person.py)

migration = importlib.import_module("news.migrations.0004_author_as_person")


def test_the_migration_links_free_text_authors_to_the_member_of_that_name(news_index, people):
    matched = NewsPageFactory(parent=news_index, byline="priya shah ")
    team = NewsPageFactory(parent=news_index, byline="Editorial team")
    revision = matched.save_revision()
    before = {key: value for key, value in revision.content.items() if key != "byline"}
    Revision.objects.filter(pk=revision.pk).update(content={**before, "author": "Priya Shah"})

    migration.link_authors(apps, None)

    matched.refresh_from_db()
    team.refresh_from_db()
    assert (matched.author, matched.byline) == (people["priya"], "")
    assert (team.author, team.byline) == (None, "Editorial team")
    draft = Revision.objects.get(pk=revision.pk).as_object()
    assert (draft.author, draft.byline) == (people["priya"], "")


def test_the_migration_does_not_guess_between_two_people_of_one_name(news_index, people):
    person("Priya", "Shah", organisation="Another Priya")
    item = NewsPageFactory(parent=news_index, byline="Priya Shah")
    migration.link_authors(apps, None)
    item.refresh_from_db()
    assert (item.author, item.byline) == (None, "Priya Shah")
