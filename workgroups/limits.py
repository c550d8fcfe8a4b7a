"""How often a member may act in groups, counted with the shared `members.limits.allow()`."""

from members.limits import Rate, allow

RATES = {
    "propose": Rate(3, 24 * 60 * 60),
    "join": Rate(10, 60 * 60),
    "invite": Rate(20, 60 * 60),
    "thread": Rate(5, 60 * 60),
    "reply": Rate(20, 10 * 60),
    "flag": Rate(10, 60 * 60),
    "upload": Rate(10, 60 * 60),
    "meeting": Rate(10, 60 * 60),
}


def over_limit(user, action):
    """Count this attempt; True once the member has gone past the action's limit."""
    return not allow(f"workgroups:{action}", user.pk, RATES[action])
