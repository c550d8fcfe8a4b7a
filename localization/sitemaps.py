"""One sitemap for every language: each locale's tree under the site root, live and public only."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class TranslatedSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_tree = Page.objects.none()
        for root in roots:
            in_any_tree |= Page.objects.descendant_of(root, inclusive=True)
        return (
            in_any_tree.live()
            .public()
            .order_by("locale_id", "path")
            .defer_streamfields()
            .specific()
        )


sitemaps = {"pages": TranslatedSitemap}
