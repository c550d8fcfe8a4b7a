"""Results beside pages: an app whose content is not a page (questions) adds a section to the search
page through the `register_search_section` hook, so search/ never names its models.

A hook is called as `hook(request, words, filters)` (the query's words and `query.Filters`) and
returns a `Section`, or None when it has nothing for this search. It must list only what the
searcher may read, and search through Wagtail's backend (`query.backend_for(filters)`).
"""

from dataclasses import dataclass, field

from wagtail import hooks

HOOK = "register_search_section"


@dataclass
class Section:
    label: str
    count: int
    items: list = field(default_factory=list)  # [{"title", "url", "snippet", "kind", "date"}]


def search_sections(request, words, filters):
    sections = (hook(request, words, filters) for hook in hooks.get_hooks(HOOK))
    return [section for section in sections if section is not None and section.items]
