"""Edit-form panels shared by the page types."""

from django.utils.text import capfirst

from wagtail.admin.panels import FieldPanel


class HeadedFieldPanel(FieldPanel):
    """A field shown under a heading of its own ("Summary" for the intro), named so in the
    revisions' comparison too: Wagtail labels a compared field with the model field's verbose name
    ("Introduction"), so the diff would name a field the editor never saw."""

    def get_comparison_class(self):
        comparison = super().get_comparison_class()
        label = capfirst(self.heading)
        return type(comparison.__name__, (comparison,), {"field_label": lambda _self: label})
