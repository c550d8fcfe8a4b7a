"""Settings shared by every environment: secure by default, read from the environment."""

from pathlib import Path

import dj_database_url

from . import env

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = env.get("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.get_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "news",
    "casestudies",
    "knowledge",
    "search",
    "members",
    "peers",
    "questions",
    "workgroups",
    "notifications",
    "moderation",
    "operations",
    "demo",
    "localization",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "reviews",  # after wagtail.admin: replaces its emails to submitters
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_comments_xtd",
    "django_comments",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.sites",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses what the page cache and the views below return (stored pages stay plain, so one
    # copy serves every Accept-Encoding); ahead of ConditionalGet, which then tags plain content.
    "portal.compression.TextGZipMiddleware",
    # Page cache: answers If-None-Match with 304s, then serves anonymous visitors stored pages.
    "django.middleware.http.ConditionalGetMiddleware",
    "portal.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A NUL or overlong search in an admin query string answers 400 (portal/admin_input.py).
    "portal.admin_input.RefuseOddAdminQueries",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Members get no Wagtail admin report (knowledge/permissions/reports.py).
    "knowledge.permissions.reports.MemberAdminBoundaryMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # The admin's CSV exports never carry live formulas (portal/csv_exports.py).
    "portal.csv_exports.NeutraliseCsvExportsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "portal.security_headers.ContentSecurityPolicyMiddleware",
    # Requests that may write run in one transaction (portal/transactions.py).
    "portal.transactions.AtomicUnsafeRequestsMiddleware",
    # Last, as django-axes requires: turns a throttled login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.page_cache.fragments",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        # Each worker keeps its connection: connecting (and SQLite's pragmas) cost every request.
        conn_max_age=env.get_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = env.cache_settings(env.get("REDIS_URL"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: content and interface share one list (wagtail-localize). LANGUAGES in the environment
# picks codes from the known ones (comma-separated, unknown codes ignored); English is always first.
KNOWN_LANGUAGES = {"en": "English", "fr": "Français", "es": "Español"}
LANGUAGE_CODE = "en"
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES = [
    (code, KNOWN_LANGUAGES[code])
    for code in dict.fromkeys([LANGUAGE_CODE, *env.get_list("LANGUAGES", KNOWN_LANGUAGES)])
    if code in KNOWN_LANGUAGES
]
WAGTAIL_I18N_ENABLED = True
# Translations start as drafts and go live only when someone allowed to publish the page does so
# (through the page's workflow where it has one), never automatically with the source.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Translations follow their source's changes until a translator stops syncing them.
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.get("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.get("MEDIA_ROOT", str(BASE_DIR / "media")))
# The app serves the image folders under MEDIA_URL (never documents: portal/media.py); turn off
# when a web server or object storage serves them.
SERVE_IMAGES = env.get_bool("SERVE_IMAGES", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Bodies and forms: the page editor needs many fields, but not unbounded ones.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = env.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env.get_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.get("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env.get("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env.get_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security defaults; production.py adds HTTPS-only settings.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail overrides this to SAMEORIGIN for its own preview views.
SESSION_COOKIE_HTTPONLY = True

# Security
# Content-Security-Policy on public pages (portal/security_headers.py); the admin is exempt.
CSP_EXEMPT_PATH_PREFIXES = ["/admin/"]
# Documents are always downloaded, never rendered inline in the site's origin.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# SQLite under concurrent requests: write-ahead log, and every transaction (a request that may
# write, see portal/transactions.py) takes the write lock up front and waits for it, instead of
# failing with "database is locked" when it later needs to write.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        timeout=20,
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    )

WAGTAIL_SITE_NAME = "Peer Learning Portal"
# The site's public address, the one source for feeds, canonical links, hreflang, sitemaps and
# emails: the default Wagtail Site and Django's sites record take it on every migrate
# (home/site_address.py), and Wagtail's admin emails use it as their base.
SITE_URL = env.site_url("SITE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = env.search_backends(
    env.get("SEARCH_BACKEND"), env.get("SEARCH_URL"), env.get("SEARCH_INDEX_PREFIX", "portal_")
)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# A small file can declare a huge canvas: decoding 121 megapixels took a worker from 179 to 405 MB.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Documents only through Wagtail's view, which checks their collection's privacy, never as files
# under MEDIA_URL (portal/media.py serves only the image folders).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar avatars in the admin: they send a hash of each editor's email to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "WARNING")},
}

# Members and community
# Accounts live on the public site; members-only pages send visitors to the public login.
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "wagtailadmin_home"  # members' "My articles", editors' "Needs action"
LOGOUT_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
PASSWORD_RESET_TIMEOUT = 3 * 24 * 60 * 60  # the set-password link sent on approval lasts three days
# django-axes: throttle failed logins (public and admin) per username and address.
AUTHENTICATION_BACKENDS = [
    "members.auth.LoginThrottleBackend",  # django-axes' AxesBackend, first as it requires
    "home.groups.ModelBackend",  # Django's, loading the user's groups with the user
]
# Failures are counted in the database, so every worker sees the same count.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = env.get_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# django-comments-xtd: threaded discussion on knowledge articles and case studies.
SITE_ID = 1
COMMENTS_APP = "django_comments_xtd"
COMMENT_MAX_LENGTH = 3000
COMMENTS_XTD_MAX_THREAD_LEVEL = 1  # a comment and its replies: two levels
COMMENTS_XTD_CONFIRM_EMAIL = False  # only signed-in members post
COMMENTS_XTD_THREADED_EMAILS = False
COMMENTS_XTD_SEND_HTML_EMAIL = False
COMMENTS_XTD_FROM_EMAIL = DEFAULT_FROM_EMAIL
COMMENTS_XTD_CONTACT_EMAIL = DEFAULT_FROM_EMAIL
COMMENTS_XTD_APP_MODEL_OPTIONS = {
    "default": {
        "who_can_post": "users",
        "allow_flagging": False,
        "allow_feedback": False,
        "show_feedback": False,
    },
    **{
        model: {
            "who_can_post": "users",
            "allow_flagging": True,
            "allow_feedback": False,
            "show_feedback": False,
        }
        for model in ("knowledge.knowledgearticlepage", "casestudies.casestudypage")
    },
}
# A member's comments wait for a moderator until this many of theirs have been approved.
MEMBERS_TRUSTED_AFTER_APPROVED_COMMENTS = 2
# The review service level: a submission is due this many working days after it is submitted.
REVIEW_DUE_WORKING_DAYS = env.get_int("REVIEW_DUE_WORKING_DAYS", 5)
MEMBERS_COMMENTS_PER_MINUTE = 5
# Applications to join: per network address, and per mailbox (`+tag` variants and case are one).
MEMBERS_APPLICATIONS_PER_ADDRESS_PER_HOUR = 5
MEMBERS_APPLICATIONS_PER_MAILBOX_PER_DAY = 3
# What shows a member's expertise (peers/contributions.py): each yields (user id, contribution).
PEERS_CONTRIBUTION_PROVIDERS = [
    "peers.contributions.articles",
    "peers.contributions.case_studies",
    "peers.contributions.accepted_answers",
    "workgroups.contributions.convened_groups",
]
# Introductions a member may ask for, per day.
PEERS_INTRODUCTIONS_PER_DAY = env.get_int("PEERS_INTRODUCTIONS_PER_DAY", 5)

# Knowledge workflow
# Editors are emailed on every submission, authors on every decision; superusers only if in Editors.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# Editing a page that is in review sends it back to the start of the review.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True

# Page cache
# Whole pages for anonymous visitors (portal/page_cache.py; docs/caching.md), shared by all
# workers: in Redis with REDIS_URL, else in files in a private folder of this host.
# PAGE_CACHE=off stops storing pages but keeps the headers.
INSTALLED_APPS.append("portal.page_cache.PageCacheConfig")  # connects the purges
PAGE_CACHE_ENABLED = env.get_bool("PAGE_CACHE", True)
PAGE_CACHE_TIMEOUT = env.get_int("PAGE_CACHE_TIMEOUT", 60 * 60)
PAGE_CACHE_MAX_AGE = env.get_int("PAGE_CACHE_MAX_AGE", 60)  # browsers, in seconds
PAGE_CACHE_SHARED_MAX_AGE = env.get_int("PAGE_CACHE_SHARED_MAX_AGE", 300)  # proxies and CDNs
# Query parameters the pages read; a request with any other is rendered but never cached.
PAGE_CACHE_QUERY_PARAMETERS = {
    "lang",
    "page",
    "q",
    "region",
    "sector",
    "sort",
    "topic",
    "type",
    "year",
}
PAGE_CACHE_MAX_QUERY_VALUES = 20
if env.get("REDIS_URL"):
    CACHES["pages"] = {**CACHES["default"], "KEY_PREFIX": "portal-pages"}
    # Sessions read from Redis, written through to the database: no query per request. (Not
    # with local memory: a session ended in one worker would live on in the others' memory.)
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    PAGE_CACHE_DIR = Path(
        env.private_directory(env.get("PAGE_CACHE_DIR", BASE_DIR / ".page-cache"))
    )
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(PAGE_CACHE_DIR),
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }
    if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        # SQLite keeps the site on one host: sessions read from files all its workers share,
        # written through to the database (no query per request). A sign-out deletes the file,
        # so every worker sees it; not so with several hosts, which need Redis.
        CACHES["sessions"] = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env.private_directory(PAGE_CACHE_DIR / "sessions"),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
        SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
        SESSION_CACHE_ALIAS = "sessions"
# A CDN or reverse proxy in front (off by default): purged per page by Wagtail's frontend cache.
WAGTAILFRONTENDCACHE = env.frontend_cache_settings(
    env.get("FRONTEND_CACHE_PURGE_URL"),
    env.get("CLOUDFLARE_ZONE_ID"),
    env.get("CLOUDFLARE_BEARER_TOKEN"),
)
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
