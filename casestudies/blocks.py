"""Blocks for the structured parts of a case study: results, pros and cons, partners."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class ResultBlock(blocks.StructBlock):
    """A measurable result: a figure and what it measures."""

    value = blocks.CharBlock(max_length=40, label=_("value"), help_text=_("e.g. 40% or £12,000"))
    label = blocks.CharBlock(
        max_length=160, label=_("what it measures"), help_text=_("e.g. fewer car trips to work")
    )

    class Meta:
        icon = "success"
        template = "casestudies/blocks/result_block.html"
        preview_value = {"value": "40%", "label": "less food thrown away in school kitchens"}
        description = _("One measurable result, shown as a figure with its label.")


class PointBlock(blocks.CharBlock):
    """One short point in a list of pros or cons."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 300)
        super().__init__(**kwargs)

    class Meta:
        icon = "list-ul"
        template = "casestudies/blocks/point_block.html"
        preview_value = "Staff saw the numbers every week, so menus changed quickly."
        description = _("One short point, a sentence at most.")


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=160, label=_("name"))
    role = blocks.CharBlock(
        required=False, max_length=160, label=_("role"), help_text=_("e.g. funder, delivery")
    )
    website = blocks.URLBlock(required=False, label=_("website"))

    class Meta:
        icon = "group"
        template = "casestudies/blocks/partner_block.html"
        preview_value = {
            "name": "Community Energy Co-operative",
            "role": "installation partner",
            "website": "https://example.org/",
        }
        description = _("An organisation that worked on the project, and what it did.")
