"""Settings and navigation that editors change in the admin, not in code."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import PreviewableMixin, TranslatableMixin
from wagtail.snippets.models import register_snippet

from home.blocks import LinkBlock, localize_links
from localization.locales import active_language_code


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    select_related = ["logo"]

    network_name = models.CharField(
        _("network name"), max_length=100, default="Peer Learning Network"
    )
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    footer_text = models.TextField(_("footer text"), blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_address = models.TextField(_("postal address"), blank=True)
    social_links = StreamField([("link", LinkBlock())], blank=True, verbose_name=_("social links"))
    footer_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("footer links"),
        help_text=_("The site's own pages listed in every page's footer: about, privacy, conduct."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("network_name"), FieldPanel("tagline"), FieldPanel("logo")],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [FieldPanel("footer_text"), FieldPanel("contact_email"), FieldPanel("contact_address")],
            heading=_("Footer and contact"),
        ),
        FieldPanel("footer_links"),
        FieldPanel("social_links"),
    ]

    def localized_footer_links(self):
        """The footer's links, their pages in the current language (one query for all)."""
        return [
            {"url": link.url(), "text": link.text()}
            for link in localize_links(item.value for item in self.footer_links)
        ]

    class Meta:
        verbose_name = _("site settings")

    @cached_property
    def text(self):
        """The wording for the current language: its site text, else these settings' own fields
        (Wagtail keeps one settings object per request, so asked once per request)."""
        texts = SiteText.objects.filter(locale__language_code=active_language_code())
        return texts.first() or self


@register_snippet
class SiteText(TranslatableMixin, models.Model):
    """The site's name, tagline and footer in one language; translated with wagtail-localize."""

    network_name = models.CharField(_("network name"), max_length=100)
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    footer_text = models.TextField(_("footer text"), blank=True)

    panels = [FieldPanel("network_name"), FieldPanel("tagline"), FieldPanel("footer_text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site text")
        verbose_name_plural = _("site texts")

    def __str__(self):
        return f"{self.network_name} ({self.locale})"


class MainMenu(TranslatableMixin, PreviewableMixin, models.Model):
    """The header navigation; one per language, chosen by the current locale."""

    title = models.CharField(_("title"), max_length=100, default="Main menu")
    items = StreamField([("link", LinkBlock())], blank=True, verbose_name=_("items"))

    panels = [FieldPanel("title"), FieldPanel("items")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("main menu")
        verbose_name_plural = _("main menus")

    def __str__(self):
        return f"{self.title} ({self.locale})"

    def get_preview_template(self, request, mode_name):
        return "navigation/menu_preview.html"

    def links(self):
        """[{"url": ..., "text": ...}] for each item, its pages in the current language (one
        query for all of them)."""
        return [
            {"url": link.url(), "text": link.text()}
            for link in localize_links(item.value for item in self.items)
        ]
