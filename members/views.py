"""Public views: joining, profiles, the member directory, and posting or flagging comments."""

from axes.helpers import get_client_ip_address
from django_comments.views.comments import post_comment as xtd_post_comment
from django_comments_xtd.models import XtdComment
from django_comments_xtd.views import flag as xtd_flag

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Page

from moderation.forms import ReportForm
from moderation.reports import record_report
from portal import parameters

from . import applications, limits
from .access import can_see_page, comments_enabled_for, is_member, member_required
from .directory import Listing, visible_profiles
from .forms import ApplicationForm, ProfileForm, mailbox
from .models import MemberProfile
from .profiles import ProfileDetails


def join(request):
    form = ApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        address = get_client_ip_address(request)  # as django-axes sees it, proxies included
        per_address = limits.Rate(settings.MEMBERS_APPLICATIONS_PER_ADDRESS_PER_HOUR, 3600)
        if not limits.allow("applications-address", address, per_address):
            return render(request, "members/join_rate_limited.html", status=429)
        # Spam, a second application from the same email address, and more than a few a day for
        # one mailbox (`+tag` variants included) get the same answer and are neither stored nor
        # acknowledged: the form never reveals who has applied (or is a member), and cannot be
        # used to flood someone's inbox.
        per_mailbox = limits.Rate(settings.MEMBERS_APPLICATIONS_PER_MAILBOX_PER_DAY, 86_400)
        if (
            not form.is_spam()
            and not form.is_repeat()
            and limits.allow(
                "applications-mailbox", mailbox(form.cleaned_data["email"]), per_mailbox
            )
        ):
            form.instance.language = get_language()
            applications.acknowledge(form.save())
        return redirect("members:join_thanks")
    return render(request, "members/join.html", {"form": form})


def join_thanks(request):
    return render(request, "members/join_thanks.html")


@member_required
def directory(request):
    return render(request, "members/directory.html", {"listing": Listing(request)})


@member_required
def profile(request, user_id):
    """The profile is looked up afresh (who may see it), what it shows is cached: see
    `ProfileDetails`."""
    member = get_object_or_404(
        visible_profiles(request.user).select_related("user", "region", "sector"),
        user_id=user_id,
    )
    return render(
        request,
        "members/profile.html",
        {
            "member": member,
            "details": ProfileDetails(member),
            "is_own": member.user_id == request.user.pk,
        },
    )


@member_required
def own_profile(request):
    profile, _created = MemberProfile.objects.get_or_create(user=request.user)
    return redirect(profile)


@member_required
def edit_profile(request):
    profile, _created = MemberProfile.objects.get_or_create(user=request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect(profile)
    return render(request, "members/profile_edit.html", {"form": form, "member": profile})


def discussable_page(request, label, object_pk):
    """The page a comment is about, if it is a discussable page the person may see."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    if not (issubclass(model, Page) and comments_enabled_for(model)):
        return None
    pk = parameters.to_id(str(object_pk))
    page = model.objects.filter(pk=pk).first() if pk is not None else None
    if page is None:
        return None
    if not can_see_page(request, page):
        raise PermissionDenied
    return page


def valid_reply_to(reply_to, page):
    """A new comment (0), or a reply to a shown comment on the same page within the thread depth."""
    reply_to = parameters.to_id(reply_to)
    if reply_to == 0:
        return True
    if reply_to is None:
        return False
    return XtdComment.objects.filter(
        pk=reply_to,
        content_type__app_label=page._meta.app_label,
        content_type__model=page._meta.model_name,
        object_pk=str(page.pk),
        is_public=True,
        is_removed=False,
        level__lt=settings.COMMENTS_XTD_MAX_THREAD_LEVEL,
    ).exists()


@require_POST
def post_comment(request):
    """Members only, on pages they may see, not too fast; then django-comments-xtd does the rest."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.POST.get("next") or "/")
    if not is_member(request.user):
        raise PermissionDenied
    page = discussable_page(
        request, request.POST.get("content_type", ""), request.POST.get("object_pk", "")
    )
    if page is None:
        return HttpResponseBadRequest(_("You can't comment on that."))
    if not valid_reply_to(request.POST.get("reply_to", "0"), page):
        return HttpResponseBadRequest(_("You can't reply to that comment."))
    if not limits.allow(
        "comments", request.user.pk, limits.Rate(settings.MEMBERS_COMMENTS_PER_MINUTE, 60)
    ):
        return render(request, "members/comment_rate_limited.html", {"page": page}, status=429)
    response = xtd_post_comment(request)
    if response.status_code == 302:
        if getattr(request, "comment_held", False):
            messages.info(
                request,
                _("Thank you. Your comment will appear once a moderator has approved it."),
            )
        else:
            messages.success(request, _("Your comment has been posted."))
    return response


@login_required
def flag_comment(request, comment_id):
    """xtd's flag view, for members who may see the comment's page."""
    comment = get_object_or_404(XtdComment, pk=comment_id, is_public=True, is_removed=False)
    if not is_member(request.user):
        raise PermissionDenied
    page = discussable_page(
        request, comment.content_type.model_class()._meta.label, comment.object_pk
    )
    if page is None:
        raise PermissionDenied
    form = ReportForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        status = 400 if request.method == "POST" else 200
        context = {"comment": comment, "next": page.url + "#comments", "form": form}
        return render(request, "comments/flag.html", context, status=status)
    response = xtd_flag(request, comment_id, next=page.url + "#comments")
    record_report(comment, request.user, form)
    return response
