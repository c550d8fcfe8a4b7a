from django.apps import AppConfig


class CaseStudiesConfig(AppConfig):
    """The case study library: structured accounts of what worked, filterable and comparable."""

    name = "casestudies"
    verbose_name = "Case studies"
