from django import forms
from django.utils.translation import gettext_lazy as _

from home.models import Topic

from .models import Preference


class PreferenceForm(forms.ModelForm):
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics I follow"),
        help_text=_("New questions, articles, case studies and news on these topics."),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Preference
        fields = ["email", "language", "can_help"]
        widgets = {"email": forms.RadioSelect}

    def __init__(self, *args, topics, followed, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = topics
        self.fields["topics"].initial = followed
