from django import template
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.urls import reverse

from knowledge.models import KnowledgeIndexPage
from knowledge.permissions import is_editor, is_member
from localization.locales import active_language_code

register = template.Library()


@register.filter
def edits_page(user, page):
    """Whether to show Wagtail's user bar: to editors, and to a member on a page they own. Other
    members could not edit the page, and the bar costs a signed-in render seven queries."""
    if not getattr(user, "is_authenticated", False):
        return False
    return is_editor(user) or getattr(page, "owner_id", None) == user.pk


def first_index_in_active_language():
    """The knowledge section in the language being shown, else the first one: one query."""
    own_language = ExpressionWrapper(
        Q(locale__language_code=active_language_code()), output_field=BooleanField()
    )
    indexes = KnowledgeIndexPage.objects.live().annotate(own_language=own_language)
    return indexes.order_by("-own_language", "path").values_list("pk", flat=True).first()


@register.inclusion_tag("knowledge/write_article_link.html", takes_context=True)
def write_article_link(context, index_id=None):
    """A "Write an article" link for signed-in members and editors, to the admin add form under
    `index_id`, else under the knowledge index in the page's language."""
    request = context.get("request")
    user = getattr(request, "user", None)
    url = ""
    if user is not None and user.is_authenticated and (is_member(user) or is_editor(user)):
        index = index_id or first_index_in_active_language()
        if index is not None:
            url = reverse(
                "wagtailadmin_pages:add", args=["knowledge", "knowledgearticlepage", index]
            )
    return {"write_url": url}
