from django.core.paginator import Paginator

from portal import parameters

PAGE_SIZE = 12


def paginate(request, items, per_page=PAGE_SIZE):
    """A page of items; `?page=abc` gives the first page and `?page=99999` the last, never a 404."""
    return Paginator(items, per_page).get_page(parameters.integer(request.GET, "page"))


def query_without_page(request):
    """The request's query string less `page`: the filters a page of results carries over."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
