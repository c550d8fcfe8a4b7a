"""Admin forms shared by page types."""

from wagtail.admin.forms import WagtailAdminPageForm


class TopicsPageForm(WagtailAdminPageForm):
    """Offers only the topics in the page's language: a translated page carries the topics'
    translations, so the others would only be noise (and wrong on the page)."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        field = self.fields.get("topics")
        locale_id = self.instance.locale_id or getattr(parent_page, "locale_id", None)
        if field is not None and locale_id:
            field.queryset = field.queryset.filter(locale_id=locale_id).order_by("name")
