"""Proposing a group, inviting, posting, uploading a document and planning a meeting."""

import datetime
import zoneinfo

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model

from home.models import Topic
from localization.locales import active_locale
from members.access import is_member

from .models import Meeting, Reply, Thread, WorkingGroup


class ProposalForm(forms.ModelForm):
    class Meta:
        model = WorkingGroup
        fields = ["name", "purpose", "topics", "joining"]
        widgets = {"topics": forms.CheckboxSelectMultiple, "joining": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = Topic.objects.filter(locale=active_locale())


class InviteForm(forms.Form):
    username = forms.CharField(
        label=_("Member's user name"), max_length=150, help_text=_("As shown on their profile.")
    )

    def clean_username(self):
        user = get_user_model().objects.filter(username=self.cleaned_data["username"]).first()
        if user is None or not is_member(user):
            raise ValidationError(_("There is no member with that user name."))
        return user


class ThreadForm(forms.ModelForm):
    class Meta:
        model = Thread
        fields = ["title", "body"]


class ReplyForm(forms.ModelForm):
    class Meta:
        model = Reply
        fields = ["body"]
        labels = {"body": _("Your reply")}


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    file = forms.FileField(
        label=_("Document"), help_text=_("PDF, Word, spreadsheet or text, 10 MB at most.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].validators.append(
            FileExtensionValidator(settings.WAGTAILDOCS_EXTENSIONS)
        )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE:
            raise ValidationError(_("The document is larger than 10 MB."))
        return upload

    def save(self, group, user):
        """Store it as a Wagtail document in the group's restricted collection."""
        document = get_document_model()(
            title=self.cleaned_data["title"],
            file=self.cleaned_data["file"],
            collection=group.collection,
            uploaded_by_user=user,
        )
        document.save()
        return document


class MeetingForm(forms.ModelForm):
    """The date and time are the meeting's own, in its time zone; they are stored in UTC."""

    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(label=_("Time"), widget=forms.TimeInput(attrs={"type": "time"}))

    class Meta:
        model = Meeting
        fields = ["title", "date", "time", "time_zone", "place", "video_link", "agenda", "notes"]
        help_texts = {"video_link": _("The address members follow to join the call.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            local = self.instance.starts_at.astimezone(zoneinfo.ZoneInfo(self.instance.time_zone))
            self.initial.update(date=local.date(), time=local.time())

    def clean(self):
        data = super().clean()
        if data.get("date") and data.get("time") and data.get("time_zone"):
            zone = zoneinfo.ZoneInfo(data["time_zone"])
            self.instance.starts_at = datetime.datetime.combine(
                data["date"], data["time"], tzinfo=zone
            )
        return data
