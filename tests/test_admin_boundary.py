"""The admin boundary for members (issue 16): however a page id is spelt, no admin view names
another member's draft; members get no report; members cannot change a live translation without
review (convert it to an alias, stop its syncing, delete it)."""

import pytest

from django.test import Client
from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation

from knowledge.factories import (
    KnowledgeArticlePageFactory,
)
from tests.helpers import SECRET, login


def spellings(pk):
    """Ways to write a page id that Python's int() or Django's lookups may accept, and some that
    no view should choke on, as raw query-string or path text."""
    text = str(pk)
    return [
        text,
        f"{text}%20",
        f"+{text}",
        f"%09{text}",
        f"{text[0]}_{text[1:]}",
        "%C2%B2",
        f"-{text}",
        f"0{text}",
        "%00",
        "9" * 30,
    ]


QUERY_VIEWS = [
    "/admin/choose-page/chosen-multiple/?id={}",
    "/admin/choose-page/chosen-multiple/?id={}&id=1",
    *[
        f"/admin/bulk/wagtailcore/page/{action}/?id={{}}"
        for action in ("delete", "move", "publish", "unpublish")
    ],
    "/admin/bulk/wagtailcore/page/delete/?id=all&childOf={}",
    "/admin/api/main/pages/?id={}",
    "/admin/api/main/pages/?child_of={}",
    "/admin/api/main/pages/find/?id={}",
]

PATH_VIEWS = [
    "/admin/pages/{}/edit/",
    "/admin/pages/{}/delete/",
    "/admin/pages/{}/copy/",
    "/admin/pages/{}/move/",
    "/admin/pages/{}/history/",
    "/admin/pages/{}/revisions/",
    "/admin/pages/{}/view_draft/",
    "/admin/pages/{}/usage/",
    "/admin/pages/{}/workflow/history/",
    "/admin/pages/{}/privacy/",
    "/admin/pages/{}/add_subpage/",
    "/admin/pages/{}/",
    "/admin/choose-page/{}/",
    "/admin/api/main/pages/{}/",
    "/admin/localize/submit/page/{}/",
    "/admin/localize/page/{}/convert_to_alias/",
]


def test_no_spelling_of_a_page_id_shows_a_member_another_members_draft(
    knowledge_index, member, secret_draft
):
    as_member = login(member)
    for template in QUERY_VIEWS + PATH_VIEWS:
        for spelling in spellings(secret_draft.pk):
            url = template.format(spelling)
            response = as_member.get(url)
            assert response.status_code < 500, url
            assert SECRET not in response.content.decode(errors="replace"), url


def test_members_bulk_actions_still_list_their_own_pages(knowledge_index, member):
    own = KnowledgeArticlePageFactory(
        parent=knowledge_index, title="Amira's draft", owner=member, live=False
    )
    own.save_revision(user=member)
    as_member = login(member)
    for spelling in (str(own.pk), f"{own.pk}%20"):
        url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        response = as_member.get(f"{url}?id={spelling}")
        assert response.status_code == 200
        assert "Amira&#x27;s draft" in response.content.decode()
    chosen = as_member.get(f"/admin/choose-page/chosen-multiple/?id={own.pk}")
    assert chosen.json()["result"][0]["adminTitle"] == "Amira's draft"


def test_editors_choose_and_bulk_act_on_any_page(knowledge_index, editor, secret_draft):
    as_editor = login(editor)
    chosen = as_editor.get(f"/admin/choose-page/chosen-multiple/?id={secret_draft.pk}")
    assert [page["id"] for page in chosen.json()["result"]] == [secret_draft.pk]
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = as_editor.get(f"{url}?id={secret_draft.pk}")
    assert response.status_code == 200 and SECRET in response.content.decode()
    response = as_editor.post(f"{url}?id={secret_draft.pk}", {"include_descendants": ""})
    assert response.status_code == 302
    assert Page.objects.get(pk=secret_draft.pk).live


REPORTS = [
    *[
        reverse(f"wagtailadmin_reports:{name}")
        for name in (
            "site_history",
            "page_types_usage",
            "aging_pages",
            "locked_pages",
            "workflow",
            "workflow_tasks",
        )
    ],
    "/admin/localize/reports/translations/",
    "/admin/localize/reports/translations/results/",
]


def test_members_get_no_admin_or_translation_report(knowledge_index, member, secret_draft, editor):
    Locale.objects.get_or_create(language_code="fr")
    login(editor).post(
        reverse("wagtail_localize:submit_page_translation", args=[secret_draft.pk]),
        {"locales": [Locale.objects.get(language_code="fr").pk], "include_subtree": ""},
    )
    assert Translation.objects.exists()
    as_member = login(member)
    for url in REPORTS:
        response = as_member.get(url)
        assert response.status_code in (302, 403), url
        assert SECRET not in response.content.decode(), url
    menu = as_member.get(reverse("wagtailadmin_home")).content.decode()
    assert "/admin/localize/reports/" not in menu


def test_editors_keep_the_translation_report(knowledge_index, editor, secret_draft):
    response = login(editor).get("/admin/localize/reports/translations/")
    assert response.status_code == 200


# A member's live French translation: no change to it without review.


def translation_of(page):
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale
    )


@pytest.fixture
def live_french(knowledge_index, member, editor):
    """The member's approved article and its French translation, both live, owned by the member."""
    fr = Locale.objects.get_or_create(language_code="fr")[0]
    article = KnowledgeArticlePageFactory(
        parent=knowledge_index, title="Cutting food waste", owner=member
    )
    as_editor = login(editor)
    for page in (knowledge_index, article):
        as_editor.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [fr.pk]},
        )
    translation = translation_of(article.get_translation(fr))
    for segment in translation.source.stringsegment_set.all():
        french_text = {"Cutting food waste": "Réduire le gaspillage alimentaire"}
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=fr,
            context=segment.context,
            data=french_text.get(segment.string.data, f"FR {segment.string.data}"),
            translation_type="manual",
        )
    translation.save_target(user=editor, publish=False)
    french = article.get_translation(fr).specific
    french.get_latest_revision().publish(user=editor)
    Page.objects.filter(pk=french.pk).update(owner=member)
    french.refresh_from_db()
    assert french.live and french.owner == member
    return french


def french_state(page):
    page = Page.objects.get(pk=page.pk)
    return page.title, page.live, page.alias_of_id, page.latest_revision_id


def test_member_cannot_convert_a_live_translation_to_an_alias(live_french, member):
    before = french_state(live_french)
    url = reverse("wagtail_localize:convert_to_alias", args=[live_french.pk])
    as_member = login(member)
    assert as_member.get(url).status_code in (302, 403)
    assert as_member.post(url).status_code in (302, 403)
    edit = reverse("wagtailadmin_pages:edit", args=[live_french.pk])
    as_member.post(edit, {"localize-convert-to-alias": "on"}, follow=True)
    assert french_state(live_french) == before
    assert "Réduire le gaspillage" in Client().get(live_french.get_url()).content.decode()


def test_member_cannot_stop_syncing_a_live_translation(live_french, member):
    translation = translation_of(live_french)
    url = reverse("wagtail_localize:stop_translation", args=[translation.pk])
    response = login(member).post(url)
    assert response.status_code in (302, 403)
    translation.refresh_from_db()
    assert translation.enabled


def test_member_cannot_delete_a_live_translation(live_french, member):
    before = french_state(live_french)
    as_member = login(member)
    assert as_member.post(reverse("wagtailadmin_pages:delete", args=[live_french.pk])).status_code
    bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    as_member.post(f"{bulk}?id={live_french.pk}", {"include_descendants": ""})
    api = as_member.post(
        f"/admin/api/main/pages/{live_french.pk}/action/delete/",
        {},
        content_type="application/json",
    )
    assert api.status_code == 403
    assert french_state(live_french) == before


def test_editor_may_convert_and_stop_translations(live_french, editor):
    translation = translation_of(live_french)
    as_editor = login(editor)
    stop = as_editor.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]))
    assert stop.status_code == 302
    translation.refresh_from_db()
    assert not translation.enabled
    convert = reverse("wagtail_localize:convert_to_alias", args=[live_french.pk])
    assert as_editor.post(convert).status_code == 302
    assert Page.objects.get(pk=live_french.pk).alias_of_id is not None
