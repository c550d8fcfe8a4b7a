"""Topics, sectors and regions: translatable snippets shared by every page type."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


def optional_term(model, verbose_name, related_name="+"):
    """A link to a sector or region (`"home.Sector"`), optional and cleared if the term goes."""
    return models.ForeignKey(
        model,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
    )


class Term(TranslatableMixin, index.Indexed, models.Model):
    """A named, sluggable label; each kind of term is its own snippet."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("Used in addresses and filters, e.g. ?topic=slug")
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        """Slugs are unique per language; the admin form leaves `locale` out, so check here."""
        super().clean()
        clash = type(self).objects.filter(locale_id=self.locale_id, slug=self.slug)
        if self.locale_id and clash.exclude(pk=self.pk).exists():
            raise ValidationError(
                {
                    "slug": _("Another %(kind)s already uses this slug.")
                    % {"kind": self._meta.verbose_name}
                }
            )


class Topic(Term):
    class Meta(Term.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Sector(Term):
    class Meta(Term.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Region(Term):
    country = models.CharField(_("country"), max_length=100, blank=True)

    panels = [*Term.panels, FieldPanel("country")]

    class Meta(Term.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
