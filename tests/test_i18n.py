"""Languages: switcher, fallbacks, hreflang, sitemap, translations under review, permissions,
PO files, catalogues, per-language search and feeds, demo translations."""

import datetime
import importlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.models import GroupPagePermission, Locale, Page, Workflow
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from demo import home as home_demo
from demo import news as news_demo
from demo import translations as demo_translations
from demo.management.commands.load_demo_content import Demo
from home.factories import StandardPageFactory
from home.models import SiteText
from knowledge.factories import (
    KnowledgeArticlePageFactory,
    KnowledgeIndexPageFactory,
    MemberFactory,
    UserFactory,
)
from news.factories import NewsIndexPageFactory, NewsPageFactory
from portal.settings import base as base_settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def locales(db):
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "fr", "es")
    }


def translate(page, locale, publish=True, **fields):
    """What a translator's work amounts to: a copy in the locale, its fields translated."""
    copy = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    revision = copy.save_revision()
    if publish:
        revision.publish()
    return Page.objects.get(pk=copy.pk).specific


@pytest.fixture
def about(home):
    return StandardPageFactory(parent=home, title="About the network", slug="about")


@pytest.fixture
def translated_homes(home, locales):
    return {
        "fr": translate(home, locales["fr"], title="Accueil"),
        "es": translate(home, locales["es"], title="Inicio"),
    }


def switcher(html):
    return re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)


def test_languages_setting_keeps_known_codes_and_english_first(monkeypatch):
    monkeypatch.setenv("LANGUAGES", "es,de,xx")
    try:
        reloaded = importlib.reload(base_settings)
        assert reloaded.LANGUAGES == [("en", "English"), ("es", "Español")]
        assert reloaded.WAGTAIL_CONTENT_LANGUAGES == reloaded.LANGUAGES
    finally:
        monkeypatch.delenv("LANGUAGES")
        importlib.reload(base_settings)
    assert [code for code, _ in base_settings.LANGUAGES] == ["en", "fr", "es"]


def test_translations_never_go_live_automatically(settings):
    assert settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False


def test_switching_language_keeps_the_page(client, about, translated_homes, locales):
    translate(about, locales["fr"], title="À propos du réseau")
    english = client.get("/about/").content.decode()
    assert '<a href="/fr/about/" hreflang="fr" lang="fr">Français</a>' in switcher(english)

    french = client.get("/fr/about/").content.decode()
    assert '<html lang="fr">' in french
    assert "À propos du réseau" in french
    links = switcher(french)
    assert '<a href="/about/" hreflang="en" lang="en">English</a>' in links
    assert 'lang="fr" aria-current="true">Français</span>' in links


def test_untranslated_page_falls_back_to_the_translated_home_and_says_so(
    client, about, translated_homes
):
    links = switcher(client.get("/about/").content.decode())
    spanish = re.search(r'<a href="/es/"[^>]*data-fallback="home">.*?</a>', links, re.S)
    assert spanish is not None
    assert '<span lang="es">Español</span>' in spanish.group(0)
    assert "page not translated: home page" in spanish.group(0)


def test_switcher_on_a_non_page_view_keeps_the_address(client, home, locales):
    links = switcher(client.get("/search/", {"q": "water"}).content.decode())
    assert 'href="/fr/search/?q=water"' in links


def test_a_view_that_is_no_page_looks_up_no_site_for_its_switcher(
    client, home, locales, member, settings
):
    settings.PAGE_CACHE_ENABLED = True  # the header's fragments (site settings) come cached
    client.force_login(member)
    client.get("/groups/")  # site settings made on first use (a change: fragments purged)
    client.get("/groups/")  # fragments cached
    with CaptureQueriesContext(connection) as queries:
        links = switcher(client.get("/groups/").content.decode())
    assert 'href="/fr/groups/"' in links
    assert not [query for query in queries if "wagtailcore_site" in query["sql"]]


def test_hreflang_alternates_list_live_translations_and_default(client, about, locales):
    translate(about, locales["fr"], title="À propos")
    translate(about, locales["es"], publish=False, title="Acerca de")
    head = client.get("/about/").content.decode().split("</head>")[0]
    alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head)
    assert alternates == [
        ("en", "http://localhost/about/"),
        ("fr", "http://localhost/fr/about/"),
        ("x-default", "http://localhost/about/"),
    ]


@pytest.mark.parametrize("url", ["/de/", "/xx/about/", "/fr-xx/"])
def test_unknown_language_prefix_is_the_404_page(client, about, translated_homes, url):
    response = client.get(url)
    assert response.status_code == 404
    assert 'id="notfound-q"' in response.content.decode()


def test_sitemap_lists_every_live_public_translation(client, about, translated_homes, locales):
    translate(about, locales["fr"], title="À propos")
    translate(about, locales["es"], publish=False, title="Acerca de")
    private = StandardPageFactory(parent=translated_homes["fr"], title="Privé", slug="prive")
    private.view_restrictions.create(restriction_type="password", password="secret")  # noqa: S106
    xml = client.get("/sitemap.xml").content.decode()
    urls = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert "http://localhost/about/" in urls
    assert "http://localhost/fr/about/" in urls
    assert "http://localhost/fr/" in urls
    assert "http://localhost/es/" in urls
    assert "http://localhost/es/about/" not in urls
    assert "http://localhost/fr/prive/" not in urls


def test_site_text_follows_the_language(client, home, translated_homes, locales):
    source = SiteText.objects.create(locale=locales["en"], network_name="Peer Network")
    french = source.copy_for_translation(locales["fr"])
    french.network_name = "Réseau de pairs"
    french.tagline = "Apprendre ensemble"
    french.save()
    assert "Réseau de pairs" in client.get("/fr/").content.decode()
    assert "Apprendre ensemble" in client.get("/fr/").content.decode()
    assert "Réseau de pairs" not in client.get("/").content.decode()
    assert "Peer Network" in client.get("/").content.decode()


# Review and permissions


def submit_translation(client, page, locale):
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    return client.post(url, {"locales": [locale.pk]})


def test_submitted_translation_is_a_draft_invisible_until_published(
    client, about, translated_homes, locales, editor
):
    client.force_login(editor)
    response = submit_translation(client, about, locales["fr"])
    assert response.status_code == 302
    french = about.get_translation(locales["fr"])
    assert not french.live
    client.logout()
    assert client.get("/fr/about/").status_code == 404

    french.get_latest_revision().publish()
    assert client.get("/fr/about/").status_code == 200


def test_knowledge_article_translation_waits_for_editors_approval(
    client, home, translated_homes, locales, editor
):
    index = KnowledgeIndexPageFactory(parent=home)
    article = KnowledgeArticlePageFactory(parent=index, title="Cutting food waste")
    workflow = Workflow.objects.get(name="Knowledge review")
    client.force_login(editor)
    submit_translation(client, index, locales["fr"])
    submit_translation(client, article, locales["fr"])
    french = article.get_translation(locales["fr"]).specific
    assert french.get_workflow() == workflow
    assert not french.live

    # Every text translated (a half-translated page can be neither submitted nor published).
    translation = Translation.objects.get(
        source__object_id=article.translation_key, target_locale=locales["fr"]
    )
    for segment in translation.source.stringsegment_set.all():
        french_text = {"Cutting food waste": "Réduire le gaspillage alimentaire"}
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locales["fr"],
            context=segment.context,
            data=french_text.get(segment.string.data, f"FR {segment.string.data}"),
            translation_type="manual",
        )
    translation.save_target(user=editor, publish=False)
    french.refresh_from_db()
    state = workflow.start(french, editor)
    client.logout()
    assert client.get(french.get_url()).status_code == 404

    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, editor, "approve")
    french.refresh_from_db()
    assert french.live
    response = client.get(french.get_url())
    assert response.status_code == 200
    assert "Réduire le gaspillage alimentaire" in response.content.decode()


def assert_refused(response):
    """Wagtail's admin answers a permission error by sending the user to the dashboard."""
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


@pytest.fixture
def translator_without_edit_rights(db):
    """May submit translations in general, but holds no permission on any page."""
    user = UserFactory()
    group = Group.objects.create(name="Translators")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="submit_translation"),
    )
    user.groups.add(group)
    return user


def test_user_without_edit_rights_cannot_submit_a_translation(
    client, about, translated_homes, locales, translator_without_edit_rights
):
    client.force_login(translator_without_edit_rights)
    url = reverse("wagtail_localize:submit_page_translation", args=[about.pk])
    assert_refused(client.get(url))
    assert_refused(submit_translation(client, about, locales["fr"]))
    assert about.get_translation_or_none(locales["fr"]) is None


def test_member_cannot_submit_a_translation_of_an_editors_page(
    client, about, translated_homes, locales
):
    client.force_login(MemberFactory())
    assert_refused(submit_translation(client, about, locales["fr"]))
    assert about.get_translation_or_none(locales["fr"]) is None


def test_user_with_edit_rights_but_no_submit_permission_cannot_submit(
    client, about, translated_homes, locales
):
    user = UserFactory()
    group = Group.objects.create(name="Page editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(group=group, page=about, permission_type="change")
    user.groups.add(group)
    client.force_login(user)
    assert_refused(submit_translation(client, about, locales["fr"]))
    assert about.get_translation_or_none(locales["fr"]) is None


def test_user_without_edit_rights_cannot_publish_a_translation(
    client, about, translated_homes, locales, translator_without_edit_rights
):
    french = translate(about, locales["fr"], publish=False, title="À propos")
    client.force_login(translator_without_edit_rights)
    url = reverse("wagtailadmin_pages:edit", args=[french.pk])
    assert_refused(client.post(url, {"action": "publish"}))
    french.refresh_from_db()
    assert not french.live
    assert client.get("/fr/about/").status_code == 404


def test_editor_may_submit_and_translate(client, about, translated_homes, locales, editor):
    client.force_login(editor)
    url = reverse("wagtail_localize:submit_page_translation", args=[about.pk])
    assert client.get(url).status_code == 200
    assert submit_translation(client, about, locales["es"]).status_code == 302
    assert about.get_translation_or_none(locales["es"]) is not None


# PO files


@pytest.fixture
def french_translation(client, about, translated_homes, locales, admin_user):
    client.force_login(admin_user)
    submit_translation(client, about, locales["fr"])
    source = TranslationSource.objects.get_for_instance(about)
    return Translation.objects.get(source=source, target_locale=locales["fr"])


def upload_po(client, translation, content):
    url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    upload = SimpleUploadedFile("about-fr.po", content.encode(), "text/x-gettext-translation")
    return client.post(url, {"file": upload, "next": "/admin/"}, follow=True)


def test_po_download_and_upload_update_the_translated_strings(
    client, french_translation, django_capture_on_commit_callbacks
):
    url = reverse("wagtail_localize:download_pofile", args=[french_translation.pk])
    po = client.get(url).content.decode()
    assert 'msgid "About the network"' in po
    edited = po.replace(
        'msgid "About the network"\nmsgstr ""', 'msgid "About the network"\nmsgstr "À propos"'
    )
    assert edited != po

    response = upload_po(client, french_translation, edited)
    assert "Successfully imported translations from PO File." in response.content.decode()
    strings = StringTranslation.objects.filter(locale=french_translation.target_locale)
    assert list(strings.values_list("data", flat=True)) == ["À propos"]

    with django_capture_on_commit_callbacks(execute=True):
        french_translation.save_target(publish=True)
    assert "À propos" in client.get("/fr/about/").content.decode()


@pytest.mark.parametrize(
    "content",
    [
        "this is not a PO file",
        'msgid "About the network"\nmsgstr "À propos"\nmsgid',
        'msgid "About the network"\nmsgstr "À propos"\n',
    ],
    ids=["garbage", "syntax-error", "no-translation-header"],
)
def test_malformed_po_upload_gives_a_clear_error_and_changes_nothing(
    client, french_translation, content
):
    response = upload_po(client, french_translation, content)
    assert response.status_code == 200
    assert "Please upload a valid PO file." in response.content.decode()
    assert not StringTranslation.objects.exists()


def test_po_upload_for_another_translation_is_refused(client, french_translation, locales):
    url = reverse("wagtail_localize:download_pofile", args=[french_translation.pk])
    po = client.get(url).content.decode()
    submit_translation(client, french_translation.source.get_source_instance(), locales["es"])
    other = Translation.objects.get(source=french_translation.source, target_locale=locales["es"])
    response = upload_po(client, other, po.replace('msgstr ""', 'msgstr "x"'))
    assert "created for a different translation" in response.content.decode()
    assert not StringTranslation.objects.exists()


# Interface catalogues


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext is not installed")
@pytest.mark.parametrize("language", ["fr", "es"])
def test_catalogue_compiles_and_matches_the_committed_mo(language, tmp_path):
    po = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    compiled = tmp_path / "django.mo"
    result = subprocess.run(  # noqa: S603
        ["msgfmt", "--check", "-o", str(compiled), str(po)],  # noqa: S607
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert compiled.read_bytes() == po.with_suffix(".mo").read_bytes()


@pytest.mark.parametrize(
    "prefix,expected",
    [
        ("/fr/", "Aller au contenu principal"),
        ("/es/", "Saltar al contenido principal"),
        ("/", "Skip to main content"),
    ],
)
def test_interface_is_in_the_visitors_language(client, translated_homes, prefix, expected):
    assert expected in client.get(prefix).content.decode()


def test_error_page_is_in_the_visitors_language():
    with translation.override("fr"):
        html = render_to_string("500.html")
    assert '<html lang="fr">' in html
    assert "Un problème est survenu" in html


def test_dates_follow_the_language(client, home, translated_homes, locales):
    index = NewsIndexPageFactory(parent=home)
    item = NewsPageFactory(parent=index, title="Spring news", date=datetime.date(2026, 3, 5))
    translate(index, locales["fr"], title="Actualités")
    french = translate(item, locales["fr"], title="Nouvelles du printemps")
    assert "5 mars 2026" in client.get(french.get_url()).content.decode()


# Search and feeds per language


def test_news_feed_lists_only_the_languages_own_news(client, home, translated_homes, locales):
    index = NewsIndexPageFactory(parent=home)
    translated = NewsPageFactory(parent=index, title="Network passes 300 members")
    NewsPageFactory(parent=index, title="Only in English")
    translate(index, locales["fr"], title="Actualités")
    translate(translated, locales["fr"], title="Le réseau dépasse 300 membres")

    french = client.get("/fr/news/feed/")
    assert french.status_code == 200
    body = french.content.decode()
    assert "Le réseau dépasse 300 membres" in body
    assert "Only in English" not in body
    assert "Network passes 300 members" not in body
    assert "Only in English" in client.get("/news/feed/").content.decode()


def test_search_defaults_to_the_visitors_language(client, about, translated_homes, locales):
    translate(about, locales["fr"], title="À propos du réseau mondial")
    call_command("update_index", verbosity=0)
    french = client.get("/fr/search/", {"q": "réseau"}).content.decode()
    assert "À propos du réseau mondial" in french
    english = client.get("/search/", {"q": "network"}).content.decode()
    assert "About the network" in english
    assert "À propos du réseau mondial" not in english


# Demo content


def build_demo():
    """The shell and news builders, then the translations, in one transaction like the command."""
    demo = Demo(2026, None)
    demo.log = lambda message: None
    with transaction.atomic():
        for module in (home_demo, news_demo, demo_translations):
            module.build(demo)


def test_demo_translations_are_published_and_idempotent(
    client, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        build_demo()
    french = Page.objects.filter(locale__language_code="fr")
    count = french.count()
    assert count >= 7
    assert not any(Page.find_problems())

    with django_capture_on_commit_callbacks(execute=True):
        build_demo()
    assert french.count() == count
    assert not any(Page.find_problems())

    about = client.get("/fr/about/").content.decode()
    assert "À propos du réseau" in about
    assert '<a href="/fr/news/">Actualités</a>' in about
    spanish_feed = client.get("/es/news/feed/").content.decode()
    assert "La red supera las 300 organizaciones miembro" in spanish_feed
    assert "Réseau d&#x27;apprentissage entre pairs" in client.get("/fr/").content.decode()


def test_the_demos_footer_pages_and_pictures_are_in_the_visitors_language(
    client, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        build_demo()
    french_home = client.get("/fr/").content.decode()
    assert '<a href="/fr/code-of-conduct/">Code de conduite</a>' in french_home
    assert 'alt="Illustration : ' in french_home and 'alt="Illustration: ' not in french_home
    spanish_home = client.get("/es/").content.decode()
    assert '<a href="/es/privacy/">Privacidad</a>' in spanish_home
    assert 'alt="Ilustración: ' in spanish_home
    conduct = client.get("/fr/code-of-conduct/").content.decode()
    assert "Si quelque chose ne va pas" in conduct and "If something goes wrong" not in conduct
    privacy = client.get("/es/privacy/").content.decode()
    assert "Quién lo ve" in privacy and "Who sees it" not in privacy


def test_home_links_follow_the_language_when_the_home_has_no_live_translation(
    client, home, about, locales
):
    """With the French home unpublished, /fr/ shows the English home, its links in French."""
    home.hero_link = about
    home.hero_link_label = ""
    home.save_revision().publish()
    translate(about, locales["fr"], title="À propos du réseau")
    Page.objects.filter(locale=locales["fr"], depth=home.depth).get().specific.unpublish()
    client.get("/")  # makes the site settings: a new generation
    assert "À propos du réseau" in client.get("/fr/").content.decode()
    assert "À propos du réseau" not in client.get("/").content.decode()
