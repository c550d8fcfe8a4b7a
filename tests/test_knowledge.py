"""Knowledge pages, roles made by migrations, members-only articles and the public member links."""

import datetime

import pytest

from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
)

from home.factories import TopicFactory
from home.models import HomePage
from knowledge.factories import (
    EditorFactory,
    KnowledgeArticlePageFactory,
    KnowledgeIndexPageFactory,
    MemberFactory,
)
from knowledge.models import KnowledgeArticlePage, KnowledgeIndexPage
from knowledge.roles import MEMBER_COLLECTION, WORKFLOW_NAME, ensure_roles
from tests.helpers import login


def group_codenames(name):
    return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))


def page_codenames(name, page):
    return set(
        GroupPagePermission.objects.filter(group__name=name, page=page).values_list(
            "permission__codename", flat=True
        )
    )


# Page rules


def test_page_rules():
    assert KnowledgeIndexPage.allowed_parent_page_models() == [HomePage]
    assert KnowledgeIndexPage.allowed_subpage_models() == [KnowledgeArticlePage]
    assert KnowledgeArticlePage.allowed_parent_page_models() == [KnowledgeIndexPage]
    assert KnowledgeArticlePage.allowed_subpage_models() == []


def test_search_fields_extend_the_base_page():
    names = {field.field_name for field in KnowledgeArticlePage.search_fields}
    assert {"title", "intro", "body", "topics", "members_only"} <= names


def test_body_offers_members_no_raw_html():
    assert "raw_html" not in KnowledgeArticlePage.body.field.stream_block.child_blocks
    for block in KnowledgeArticlePage.body.field.stream_block.child_blocks.values():
        assert block.__class__.__name__ != "RawHTMLBlock"


# Roles, permissions and the workflow, made by migrations


def test_migrations_create_member_and_editor_groups_with_their_permissions(db):
    assert group_codenames("Members") == {"access_admin"}
    editor = group_codenames("Editors")
    assert {"access_admin", "change_sitesettings", "submit_translation", "can_moderate"} <= editor
    assert {"add_topic", "change_sector", "delete_region", "change_mainmenu"} <= editor
    assert {"add_searchpromotion", "change_searchpromotion", "delete_searchpromotion"} <= editor
    assert not Permission.objects.filter(
        group__name__in=["Members", "Editors"], codename__in=["add_user", "change_user"]
    ).exists()
    root = Page.get_first_root_node()
    assert {"add_page", "change_page", "publish_page", "lock_page"} <= page_codenames(
        "Editors", root
    )
    assert not GroupPagePermission.objects.filter(group__name="Members", page=root).exists()


def test_members_upload_into_their_own_collection_only(db):
    uploads = Collection.objects.get(name=MEMBER_COLLECTION)
    assert uploads.get_parent() == Collection.get_first_root_node()
    granted = set(
        GroupCollectionPermission.objects.filter(group__name="Members").values_list(
            "collection__name", "permission__codename"
        )
    )
    assert granted == {
        (MEMBER_COLLECTION, "add_image"),
        (MEMBER_COLLECTION, "choose_image"),
        (MEMBER_COLLECTION, "add_document"),
        (MEMBER_COLLECTION, "choose_document"),
    }


def test_workflow_exists_before_any_index_and_is_assigned_to_new_indexes(home):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    (task,) = [task.specific for task in workflow.tasks.all()]
    assert list(task.groups.values_list("name", flat=True)) == ["Editors"]
    assert not WorkflowPage.objects.filter(workflow=workflow).exists()
    knowledge_index = KnowledgeIndexPageFactory(parent=home)
    assert WorkflowPage.objects.get(page=knowledge_index).workflow == workflow
    assert page_codenames("Members", knowledge_index) == {"add_page"}
    article = KnowledgeArticlePageFactory(parent=knowledge_index)
    assert article.get_workflow() == workflow


def test_ensure_roles_is_idempotent(knowledge_index):
    def snapshot():
        return (
            Group.objects.count(),
            Permission.objects.filter(group__isnull=False).count(),
            GroupPagePermission.objects.count(),
            GroupCollectionPermission.objects.count(),
            Collection.objects.count(),
            Workflow.objects.count(),
            WorkflowPage.objects.count(),
        )

    before = snapshot()
    ensure_roles()
    ensure_roles()
    assert snapshot() == before


# Public pages


def test_index_lists_live_articles_newest_first_by_topic(knowledge_index, client):
    topic = TopicFactory(name="Cyber security")
    now = timezone.now()
    old = KnowledgeArticlePageFactory(
        parent=knowledge_index,
        title="Older guide",
        first_published_at=now - datetime.timedelta(days=9),
    )
    new = KnowledgeArticlePageFactory(
        parent=knowledge_index,
        title="Newer guide",
        first_published_at=now - datetime.timedelta(days=1),
    )
    KnowledgeArticlePageFactory(parent=knowledge_index, title="Unpublished draft", live=False)
    old.topics.set([topic])
    old.save()
    html = client.get(knowledge_index.url).content.decode()
    assert html.index("Newer guide") < html.index("Older guide")
    assert "Unpublished draft" not in html
    filtered = client.get(knowledge_index.url, {"topic": topic.slug}).content.decode()
    assert "Older guide" in filtered and "Newer guide" not in filtered
    assert new.title not in filtered


def test_unknown_topic_shows_an_empty_list_with_a_message(knowledge_index, client):
    KnowledgeArticlePageFactory(parent=knowledge_index, title="A guide")
    response = client.get(knowledge_index.url, {"topic": "no-such-topic"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is no topic called" in html and "A guide" not in html


def test_index_paginates_and_survives_bad_page_numbers(knowledge_index, client):
    for number in range(14):
        KnowledgeArticlePageFactory(parent=knowledge_index, title=f"Guide number {number}")
    for page in ("2", "abc", "99999"):
        assert client.get(knowledge_index.url, {"page": page}).status_code == 200


def test_article_shows_authors_review_date_and_related_articles(knowledge_index, client, member):
    topic = TopicFactory(name="Transport")
    coauthor = MemberFactory(username="owen", first_name="Owen", last_name="Price")
    article = KnowledgeArticlePageFactory(
        parent=knowledge_index,
        title="E-bikes on hills",
        owner=member,
        last_reviewed=datetime.date(2026, 3, 1),
    )
    article.authors.add(coauthor)
    article.topics.set([topic])
    article.save()
    related = KnowledgeArticlePageFactory(
        parent=knowledge_index, title="Cycle parking", topics=[topic]
    )
    KnowledgeArticlePageFactory(parent=knowledge_index, title="Unrelated backups")
    html = client.get(article.url).content.decode()
    assert member.get_full_name() in html and "Owen Price" in html
    assert "Last reviewed" in html
    assert related.title in html and "Unrelated backups" not in html
    assert "may be out of date" not in html


def test_article_past_review_by_date_says_it_may_be_out_of_date(knowledge_index, client):
    article = KnowledgeArticlePageFactory(
        parent=knowledge_index, review_by=datetime.date(2020, 1, 1)
    )
    assert "may be out of date" in client.get(article.url).content.decode()


# Members-only articles


@pytest.fixture
def restricted(knowledge_index):
    article = KnowledgeArticlePageFactory(
        parent=knowledge_index, title="Ransomware recovery costs", members_only=True
    )
    KnowledgeArticlePageFactory(parent=knowledge_index, title="Public backups guide")
    return article


def test_members_only_article_gets_a_group_restriction_removed_when_unticked(restricted):
    restriction = PageViewRestriction.objects.get(page=restricted)
    assert set(restriction.groups.values_list("name", flat=True)) == {"Members", "Editors"}
    restricted.members_only = False
    restricted.save_revision().publish()
    assert not PageViewRestriction.objects.filter(page=restricted).exists()


def test_visitors_are_sent_to_login_for_members_only_articles(restricted, client):
    response = client.get(restricted.url)
    assert response.status_code == 302
    assert "login" in response.url


def test_members_only_articles_never_reach_visitors_in_listings_search_or_sitemap(
    restricted, client, knowledge_index
):
    listing = client.get(knowledge_index.url).content.decode()
    assert "Public backups guide" in listing and "Ransomware" not in listing
    assert restricted.pk not in [p.pk for p in Page.objects.live().public().search("Ransomware")]
    results = client.get(reverse("search"), {"q": "Ransomware"}).content.decode()
    assert "Ransomware recovery costs" not in results and restricted.url not in results
    sitemap = client.get("/sitemap.xml").content.decode()
    assert KnowledgeArticlePage.objects.get(title="Public backups guide").url in sitemap
    assert restricted.url not in sitemap
    assert restricted.slug not in sitemap


def test_members_and_editors_read_members_only_articles_and_see_them_listed(
    restricted, knowledge_index, member
):
    editor = EditorFactory(username="edith")
    for user in (member, editor):
        client = login(user)
        assert client.get(restricted.url).status_code == 200
        assert "Ransomware recovery costs" in client.get(knowledge_index.url).content.decode()


# Member links on the public site


def test_signed_in_member_sees_write_an_article_link(knowledge_index, client, member):
    add_url = reverse(
        "wagtailadmin_pages:add", args=["knowledge", "knowledgearticlepage", knowledge_index.pk]
    )
    assert add_url not in client.get(knowledge_index.url).content.decode()
    html = login(member).get(knowledge_index.url).content.decode()
    assert add_url in html and "Write an article" in html
    assert login(member).get(add_url).status_code == 200
