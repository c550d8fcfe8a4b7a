"""Admin choosers for people: a case study's contact, an article's co-authors, a news item's author.

Wagtail's `ChooserViewSet` over active accounts of the given groups, searched by name and
organisation (and email, for the network team), each shown with avatar and organisation. Members
choose among listed profiles only (and themselves), as in the directory (members/directory.py).
"""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets import BaseChooser

from portal.parameters import clean

from .access import EDITORS_GROUP, MEMBERS_GROUP, sees_unlisted_profiles
from .names import display_name

MAX_QUERY_LENGTH = 100


class PeopleFilterForm(BaseFilterForm):
    """Every word of the query in a name or the organisation (or the email, for the team)."""

    q = forms.CharField(
        label=_("Search term"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Name, organisation or email")}),
    )

    def __init__(self, *args, search_email=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.search_email = search_email

    def filter(self, objects):
        query = clean(self.cleaned_data.get("q") or "", MAX_QUERY_LENGTH).strip()
        if not query:
            return objects
        self.is_searching = True
        self.search_query = query
        for word in query.split():
            matches = (
                Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(username__icontains=word)
                | Q(member_profile__organisation__icontains=word)
            )
            if self.search_email:
                matches |= Q(email__icontains=word)
            objects = objects.filter(matches)
        return objects


class PeopleMixin:
    """The people a chooser offers: active accounts in `groups`, as the directory lets the
    chooser's user see them."""

    groups = ()

    def get_object_list(self):
        user = self.request.user
        people = (
            get_user_model()
            .objects.filter(is_active=True, groups__name__in=self.groups)
            .distinct()
            .select_related("member_profile", "wagtail_userprofile")
            .order_by("first_name", "last_name", "username")
        )
        if not sees_unlisted_profiles(user):
            people = people.filter(Q(member_profile__listed_in_directory=True) | Q(pk=user.pk))
        return people


class AvatarColumn(Column):
    cell_template_name = "members/admin/avatar_cell.html"


class PeopleChooseMixin(PeopleMixin):
    def get_filter_form(self):
        return PeopleFilterForm(
            self.request.GET, search_email=sees_unlisted_profiles(self.request.user)
        )

    @property
    def columns(self):
        return [
            AvatarColumn("avatar", label=_("Photo"), accessor=lambda user: user, width="1%"),
            self.title_column,
            Column(
                "organisation",
                label=_("Organisation"),
                accessor=lambda user: (
                    getattr(user, "member_profile", None) and user.member_profile.organisation
                ),
            ),
        ]

    @property
    def title_column(self):
        """As Wagtail's, titled with the name: Wagtail uses str(user), the username."""
        if self.is_multiple_choice:
            return TitleColumn(
                "name", label=_("Name"), accessor=display_name, label_prefix="chooser-modal-select"
            )
        return TitleColumn(
            "name",
            label=_("Name"),
            accessor=display_name,
            get_url=lambda user: self.append_preserved_url_parameters(
                reverse(self.chosen_url_name, args=[user.pk])
            ),
            link_attrs={"data-chooser-modal-choice": True},
        )


class PeopleChosenMixin(PeopleMixin):
    def get_display_title(self, instance):
        return display_name(instance)

    def get_edit_item_url(self, instance):
        return None

    def get_object(self, pk):
        return self.get_object_list().get(pk=pk)

    def get_objects(self, pks):
        return self.get_object_list().filter(pk__in=[pk for pk in pks if pk.isdigit()])


class ChooseView(PeopleChooseMixin, chooser_views.ChooseView):
    pass


class ChooseResultsView(PeopleChooseMixin, chooser_views.ChooseResultsView):
    pass


class ChosenView(PeopleChosenMixin, chooser_views.ChosenView):
    pass


class ChosenMultipleView(PeopleChosenMixin, chooser_views.ChosenMultipleView):
    pass


class PersonChooser(BaseChooser):
    """One person, named as people know them (Wagtail's widget shows str(user), the username)."""

    show_edit_link = False

    def get_display_title(self, instance):
        return display_name(instance)


class PeopleChooser(forms.SelectMultiple):
    """Several people: the chosen ones listed, each removable, and a button that opens the same
    chooser in Wagtail's multiple-selection mode. Wagtail's MultipleChooserPanel needs a child
    model per choice; co-authors are a many-to-many field that other apps read as such."""

    template_name = "members/admin/people_chooser.html"
    chooser_url_name = None
    add_text = _("Add people")

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        ids = [str(pk) for pk in value or [] if str(pk).isdigit()]
        people = get_user_model().objects.filter(pk__in=ids).order_by("first_name", "last_name")
        context["widget"].update(
            people=[(person.pk, display_name(person)) for person in people],
            chooser_url=self.chooser_url,
            add_text=self.add_text,
        )
        return context

    @property
    def chooser_url(self):
        return reverse(self.chooser_url_name)

    @property
    def media(self):
        return forms.Media(
            js=[
                versioned_static("wagtailadmin/js/modal-workflow.js"),
                versioned_static("wagtailadmin/js/chooser-modal.js"),
                "members/js/people-chooser.js",
            ]
        )


class PeopleChooserViewSet(ChooserViewSet):
    model = settings.AUTH_USER_MODEL
    icon = "user"
    groups = (MEMBERS_GROUP,)
    register_widget = False  # chosen per field: other user fields keep Wagtail's widgets
    base_widget_class = PersonChooser
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
    per_page = 20

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(groups=self.groups, **kwargs)

    @cached_property
    def multiple_widget_class(self):
        return type(
            "PeopleChooser",
            (PeopleChooser,),
            {"chooser_url_name": self.get_url_name("choose"), "add_text": self.choose_one_text},
        )


member_chooser = PeopleChooserViewSet(
    "member_chooser",
    url_prefix="members/choose",
    choose_one_text=_("Choose a member"),
    choose_another_text=_("Choose another member"),
)
author_chooser = PeopleChooserViewSet(
    "author_chooser",
    url_prefix="members/choose-author",
    groups=(MEMBERS_GROUP, EDITORS_GROUP),
    choose_one_text=_("Choose the author"),
    choose_another_text=_("Choose another author"),
)
