"""Public questions in the sitemap, beside the pages; members-only ones never are."""

from wagtail.contrib.sitemaps import Sitemap

from .models import Question


class PublicQuestionSitemap(Sitemap):
    """Wagtail's sitemap asks each item for `get_sitemap_urls`, which `Question` answers."""

    def items(self):
        return Question.objects.public().select_related("locale").order_by("pk")
