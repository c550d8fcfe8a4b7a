"""A news item's author becomes a person: the free-text author is kept as the byline, then linked
to the one active account of that name, if there is exactly one (the byline is then cleared).
Unmatched names ("Editorial team", a guest) stay readable as the byline. Revisions are rewritten
the same way, so drafts and the history still load."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def full_names(apps):
    """Lower-cased full name → the id of the one active account of that name."""
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    ids = {}
    for pk, first, last in User.objects.filter(is_active=True).values_list(
        "pk", "first_name", "last_name"
    ):
        name = f"{first} {last}".strip().casefold()
        if name:
            ids[name] = None if name in ids else pk  # two people of one name: no guess
    return ids


def link(fields, ids):
    """`fields` (a page's or a revision's) with the text author as byline, linked if it matches."""
    byline = fields.pop("author", "") or ""
    author = ids.get(byline.strip().casefold())
    fields["author"] = author
    fields["byline"] = "" if author else byline
    return fields


def link_authors(apps, schema_editor):
    NewsPage = apps.get_model("news", "NewsPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    ids = full_names(apps)
    for page in NewsPage.objects.exclude(byline=""):
        fields = link({"author": page.byline}, ids)
        NewsPage.objects.filter(pk=page.pk).update(
            author_id=fields["author"], byline=fields["byline"]
        )
    news_type = ContentType.objects.filter(app_label="news", model="newspage").first()
    if news_type is None:
        return
    for revision in Revision.objects.filter(content_type=news_type).iterator():
        if isinstance(revision.content.get("author"), str) or "byline" not in revision.content:
            revision.content = link(revision.content, ids)
            revision.save(update_fields=["content"])


def unlink_authors(apps, schema_editor):
    """Back to text: each linked author's name is written into the byline."""
    NewsPage = apps.get_model("news", "NewsPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    names = {
        pk: f"{first} {last}".strip()
        for pk, first, last in User.objects.values_list("pk", "first_name", "last_name")
    }
    for page in NewsPage.objects.exclude(author=None):
        NewsPage.objects.filter(pk=page.pk).update(byline=names.get(page.author_id, ""))
    for revision in Revision.objects.filter(content_type__app_label="news").iterator():
        author = revision.content.get("author")
        if not isinstance(author, str):
            revision.content["author"] = names.get(author, "") or revision.content.get("byline", "")
            revision.content.pop("byline", None)
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_listing_image_alt"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(model_name="newspage", old_name="author", new_name="byline"),
        migrations.AlterField(
            model_name="newspage",
            name="byline",
            field=models.CharField(blank=True, max_length=120, verbose_name="byline"),
        ),
        migrations.AddField(
            model_name="newspage",
            name="author",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="news_items",
                to=settings.AUTH_USER_MODEL,
                verbose_name="author",
            ),
        ),
        migrations.RunPython(link_authors, unlink_authors),
    ]
