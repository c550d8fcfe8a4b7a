"""How the portal names a person: the full name from their account, else the user name."""


def display_name(user):
    return user.get_full_name() or user.get_username()
