from django.urls import path

from . import views

app_name = "peers"

urlpatterns = [
    path("", views.inbox, name="introductions"),
    path("<id:introduction_id>/", views.detail, name="introduction"),
    path("<id:introduction_id>/answer/", views.respond, name="respond"),
    path("ask/<id:user_id>/", views.ask, name="ask"),
    path("block/<id:user_id>/", views.block, name="block"),
]
