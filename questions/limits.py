"""How often a member may act in questions, counted with the shared `members.limits.allow()`."""

from members.limits import Rate, allow

RATES = {
    "question": Rate(5, 60 * 60),
    "answer": Rate(10, 10 * 60),
    "vote": Rate(60, 10 * 60),
    "flag": Rate(10, 60 * 60),
    "follow": Rate(60, 10 * 60),
}


def over_limit(user, action):
    """Count this attempt; True once the member has gone past the action's limit."""
    return not allow(f"questions:{action}", user.pk, RATES[action])
