"""Permissions in the admin: what a member can reach of other people's work, what a member may do
with their own, and where an editor's rights end (issue 10). The review loop itself and the basic
denials are in test_knowledge_workflow.py; this module covers every other route to a draft."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Collection, Page, PageLogEntry, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.factories import ImageFactory
from home.models import Topic
from knowledge.factories import (
    KnowledgeArticlePageFactory,
)
from knowledge.roles import MEMBER_COLLECTION
from news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.helpers import SECRET, login


def state_of(page):
    page = Page.objects.get(pk=page.pk)
    return (
        page.title,
        page.live,
        page.locked,
        page.latest_revision_id,
        page.path,
        Page.objects.count(),
        page.get_view_restrictions().count(),
    )


def admin_urls_naming(page, knowledge_index):
    first = page.revisions.order_by("pk").first()
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk))
    task_state = state.current_task_state
    pages = "wagtailadmin_pages"
    return [
        reverse(f"{pages}:edit", args=[page.pk]),
        reverse(f"{pages}:delete", args=[page.pk]),
        reverse(f"{pages}:copy", args=[page.pk]),
        reverse(f"{pages}:move", args=[page.pk]),
        reverse(f"{pages}:history", args=[page.pk]),
        reverse(f"{pages}:revisions_index", args=[page.pk]),
        reverse(f"{pages}:revisions_view", args=[page.pk, first.pk]),
        reverse(f"{pages}:revisions_compare", args=[page.pk, first.pk, "latest"]),
        reverse(f"{pages}:revisions_compare", args=[page.pk, "earliest", "latest"]),
        reverse(f"{pages}:preview_on_edit", args=[page.pk]),
        reverse(f"{pages}:view_draft", args=[page.pk]),
        reverse(f"{pages}:usage", args=[page.pk]),
        reverse(f"{pages}:workflow_history", args=[page.pk]),
        reverse(f"{pages}:workflow_history_detail", args=[page.pk, state.pk]),
        reverse(f"{pages}:workflow_preview", args=[page.pk, task_state.task_id]),
        reverse(f"{pages}:collect_workflow_action_data", args=[page.pk, "approve", task_state.pk]),
        reverse(f"{pages}:set_privacy", args=[page.pk]),
        reverse(f"{pages}:confirm_workflow_cancellation", args=[page.pk]),
        reverse(f"{pages}:add_subpage", args=[page.pk]),
        reverse(f"{pages}:type_use", args=["knowledge", "knowledgearticlepage"]),
        reverse(f"{pages}:search") + f"?q={SECRET.lower()}",
        reverse(f"{pages}:search_results") + f"?q={SECRET.lower()}",
        reverse("wagtailadmin_explore", args=[knowledge_index.pk]),
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_choose_page_child", args=[knowledge_index.pk]),
        reverse("wagtailadmin_choose_page_search") + f"?q={SECRET.lower()}",
        reverse("wagtailadmin_choose_page_chosen_multiple") + f"?id={page.pk}",
        *[
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + f"?id={page.pk}"
            for action in ("delete", "move", "publish", "unpublish")
        ],
        "/admin/api/main/pages/",
        f"/admin/api/main/pages/{page.pk}/",
        f"/admin/api/main/pages/?child_of={knowledge_index.pk}",
        f"/admin/api/main/pages/?descendant_of={knowledge_index.pk}",
        f"/admin/api/main/pages/?search={SECRET.lower()}",
        f"/admin/api/main/pages/find/?id={page.pk}",
        *[
            reverse(f"wagtailadmin_reports:{name}")
            for name in (
                "site_history",
                "site_history_results",
                "page_types_usage",
                "aging_pages",
                "locked_pages",
                "workflow",
                "workflow_tasks",
            )
        ],
    ]


def test_member_cannot_reach_another_members_draft_or_its_title_anywhere_in_the_admin(
    knowledge_index, member, secret_draft
):
    own = KnowledgeArticlePageFactory(
        parent=knowledge_index, title="Amira's draft", owner=member, live=False
    )
    own.save_revision(user=member)
    as_member = login(member)
    for url in admin_urls_naming(secret_draft, knowledge_index):
        response = as_member.get(url, follow=True)
        assert response.status_code in (200, 403, 404), url
        if response.redirect_chain:
            assert response.request["PATH_INFO"] in (
                reverse("wagtailadmin_home"),
                f"/admin/api/main/pages/{secret_draft.pk}/",
            ), url
        assert SECRET not in response.content.decode(), url
    # The same views still serve the member's own work.
    listing = as_member.get(f"/admin/api/main/pages/?child_of={knowledge_index.pk}").json()
    assert [item["title"] for item in listing["items"]] == ["Amira's draft"]
    assert as_member.get(reverse("wagtailadmin_pages:view_draft", args=[own.pk])).status_code == 200


def test_editors_see_the_draft_the_member_cannot(knowledge_index, editor, secret_draft):
    """The other side of the test above: the title is there to be found by those allowed."""
    as_editor = login(editor)
    listing = as_editor.get(f"/admin/api/main/pages/?child_of={knowledge_index.pk}").json()
    assert [item["title"] for item in listing["items"]] == [f"{SECRET} first"]
    history = as_editor.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert SECRET in history


def test_member_cannot_change_another_members_draft_by_any_action(
    knowledge_index, member, secret_draft, home
):
    before = state_of(secret_draft)
    first = secret_draft.revisions.order_by("pk").first()
    task_state = WorkflowState.objects.get(object_id=str(secret_draft.pk)).current_task_state
    as_member = login(member)
    pages = "wagtailadmin_pages"
    posts = [
        reverse(f"{pages}:edit", args=[secret_draft.pk]),
        reverse(f"{pages}:delete", args=[secret_draft.pk]),
        reverse(f"{pages}:copy", args=[secret_draft.pk]),
        reverse(f"{pages}:move_confirm", args=[secret_draft.pk, home.pk]),
        reverse(f"{pages}:revisions_revert", args=[secret_draft.pk, first.pk]),
        reverse(f"{pages}:revisions_unschedule", args=[secret_draft.pk, first.pk]),
        reverse(f"{pages}:lock", args=[secret_draft.pk]),
        reverse(f"{pages}:set_privacy", args=[secret_draft.pk]),
        reverse(f"{pages}:set_page_position", args=[secret_draft.pk]) + "?position=0",
        reverse(f"{pages}:workflow_action", args=[secret_draft.pk, "approve", task_state.pk]),
        reverse(f"{pages}:workflow_action", args=[secret_draft.pk, "reject", task_state.pk]),
        *[
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
            + f"?id={secret_draft.pk}"
            for action in ("delete", "move", "publish", "unpublish")
        ],
    ]
    for url in posts:
        response = as_member.post(
            url,
            {
                "title": "Taken over",
                "slug": "taken-over",
                "new_title": "Copied",
                "new_slug": "copied",
                "new_parent_page": knowledge_index.pk,
                "restriction_type": "login",
                "comment": "approved by a stranger",
                "move_to": home.pk,
            },
        )
        assert response.status_code in (302, 403, 404), url
        assert state_of(secret_draft) == before, url
    for action in ("publish", "unpublish", "copy", "move", "delete", "revert_to_page_revision"):
        response = as_member.post(
            f"/admin/api/main/pages/{secret_draft.pk}/action/{action}/",
            {"destination_page_id": knowledge_index.pk, "revision_id": first.pk},
            content_type="application/json",
        )
        assert response.status_code in (403, 404), action
        assert state_of(secret_draft) == before, action
    assert task_state.__class__.objects.get(pk=task_state.pk).status == "in_progress"


def test_member_cannot_publish_or_unpublish_own_articles_by_any_route(knowledge_index, member):
    draft = KnowledgeArticlePageFactory(
        parent=knowledge_index, title="My draft", owner=member, live=False
    )
    draft.save_revision(user=member)
    published = KnowledgeArticlePageFactory(parent=knowledge_index, title="My guide", owner=member)
    as_member = login(member)
    for page, action in [(draft, "publish"), (published, "unpublish")]:
        api = as_member.post(
            f"/admin/api/main/pages/{page.pk}/action/{action}/", {}, content_type="application/json"
        )
        assert api.status_code == 403, action
        bulk_url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
        as_member.post(f"{bulk_url}?id={page.pk}", {"include_descendants": ""})
    form = nested_form_data(
        {
            "title": "My draft",
            "slug": draft.slug,
            "intro": "An intro.",
            "body": streamfield([("paragraph", rich_text("<p>Text.</p>"))]),
            "review_by": "",
            "action-publish": "publish",
        }
    )
    for url in [
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        reverse("wagtailadmin_pages:revisions_revert", args=[draft.pk, draft.latest_revision_id]),
    ]:
        assert as_member.post(url, form).status_code == 302, url
    draft.refresh_from_db()
    published.refresh_from_db()
    assert not draft.live and draft.first_published_at is None
    assert published.live
    assert not PageLogEntry.objects.filter(page=draft, action="wagtail.publish").exists()
    assert not PageLogEntry.objects.filter(page=published, action="wagtail.unpublish").exists()


def test_member_cannot_see_or_change_users_and_groups(member, other_member):
    as_member = login(member)
    members = Group.objects.get(name="Members")
    editors = Group.objects.get(name="Editors")
    urls = [
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_users:add"),
        reverse("wagtailusers_users:edit", args=[member.pk]),
        reverse("wagtailusers_users:edit", args=[other_member.pk]),
        reverse("wagtailusers_users:delete", args=[other_member.pk]),
        reverse("wagtailusers_groups:index"),
        reverse("wagtailusers_groups:edit", args=[editors.pk]),
        reverse("wagtailusers_groups:delete", args=[members.pk]),
    ]
    for url in urls:
        assert as_member.get(url).status_code == 302, url
        response = as_member.post(
            url,
            {
                "username": "amira",
                "email": "amira@example.org",
                "is_superuser": "on",
                "is_active": "",
                "groups": [editors.pk],
                "name": "Renamed",
            },
        )
        assert response.status_code == 302, url
        assert response["Location"] == reverse("wagtailadmin_home"), url
    member.refresh_from_db()
    other_member.refresh_from_db()
    assert not member.is_superuser and other_member.is_active
    assert list(member.groups.values_list("name", flat=True)) == ["Members"]
    assert set(Group.objects.values_list("name", flat=True)) >= {"Members", "Editors"}
    # The account page edits the member's own name and password only, never their roles.
    account = as_member.post(
        reverse("wagtailadmin_account"),
        {"name_email-first_name": "A", "is_superuser": "on", "groups": [editors.pk]},
    )
    assert account.status_code in (200, 302)
    member.refresh_from_db()
    assert not member.is_superuser and not member.groups.filter(name="Editors").exists()


# Editors: what DESIGN.md gives them, and no more.


def test_editor_reviews_and_publishes_knowledge_news_and_case_studies(
    home, knowledge_index, editor, other_member
):
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home), title="Ferry timetable")
    study = CaseStudyPageFactory(parent=CaseStudyIndexPageFactory(parent=home), title="Ferries")
    article = KnowledgeArticlePageFactory(
        parent=knowledge_index, title="Ferry tips", owner=other_member
    )
    as_editor = login(editor)
    for page in (news, study, article):
        page.title = f"{page.title} (revised)"
        page.save_revision(user=editor)
        response = as_editor.post(
            f"/admin/api/main/pages/{page.pk}/action/publish/", {}, content_type="application/json"
        )
        assert response.status_code == 200, page
        assert Page.objects.get(pk=page.pk).title.endswith("(revised)")
        assert as_editor.post(reverse("wagtailadmin_pages:lock", args=[page.pk])).status_code == 302
        assert Page.objects.get(pk=page.pk).locked


def test_editor_manages_topics_promotions_comments_and_translations(home, editor):
    as_editor = login(editor)
    response = as_editor.post(
        reverse("wagtailsnippets_home_topic:add"), {"name": "Ferries", "slug": "ferries"}
    )
    assert response.status_code == 302
    assert Topic.objects.filter(slug="ferries").exists()
    for url in [
        reverse("wagtailsearchpromotions:index"),
        reverse("wagtailsearchpromotions:add"),
        "/admin/members/comments/",
        "/admin/members/applications/",
        reverse("wagtail_localize:submit_page_translation", args=[home.pk]),
    ]:
        assert as_editor.get(url).status_code == 200, url


def test_editor_cannot_manage_users_groups_sites_collections_workflows_or_locales(editor, member):
    as_editor = login(editor)
    editors = Group.objects.get(name="Editors")
    urls = [
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_users:edit", args=[member.pk]),
        reverse("wagtailusers_users:edit", args=[editor.pk]),
        reverse("wagtailusers_groups:index"),
        reverse("wagtailusers_groups:edit", args=[editors.pk]),
        reverse("wagtailsites:index"),
        reverse("wagtailadmin_collections:index"),
        reverse("wagtailadmin_workflows:index"),
        reverse("wagtailadmin_workflows:task_index"),
        reverse("wagtaillocales:index"),
        reverse("wagtailredirects:index"),
    ]
    for url in urls:
        response = as_editor.get(url)
        assert response.status_code == 302 and response["Location"] == reverse(
            "wagtailadmin_home"
        ), url
    as_editor.post(
        reverse("wagtailusers_users:edit", args=[editor.pk]),
        {"username": "edith", "email": "e@example.org", "is_superuser": "on"},
    )
    editor.refresh_from_db()
    assert not editor.is_superuser


def test_editor_cannot_switch_off_the_review_workflow(editor, knowledge_index):
    """Workflows are created by migration; an editor cannot switch the review off."""
    workflow = knowledge_index.get_workflow()
    as_editor = login(editor)
    response = as_editor.post(reverse("wagtailadmin_workflows:disable", args=[workflow.pk]))
    assert response.status_code == 302
    workflow.refresh_from_db()
    assert workflow.active


def test_member_bulk_actions_on_own_images_are_not_mistaken_for_pages(member, secret_draft):
    """The page-id check applies to page bulk actions only, whatever ids other models share."""
    collection = Collection.objects.get(name=MEMBER_COLLECTION)
    image = ImageFactory(
        pk=secret_draft.pk, title="Harbour photo", collection=collection, uploaded_by_user=member
    )
    url = reverse("wagtail_bulk_action", args=["wagtailimages", "image", "delete"])
    response = login(member).get(f"{url}?id={image.pk}")
    assert response.status_code == 200
    assert "Harbour photo" in response.content.decode()


def test_member_does_not_see_editors_drafts_elsewhere_in_the_site(home, knowledge_index, member):
    """The page chooser browses the whole site: unpublished news is not for members either."""
    news = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=news, title=f"{SECRET} embargoed news", live=False).save_revision()
    live = NewsPageFactory(parent=news, title="Published news")
    live.title = f"{SECRET} retitled news"
    live.save_revision()
    as_member = login(member)
    for url in [
        reverse("wagtailadmin_choose_page_child", args=[news.pk]),
        reverse("wagtailadmin_choose_page_search") + f"?q={SECRET.lower()}",
        f"/admin/api/main/pages/?child_of={news.pk}",
        reverse("wagtailadmin_explore", args=[knowledge_index.pk]),
    ]:
        response = as_member.get(url)
        assert response.status_code in (200, 302, 400, 404), url
        assert SECRET not in response.content.decode(), url
