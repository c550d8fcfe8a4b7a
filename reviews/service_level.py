"""When a submission is due: `REVIEW_DUE_WORKING_DAYS` working days (Monday to Friday) after it
was submitted."""

import datetime

from django.conf import settings
from django.utils import timezone


def add_working_days(day, count):
    while count > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def subtract_working_days(day, count):
    while count > 0:
        day -= datetime.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def due_date(started_at):
    return add_working_days(timezone.localdate(started_at), settings.REVIEW_DUE_WORKING_DAYS)


def overdue_before(today=None):
    """Submissions started before this date are overdue today."""
    return subtract_working_days(today or timezone.localdate(), settings.REVIEW_DUE_WORKING_DAYS)
