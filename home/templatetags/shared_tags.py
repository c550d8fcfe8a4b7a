"""`{% shared "name" key ... %}…{% endshared %}`: a part of a public page rendered once per content
generation, address and language for every visitor, then reused until a change starts a new
generation.

For the parts that are costly and the same for every visitor (the page's head and header, a
discussion thread, a listing), while the rest of the page (messages, the search box, forms with
CSRF tokens) is rendered per request. Only for anonymous visitors of a page served as public
(`home.serving`): members see their own forms and members-only items, so they always get a fresh
render; and nothing rendered with a CSRF token is kept. The keys are what else the fragment
depends on (filters, a page number); each address keeps at most PAGE_CACHE_MAX_VARIANTS sets of
keys per generation, so made-up values are rendered but not stored.
"""

import hashlib

from django import template
from django.utils.translation import get_language

from portal.page_cache import admit_variant, remember, used_csrf_token

register = template.Library()


def shares_fragments(request):
    if request is None or not getattr(request, "serves_public_page", False):
        return False
    return not request.user.is_authenticated


class SharedNode(template.Node):
    def __init__(self, name, keys, nodelist):
        self.name, self.keys, self.nodelist = name, keys, nodelist

    def render(self, context):
        request = context.get("request")
        if not shares_fragments(request):
            return self.nodelist.render(context)
        address = f"{request.scheme}://{request.get_host()}{request.path}"
        # The page's own template, not an error page (404.html) rendered at the same address.
        template = context.template.origin.template_name
        key = f"fragment:{self.name}:{address}:{template}:{get_language()}"
        if self.keys:
            values = "\n".join(str(value.resolve(context)) for value in self.keys)
            key += ":" + hashlib.sha256(values.encode()).hexdigest()

        def keep(html):
            if used_csrf_token(request):
                return False
            return not self.keys or admit_variant(f"fragment:{self.name}:{address}")

        # Rendered by the engine, so a SafeString; the cache's pickles keep it one.
        return remember(key, lambda: self.nodelist.render(context), keep=keep)


@register.tag
def shared(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% shared %} needs a name")
    nodelist = parser.parse(("endshared",))
    parser.delete_first_token()
    return SharedNode(
        bits[1].strip("\"'"), [parser.compile_filter(bit) for bit in bits[2:]], nodelist
    )
