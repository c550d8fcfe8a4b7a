from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("join/", views.join, name="join"),
    path("join/thanks/", views.join_thanks, name="join_thanks"),
    path("profile/", views.own_profile, name="own_profile"),
    path("profile/edit/", views.edit_profile, name="edit_profile"),
    path("<id:user_id>/", views.profile, name="profile"),
]
