from django.urls import path

from . import actions, feeds, views

app_name = "questions"

urlpatterns = [
    path("", views.index, name="index"),
    path("ask/", views.ask, name="ask"),
    path("similar/", views.similar, name="similar"),
    path("feed/", feeds.rss, name="feed"),
    path("feed/atom/", feeds.atom, name="atom"),
    path("<int:question_id>/", views.detail, name="detail"),
    path("<int:question_id>/answer/", views.answer, name="answer"),
    path("<int:question_id>/edit/", views.edit_question, name="edit"),
    path("<int:question_id>/follow/", actions.follow, name="follow"),
    path("<int:question_id>/moderate/", actions.moderate_question, name="moderate"),
    path("<int:question_id>/merge/", actions.merge, name="merge"),
    path("<int:question_id>/article/", actions.to_article, name="to_article"),
    path("answers/<int:answer_id>/edit/", views.edit_answer, name="edit_answer"),
    path("answers/<int:answer_id>/helpful/", actions.vote, name="vote"),
    path("answers/<int:answer_id>/accept/", actions.accept, name="accept"),
    path("answers/<int:answer_id>/moderate/", actions.moderate_answer, name="moderate_answer"),
    path("<int:post_id>/flag/", actions.flag, {"kind": "question"}, name="flag"),
    path("answers/<int:post_id>/flag/", actions.flag, {"kind": "answer"}, name="flag_answer"),
]
