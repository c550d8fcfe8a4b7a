"""The inbox, notification settings and the unsubscribe page: for the signed-in member only."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.models import Topic
from home.pagination import paginate
from localization.locales import active_locale
from members.responses import private

from .forms import PreferenceForm
from .models import Notification, Preference, TopicFollow
from .service import in_language, message, preference_for, user_id_from_token


@private
@login_required
def inbox(request):
    notifications = paginate(
        request, Notification.objects.filter(recipient=request.user).select_related("actor")
    )
    language = get_language()
    for item in notifications:
        item.message = message(item)
        item.localized_url = in_language(item.url, language)
    return render(request, "notifications/inbox.html", {"notifications": notifications})


@require_POST
@login_required
def mark_read(request, notification_id=None):
    """Mark one notification (a forged id is a 404) or all of them read."""
    unread = Notification.objects.filter(recipient=request.user, read_at__isnull=True)
    if notification_id is not None:
        notification = get_object_or_404(Notification, pk=notification_id, recipient=request.user)
        unread = unread.filter(pk=notification.pk)
    unread.update(read_at=timezone.now())
    return redirect("notifications:inbox")


def followed_topic_ids(user):
    return list(TopicFollow.objects.filter(user=user).values_list("topic_id", flat=True))


@private
@login_required
def settings_view(request):
    preference = preference_for(request.user, language=get_language())
    topics = Topic.objects.filter(locale=active_locale())
    followed = followed_topic_ids(request.user)
    form = PreferenceForm(
        request.POST or None, instance=preference, topics=topics, followed=followed
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        chosen = {topic.pk for topic in form.cleaned_data["topics"]}
        shown = {topic.pk for topic in topics}
        TopicFollow.objects.filter(user=request.user, topic__in=shown - chosen).delete()
        for topic_id in chosen - set(followed):
            TopicFollow.objects.get_or_create(user=request.user, topic_id=topic_id)
        messages.success(request, _("Your notification settings have been saved."))
        return redirect("notifications:settings")
    return render(request, "notifications/settings.html", {"form": form})


@private
def unsubscribe(request, token):
    """From an email's link: a confirmation page (GET never changes anything), then no email."""
    user = get_object_or_404(get_user_model(), pk=user_id_from_token(token) or 0, is_active=True)
    done = False
    if request.method == "POST":
        Preference.objects.update_or_create(user=user, defaults={"email": Preference.Email.OFF})
        done = True
    return render(request, "notifications/unsubscribe.html", {"done": done})
