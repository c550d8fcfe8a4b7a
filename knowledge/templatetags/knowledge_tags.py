from django import template
from django.urls import reverse

from knowledge.models import KnowledgeIndexPage
from knowledge.permissions import is_editor, is_member

register = template.Library()


@register.inclusion_tag("knowledge/write_article_link.html", takes_context=True)
def write_article_link(context):
    """A "Write an article" link for signed-in members and editors, to the admin add form."""
    request = context.get("request")
    user = getattr(request, "user", None)
    url = ""
    if user is not None and user.is_authenticated and (is_member(user) or is_editor(user)):
        if not hasattr(request, "_write_article_url"):  # the header and the article both ask
            index = KnowledgeIndexPage.objects.live().first()
            request._write_article_url = index and reverse(
                "wagtailadmin_pages:add",
                args=["knowledge", "knowledgearticlepage", index.pk],
            )
        url = request._write_article_url or ""
    return {"write_url": url}
