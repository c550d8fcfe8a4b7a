"""Questions, answers, helpful votes, follows, edit history and flags."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.models import Site
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from home.models import optional_term

from .access import is_moderator, takes_part

TITLE_MAX_LENGTH = 200
BODY_MAX_LENGTH = 10_000


class State(models.TextChoices):
    """Where a post stands with the moderators."""

    PUBLISHED = "published", _("Published")
    HELD = "held", _("Held for moderation")
    HIDDEN = "hidden", _("Hidden by a moderator")


def shown_to(user, moderator):
    """The condition on a post's state and author for what this person may read."""
    if moderator:
        return Q()
    if user.is_authenticated:
        return Q(state=State.PUBLISHED) | Q(author=user)
    return Q(state=State.PUBLISHED)


def site_root_url(request):
    """The root address of the request's Wagtail site, or of the default site."""
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    return site.root_url


class QuestionQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def visible_to(self, user):
        """What a person may read: members see published questions (and their own), visitors
        only the published ones an editor made public, moderators everything but merged ones."""
        moderator = is_moderator(user)
        questions = self.filter(merged_into__isnull=True).filter(shown_to(user, moderator))
        if not (moderator or takes_part(user)):
            questions = questions.filter(is_public=True)
        return questions

    def listed_for(self, user):
        """What search lists for a person: published questions they may read (members: all;
        visitors: the public ones), never held, hidden or merged ones."""
        questions = self.filter(state=State.PUBLISHED, merged_into__isnull=True)
        return questions if takes_part(user) else questions.filter(is_public=True)

    def public(self):
        """What anyone may read, so what feeds and the sitemap list."""
        return self.filter(state=State.PUBLISHED, merged_into__isnull=True, is_public=True)

    def with_counts(self):
        answered = Answer.objects.filter(question=OuterRef("pk"), state=State.PUBLISHED)
        return self.annotate(
            answer_count=Count("answers", filter=Q(answers__state=State.PUBLISHED)),
            resolved=Exists(answered.filter(is_accepted=True)),
        )


class ModeratedPost(models.Model):
    """A post members may flag and moderators hide, or hold until approved: questions and
    answers here, working groups' threads and replies too."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.CASCADE
    )
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.PUBLISHED
    )
    flags = GenericRelation("questions.Flag")

    class Meta:
        abstract = True

    def flag(self, user, reason):
        """Record a member's report (again if it was dealt with); Django's update_or_create
        makes a parallel one find the row."""
        Flag.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(self),
            object_id=self.pk,
            user=user,
            defaults={"reason": reason, "resolved": False},
        )

    def moderate(self, state):
        """Hide or publish the post and mark its flags dealt with. True when this published it,
        so the caller tells people about it once."""
        type(self).objects.filter(pk=self.pk).update(state=state)
        self.flags.update(resolved=True)
        published = state == State.PUBLISHED and self.state != State.PUBLISHED
        self.state = state
        return published


class Post(ModeratedPost):
    """What questions and answers add: when they were written and edited, and the edits."""

    created_at = models.DateTimeField(_("asked"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("last edited"), auto_now=True)
    edits = GenericRelation("questions.PostEdit")

    class Meta:
        abstract = True


class Question(index.Indexed, Post):
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    details = models.TextField(_("details"), max_length=BODY_MAX_LENGTH)
    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("language"), on_delete=models.PROTECT, related_name="+"
    )
    topics = models.ManyToManyField("home.Topic", verbose_name=_("topics"), related_name="+")
    sector = optional_term("home.Sector", _("sector"))
    region = optional_term("home.Region", _("region"))
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_("Visitors may read it. Only a resolved question can be made public."),
    )
    locked = models.BooleanField(
        _("locked"), default=False, help_text=_("No new answers, votes or edits.")
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged",
    )
    article = models.ForeignKey(
        "knowledge.KnowledgeArticlePage",
        verbose_name=_("knowledge article"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="source_questions",
    )

    objects = QuestionQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("details"),
        index.FilterField("state"),
        index.FilterField("is_public"),
        index.FilterField("merged_into"),
        index.FilterField("locale"),
        index.FilterField("id"),  # search narrows by topic, sector and region to these ids
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("questions:detail", args=[self.pk])

    def get_url_in_its_language(self):
        """The address in the language it was asked in (needs `locale`)."""
        with translation.override(self.locale.language_code):
            return self.get_absolute_url()

    def get_full_url(self, request):
        """The address on the request's site (as Wagtail's `Page.get_full_url`), in the
        question's language: what the sitemap and feeds list."""
        return site_root_url(request) + self.get_url_in_its_language()

    def get_sitemap_urls(self, request):
        """What Wagtail's sitemap asks each item for, as it does pages."""
        return [{"location": self.get_full_url(request), "lastmod": self.updated_at}]

    @property
    def body(self):
        return self.details

    def clean(self):
        super().clean()
        if self.is_public and not (self.pk and self.accepted_answer()):
            raise ValidationError({"is_public": _("Only a resolved question can be made public.")})

    def accepted_answer(self):
        return self.answers.filter(is_accepted=True, state=State.PUBLISHED).first()


class AnswerQuerySet(models.QuerySet):
    def ranked(self):
        """Accepted first, then the most helpful, then the oldest."""
        return self.annotate(helpful_count=Count("votes")).order_by(
            "-is_accepted", "-helpful_count", "created_at", "pk"
        )


class Answer(Post):
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="answers"
    )
    body = models.TextField(_("answer"), max_length=BODY_MAX_LENGTH)
    is_accepted = models.BooleanField(_("accepted"), default=False)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["question"],
                condition=Q(is_accepted=True),
                name="questions_one_accepted_answer",
            )
        ]

    def __str__(self):
        return _("Answer by %(name)s") % {"name": self.author.get_full_name() or self.author}

    def get_absolute_url(self):
        return f"{self.question.get_absolute_url()}#answer-{self.pk}"


class HelpfulVote(models.Model):
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["answer", "user"], name="questions_one_vote_each")
        ]

    def __str__(self):
        return f"{self.user_id} → {self.answer_id}"


class QuestionFollow(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "user"], name="questions_follow_once")
        ]

    def __str__(self):
        return f"{self.user_id} → {self.question_id}"


class PostEdit(models.Model):
    """The version of a post before an edit: the history editors read."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    post = GenericForeignKey("content_type", "object_id")
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("edited by"), on_delete=models.CASCADE
    )
    title = models.CharField(_("title before"), max_length=TITLE_MAX_LENGTH, blank=True)
    body = models.TextField(_("text before"))
    edited_at = models.DateTimeField(_("edited"), auto_now_add=True)

    class Meta:
        ordering = ["-edited_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} @ {self.edited_at}"


class Flag(models.Model):
    """A member's report that a post breaks the code of conduct; one per member and post."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    post = GenericForeignKey("content_type", "object_id")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("flagged by"), on_delete=models.CASCADE
    )
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("flagged"), auto_now_add=True)
    resolved = models.BooleanField(_("dealt with"), default=False)

    class Meta:
        ordering = ["resolved", "-created_at"]
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "user"], name="questions_flag_once"
            )
        ]

    def __str__(self):
        return str(self.post)
