from django import forms
from django.utils.translation import gettext_lazy as _

from .models import FlagReview


class ReportForm(forms.ModelForm):
    """What a member says when reporting a comment."""

    reason = forms.ChoiceField(
        label=FlagReview._meta.get_field("reason").verbose_name,
        choices=FlagReview.Reason.choices,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = FlagReview
        fields = ["reason", "details"]
        widgets = {"details": forms.Textarea(attrs={"rows": 3})}


class DismissForm(forms.Form):
    """Why a moderator leaves a reported comment up; the reporters may be asked about it."""

    reason = forms.CharField(
        label=_("Why the comment stays"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
