from django.urls import path

from . import space, views

app_name = "workgroups"

urlpatterns = [
    path("", views.index, name="index"),
    path("propose/", views.propose, name="propose"),
    path("<id:group_id>/", views.detail, name="detail"),
    path("<id:group_id>/join/", views.join, name="join"),
    path("<id:group_id>/leave/", views.leave, name="leave"),
    path("<id:group_id>/members/", space.members, name="members"),
    path("<id:group_id>/members/invite/", space.invite, name="invite"),
    path("<id:group_id>/members/<id:user_id>/", space.decide, name="decide"),
    path("<id:group_id>/board/", space.board, name="board"),
    path("<id:group_id>/threads/<id:thread_id>/", space.thread, name="thread"),
    path(
        "<id:group_id>/threads/<id:post_id>/moderate/",
        space.moderate,
        {"kind": "thread"},
        name="moderate_thread",
    ),
    path(
        "<id:group_id>/replies/<id:post_id>/moderate/",
        space.moderate,
        {"kind": "reply"},
        name="moderate_reply",
    ),
    path("<id:group_id>/threads/<id:post_id>/flag/", space.flag, {"kind": "thread"}, name="flag"),
    path(
        "<id:group_id>/replies/<id:post_id>/flag/",
        space.flag,
        {"kind": "reply"},
        name="flag_reply",
    ),
    path("<id:group_id>/documents/", space.documents, name="documents"),
    path("<id:group_id>/meetings/", space.meetings, name="meetings"),
    path("<id:group_id>/meetings/<id:meeting_id>/", space.meeting, name="meeting"),
    path("<id:group_id>/article/", space.article, name="article"),
]
