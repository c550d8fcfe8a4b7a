"""StreamField blocks shared by every page body."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from localization.locales import localized, localized_pages


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        label=_("level"),
    )

    class Meta:
        icon = "title"
        template = "components/streamfield/heading_block.html"
        preview_value = {"text": "What we learned", "level": "h2"}
        description = _("A section heading; keep levels in order for screen readers.")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault(
            "features", ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "components/streamfield/paragraph_block.html"
        preview_value = (
            "<p>Members share what worked, and what did not, so others can go faster.</p>"
        )
        description = _("Formatted text with links and lists.")


class FigureBlock(blocks.StructBlock):
    """An image with required alt text (unless marked decorative) and an optional caption."""

    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250, label=_("caption"))

    class Meta:
        icon = "image"
        template = "components/streamfield/figure_block.html"
        description = _("An image with alt text and an optional caption.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(required=False, max_length=200, label=_("attribution"))

    class Meta:
        icon = "openquote"
        template = "components/streamfield/quote_block.html"
        preview_value = {
            "quote": "Asking another council saved us a year of trial and error.",
            "attribution": "Sustainability officer, member since 2019",
        }
        description = _("A pull quote with who said it.")


class LinkStructValue(blocks.StructValue):
    """Resolves a link to a page (in the current language) or an address, whichever the editor
    chose. `localize_links` resolves the pages of many links in one query."""

    def localized_page(self):
        if "_localized_page" not in self.__dict__:
            page = self.get("page")
            self._localized_page = localized(page) if page else None
        return self._localized_page

    def url(self):
        page = self.localized_page()
        if page:
            return page.url
        return self.get("link_url") or ""

    def text(self):
        page = self.localized_page()
        return self.get("label") or (page.title if page else self.get("link_url"))


def localize_links(links):
    """Find the current language's version of every linked page at once; returns the links."""
    links = [link for link in links if isinstance(link, LinkStructValue)]
    linked = [link for link in links if link.get("page")]
    for link, page in zip(linked, localized_pages([link["page"] for link in linked]), strict=True):
        link._localized_page = page
    return links


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(required=False, max_length=80, label=_("label"))
    page = blocks.PageChooserBlock(required=False, label=_("page"))
    link_url = blocks.URLBlock(required=False, label=_("or address"))

    class Meta:
        icon = "link"
        value_class = LinkStructValue
        template = "components/streamfield/link_block.html"
        preview_value = {"label": "Join the network", "link_url": "https://example.org/join/"}
        description = _("A link to a page on this site or to another address.")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("link_url")):
            message = _("Choose a page or enter an address, not both.")
            raise StructBlockValidationError(block_errors={"page": ValidationError(message)})
        if value.get("link_url") and not value.get("label"):
            raise StructBlockValidationError(
                block_errors={"label": ValidationError(_("Links to addresses need a label."))}
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, label=_("heading"))
    text = blocks.TextBlock(required=False, label=_("text"))
    link = LinkBlock()

    class Meta:
        icon = "pick"
        template = "components/streamfield/call_to_action_block.html"
        preview_value = {
            "heading": "Share what your organisation learned",
            "text": "Members write short guides that others can reuse.",
            "link": {"label": "Join the network", "link_url": "https://example.org/join/"},
        }
        description = _("A highlighted box that invites the reader to act.")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(required=False, max_length=200, label=_("title"))

    class Meta:
        icon = "doc-full"
        template = "components/streamfield/document_block.html"
        description = _("A downloadable file, such as a briefing paper.")


class VideoBlock(EmbedBlock):
    class Meta:
        icon = "media"
        template = "components/streamfield/embed_block.html"
        description = _("A video or other media from a site such as YouTube or Vimeo.")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = FigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentBlock()
    embed = VideoBlock()

    class Meta:
        template = "components/streamfield/body.html"
