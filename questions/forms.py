"""Asking, answering, editing, flagging and merging; attachments go to the members' collection."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField

from home.models import Region, Sector, Topic
from localization.locales import active_locale

from .models import Answer, Flag, Question
from .roles import attachments_collection


def image_field():
    """Wagtail's image field writes its help text (formats, size) when made: made per form, it
    is in the language being read."""
    return WagtailImageField(label=_("Image"), required=False)


class QuestionForm(forms.ModelForm):
    image_file = image_field()
    document_file = forms.FileField(
        label=_("Document"),
        required=False,
        help_text=_("PDF, Word, spreadsheet or text, 10 MB at most."),
    )

    class Meta:
        model = Question
        fields = ["title", "details", "topics", "sector", "region"]
        widgets = {
            "topics": forms.CheckboxSelectMultiple,
            "title": forms.TextInput(attrs={"autocomplete": "off"}),
        }
        help_texts = {
            "title": _("One sentence: what do you want to know?"),
            "details": _("What you tried, what happened, what would help. Addresses become links."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = active_locale()
        self.fields["topics"].queryset = Topic.objects.filter(locale=locale)
        self.fields["sector"].queryset = Sector.objects.filter(locale=locale)
        self.fields["region"].queryset = Region.objects.filter(locale=locale)
        self.fields["document_file"].validators.append(
            FileExtensionValidator(settings.WAGTAILDOCS_EXTENSIONS)
        )
        if self.instance.pk:  # attachments and locale are set when asking
            del self.fields["image_file"]
            del self.fields["document_file"]
        else:
            self.fields["image_file"] = image_field()

    def clean_document_file(self):
        upload = self.cleaned_data.get("document_file")
        if upload and upload.size > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE:
            raise ValidationError(_("The document is larger than 10 MB."))
        return upload

    def save_attachments(self, user):
        """Store the uploads as Wagtail image and document in the members-only collection."""
        collection = attachments_collection()
        title = self.instance.title[:255]
        if upload := self.cleaned_data.get("image_file"):
            image = get_image_model()(
                title=title, file=upload, collection=collection, uploaded_by_user=user
            )
            image.save()
            self.instance.image = image
        if upload := self.cleaned_data.get("document_file"):
            document = get_document_model()(
                title=title, file=upload, collection=collection, uploaded_by_user=user
            )
            document.save()
            self.instance.document = document


class AnswerForm(forms.ModelForm):
    class Meta:
        model = Answer
        fields = ["body"]
        labels = {"body": _("Your answer")}
        help_texts = {"body": _("Share what you did and what you learned. Addresses become links.")}


class FlagForm(forms.ModelForm):
    class Meta:
        model = Flag
        fields = ["reason"]
        labels = {"reason": _("What is wrong with it? (optional)")}


class MergeForm(forms.Form):
    target = forms.IntegerField(
        label=_("Number of the question to merge this one into"), min_value=1
    )

    def __init__(self, *args, question, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        self.candidates = candidates

    def clean_target(self):
        target = self.candidates.exclude(pk=self.question.pk).filter(pk=self.cleaned_data["target"])
        if not target.exists():
            raise ValidationError(_("There is no other question with that number."))
        return target.get()
