"""Who may take part in questions and answers, and who moderates them."""

from members.access import is_member


def takes_part(user):
    """Members, editors and administrators ask, answer, vote, follow and flag."""
    return is_member(user)


def is_moderator(user):
    """Editors (granted the questions permissions by a migration) and administrators."""
    return user.is_authenticated and user.has_perm("questions.change_question")
