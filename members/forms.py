from django import forms
from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.forms.boundfield import BoundField
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from home.models import Region, Sector, Topic
from localization.locales import active_language_code, locale_for

from .models import MemberProfile, MembershipApplication


def regions():
    return Region.objects.filter(locale=locale_for(settings.LANGUAGE_CODE))


def topics():
    return Topic.objects.filter(locale=locale_for(settings.LANGUAGE_CODE))


def sectors():
    return Sector.objects.filter(locale=locale_for(settings.LANGUAGE_CODE))


def in_active_language(field):
    """Show a term field's choices by their names in the page's language, in that language's
    order, while the values stay the default language's terms, which profiles and the directory
    share."""
    model = field.queryset.model
    translated = model.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=active_language_code()
    ).values("name")[:1]
    field.queryset = field.queryset.annotate(
        shown_name=Coalesce(Subquery(translated), "name")
    ).order_by("shown_name")
    field.label_from_instance = lambda term: term.shown_name


class CountedBoundField(BoundField):
    """Django's bound field, with the character count (components/form_field.html) among the
    texts that describe the input."""

    @property
    def counted_limit(self):
        """The limit to count towards: typed text only (an email address's 254 is technical)."""
        if self.widget_type in ("text", "textarea"):
            return getattr(self.field, "max_length", None)
        return None

    @property
    def aria_describedby(self):
        described = super().aria_describedby
        if self.counted_limit and self.auto_id:
            return " ".join(filter(None, [described, f"{self.auto_id}_count"]))
        return described


def count_instead_of_cut(form):
    """Browsers silently cut pasted text at an input's `maxlength`; instead, the page counts
    characters (components/form_field.html) and the server refuses over-long text with an error."""
    for field in form.fields.values():
        field.widget.attrs.pop("maxlength", None)


def mailbox(email):
    """The mailbox an address delivers to: `Grace+spam@Example.org` is `grace@example.org`."""
    local, _at, domain = email.strip().lower().rpartition("@")
    return f"{local.split('+', 1)[0]}@{domain}"


class ApplicationForm(forms.ModelForm):
    bound_field_class = CountedBoundField

    """The public "Join the network" form. One application per email address.

    `website` is a honeypot: hidden from people and assistive technology by its template (in
    members/templates/, where Django's form renderer looks), it is filled in only by bots, whose
    applications the view drops without saying so."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        template_name="members/honeypot_field.html",
    )

    class Meta:
        model = MembershipApplication
        fields = [
            "name",
            "email",
            "organisation",
            "role",
            "region",
            "expertise",
            "hopes_to_share",
            "listed_in_directory",
        ]
        widgets = {"expertise": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions()
        self.fields["region"].empty_label = _("Choose your region")
        self.fields["expertise"].queryset = topics()
        for name in ("region", "expertise"):
            in_active_language(self.fields[name])
        count_instead_of_cut(self)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def validate_unique(self):
        """A repeated address is not an error: telling the visitor would tell anyone typing an
        address whether that person has applied, and so whether they are a member. The view
        stores only the first application from an address."""

    def is_spam(self):
        return bool(self.cleaned_data["website"])

    def is_repeat(self):
        email = self.cleaned_data["email"]
        return MembershipApplication.objects.filter(email__iexact=email).exists()


class ProfileForm(forms.ModelForm):
    first_name = forms.CharField(label=_("first name"), max_length=150)
    last_name = forms.CharField(label=_("last name"), max_length=150, required=False)

    class Meta:
        model = MemberProfile
        fields = [
            "organisation",
            "role",
            "region",
            "sector",
            "languages",
            "bio",
            "expertise",
            "can_help_with",
            "looking_for",
            "contact_preference",
            "contact_details",
            "listed_in_directory",
        ]
        widgets = {
            "expertise": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions()
        self.fields["sector"].queryset = sectors()
        self.fields["expertise"].queryset = topics()
        for name in ("region", "sector", "expertise"):
            in_active_language(self.fields[name])
        user = self.instance.user
        self.fields["first_name"].initial = user.first_name
        self.fields["last_name"].initial = user.last_name
        self.order_fields(["first_name", "last_name"])

    def save(self, commit=True):
        user = self.instance.user
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save(update_fields=["first_name", "last_name"])
        return super().save(commit)


class DirectoryFilterForm(forms.Form):
    """The directory's query and facets; `show_counts` puts the backend's counts in the options."""

    q = forms.CharField(
        label=_("What are you looking for?"),
        required=False,
        max_length=100,
        help_text=_("A need, a topic, a name or an organisation: “heat pump”, “cooperative”."),
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("All topics"),
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=Sector.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("All sectors"),
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("All regions"),
    )
    language = forms.ModelChoiceField(
        label=_("Language spoken"),
        queryset=Locale.objects.all(),
        required=False,
        to_field_name="language_code",
        empty_label=_("Any language"),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topics()
        self.fields["sector"].queryset = sectors()
        self.fields["region"].queryset = regions()
        for name in ("topic", "sector", "region"):
            in_active_language(self.fields[name])

    def show_counts(self, options):
        """Label each option with how many of the found members it has (`search`'s options)."""
        for name, values in options.items():
            counts = {value.pk: count for value, count in values}
            field = self.fields[name]
            name_of = field.label_from_instance
            field.label_from_instance = lambda value, counts=counts, name_of=name_of: (
                f"{name_of(value)} ({counts.get(value.pk, 0)})"
            )
