"""Browser journeys: Playwright driving Debian's Chromium against pytest-django's live server.

Every journey goes through a `Journey`, which names the current step and, whenever a step is
checked, takes a screenshot under test-artifacts/e2e/<test>/ and runs axe-core on the page. A
response of 500 or more, a console error, an uncaught script error or a serious or critical axe
violation fails the test with the step and the page's address.
"""

import contextlib
import os
import re
import threading
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect, sync_playwright
from pytest_django.live_server_helper import LiveServer

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.cache import cache, caches
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler
from django.utils.module_loading import import_string

from .content import build_network

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "e2e"
AXE_SOURCE = Path(__file__).with_name("vendor") / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# No outside network on these machines: keep Chromium from phoning home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BLOCKING_IMPACTS = {"serious", "critical"}
TIMEOUT_MS = 15_000
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# Wagtail's own admin markup has violations we cannot fix from this project; on admin pages axe
# still runs over everything, but only violations on elements our code renders fail the test
# (see OUR_ADMIN_MARKUP and README, "Browser tests").
ADMIN_PREFIX = "/admin/"
# Our own static folders (static/); everything else under /static/ belongs to installed packages.
OUR_STATIC = ["css", "js", "img"]


REPORTS = pytest.StashKey[dict]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    item.stash.setdefault(REPORTS, {})[report.when] = report
    return report


class InFlight:
    """The requests the live server is answering. A journey's end waits until there are none, so
    a request still in flight (a closing page's favicon, the page after a server error) cannot
    touch the database while the next test empties and refills it: on PostgreSQL that emptying
    and the request's locks deadlocked; on a shared SQLite connection the request wrote into it."""

    def __init__(self):
        self.count = 0
        self.idle = threading.Condition()

    @contextlib.contextmanager
    def answering(self):
        with self.idle:
            self.count += 1
        try:
            yield
        finally:
            with self.idle:
                self.count -= 1
                self.idle.notify_all()

    def wait(self, timeout=30):
        with self.idle:
            self.idle.wait_for(lambda: self.count == 0, timeout=timeout)


IN_FLIGHT = InFlight()


class TrackedRequestHandler(QuietWSGIRequestHandler):
    def handle_one_request(self):
        with IN_FLIGHT.answering():
            super().handle_one_request()


# Held while the one-at-a-time server answers a request.
SERVING = threading.Lock()


class SerialRequestHandler(TrackedRequestHandler):
    def handle_one_request(self):
        with SERVING:
            super().handle_one_request()


class TrackedThread(LiveServerThread):
    """Django's threaded live server (a file database or PostgreSQL: a connection per request, as
    in production), counting the requests in flight."""

    def _create_server(self, connections_override=None):
        return self.server_class(
            (self.host, self.port),
            TrackedRequestHandler,
            allow_reuse_address=False,
            connections_override=connections_override,
        )


class OneRequestAtATimeThread(LiveServerThread):
    """A live server that answers one request at a time.

    An in-memory SQLite database lives in one connection, which the server shares with the
    tests; two requests' transactions on it at once fail with "database table is locked" (the
    browser fetches a page's assets in parallel).
    """

    def _create_server(self, connections_override=None):
        return WSGIServer((self.host, self.port), SerialRequestHandler, allow_reuse_address=False)


@pytest.fixture(scope="session")
def live_server(request, django_db_setup):
    """pytest-django's live server, started once the test database exists (so an in-memory SQLite
    database is seen as such and shared, not opened again), one request at a time when shared."""
    address = request.config.getvalue("liveserver") or os.getenv(
        "DJANGO_LIVE_TEST_SERVER_ADDRESS", "localhost"
    )
    server = LiveServer(address, start=False)
    shared = server.thread.connections_override
    server.thread.__class__ = OneRequestAtATimeThread if shared else TrackedThread
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: `apt-get install chromium chromium-driver` "
            "(or set CHROMIUM_PATH), or skip the browser journeys with `make test-fast`."
        )
    # The sync API keeps an event loop on this thread, which trips Django's async-safety check
    # on every ORM call the tests make while the browser is open.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            yield launched
            launched.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(autouse=True)
def _fresh_caches():
    cache.clear()
    caches["pages"].clear()


@pytest.fixture
def network(live_server):
    """The demo-shaped site of content.py, built after the live server is up."""
    return build_network()


@pytest.fixture
def journey(browser, live_server, request):
    """A visitor's fresh browser (no cookies) on the live server, watched for errors."""
    folder = ARTIFACTS / re.sub(r"[^\w.-]+", "-", request.node.name)
    folder.mkdir(parents=True, exist_ok=True)
    for old in [*folder.glob("*.png"), *folder.glob("*.txt")]:
        old.unlink()
    expect.set_options(timeout=TIMEOUT_MS)
    watched = Journey(browser, live_server.url, folder)
    yield watched
    try:
        call = request.node.stash.get(REPORTS, {}).get("call")
        if call is not None and call.failed:
            watched.screenshot_every_page("failed")
        watched.raise_problems()
    finally:
        watched.close()


class JourneyFailure(AssertionError):
    pass


class Journey:
    """One person's browser session: named steps, screenshots, axe checks and error collection."""

    def __init__(self, browser, base_url, folder):
        self.browser = browser
        self.base_url = base_url
        self.folder = folder
        self.step_name = "start"
        self.problems = []
        self.shots = 0
        self.contexts = []
        self.page = self.new_person()

    def new_person(self, user=None, viewport=DESKTOP, javascript=True):
        """A page in a browser of its own (its own cookies), logged in as `user` if given, on a
        screen of `viewport`'s size, with or without JavaScript."""
        context = self.browser.new_context(
            base_url=self.base_url,
            viewport=viewport,
            locale="en-GB",
            java_script_enabled=javascript,
        )
        context.set_default_timeout(TIMEOUT_MS)
        # axe is injected before the page's own scripts, where the site's Content-Security-Policy
        # (script-src 'self') cannot block it, as it would block an inline <script> tag.
        context.add_init_script(path=str(AXE_SOURCE))
        self.contexts.append(context)
        if user is not None:
            self.log_in(context, user)
        page = context.new_page()
        page.on("console", lambda message: self._on_console(page, message))
        page.on("pageerror", lambda error: self._problem(page, f"uncaught script error: {error}"))
        page.on("response", lambda response: self._on_response(page, response))
        page.on("request", lambda request: self._on_request(page, request))
        return page

    def screenshot_every_page(self, label):
        for number, context in enumerate(self.contexts, start=1):
            for page in context.pages:
                with contextlib.suppress(PlaywrightError):
                    page.screenshot(path=str(self.folder / f"{label}-{number}.png"), full_page=True)

    def close(self):
        # A page being left sends last requests (Wagtail releases its editing sessions with a
        # beacon, which routing cannot stop): leave every page while the database is still this
        # test's, and let those requests be answered.
        for context in self.contexts:
            for page in context.pages:
                with contextlib.suppress(PlaywrightError):
                    page.goto("about:blank")
                    page.wait_for_timeout(250)
        IN_FLIGHT.wait()
        for context in self.contexts:
            # Anything later must not reach a server whose database is emptied for the next test.
            context.route("**/*", lambda route: route.abort())
            context.close()
        IN_FLIGHT.wait()  # the requests in flight, if any, are answered

    # Errors, collected as they happen and raised at the next step boundary

    def _problem(self, page, text):
        try:
            address = page.url
        except PlaywrightError:
            address = "(closed page)"
        self.problems.append(f"step “{self.step_name}” on {address}: {text}")

    def _on_console(self, page, message):
        if message.type != "error":
            return
        location = message.location.get("url", "")
        text = f"console error: {message.text} ({location})"
        if page.url.startswith(self.base_url + ADMIN_PREFIX) and not self._ours(location):
            # Wagtail's admin scripts are not ours: e.g. its autosave gets a 400 by design when
            # a manual save overtakes it. Recorded, not failed; a 500 still fails.
            with (self.folder / "console-wagtail-admin.txt").open("a") as notes:
                notes.write(f"{self.step_name} | {page.url} | {text}\n")
            return
        self._problem(page, text)

    def _ours(self, url):
        return url.startswith(tuple(f"{self.base_url}/static/{folder}/" for folder in OUR_STATIC))

    def _on_response(self, page, response):
        if response.status >= 500 and response.url.startswith(self.base_url):
            self._problem(page, f"HTTP {response.status} from {response.url}")

    def _on_request(self, page, request):
        if request.method != "GET":
            with (self.folder / "requests.txt").open("a") as log:
                log.write(f"{self.step_name} | {request.method} {request.url}\n")

    def raise_problems(self):
        if self.problems:
            problems, self.problems = self.problems, []
            raise JourneyFailure("\n".join(problems))

    # Steps

    def step(self, name):
        """Start a named step (errors so far belong to the previous one)."""
        self.raise_problems()
        self.step_name = name

    def goto(self, path, step=None, page=None):
        if step:
            self.step(step)
        response = (page or self.page).goto(path)
        self.raise_problems()
        assert response is not None and response.status < 400, (
            f"step “{self.step_name}”: GET {path} answered {response and response.status}"
        )
        return response

    def check(self, name=None, page=None, axe=True, every_impact=False):
        """Screenshot the page and run axe on it; fail on anything collected so far.

        axe's failures are its serious and critical violations, or with `every_impact` all of
        them, best-practice rules included (the public page types are held to that)."""
        page = page or self.page
        page.wait_for_load_state("load")
        self.shots += 1
        label = re.sub(r"[^\w]+", "-", (name or self.step_name).lower()).strip("-")
        page.screenshot(path=str(self.folder / f"{self.shots:02d}-{label}.png"), full_page=True)
        if axe:
            self.assert_accessible(page, every_impact)
        self.raise_problems()

    def assert_accessible(self, page, every_impact=False):
        violations = page.evaluate(AXE_RUN, OUR_ADMIN_MARKUP)
        admin = page.url.startswith(self.base_url + ADMIN_PREFIX)
        failing = []
        for violation in violations:
            if violation["impact"] not in BLOCKING_IMPACTS and not every_impact:
                continue
            nodes = violation["nodes"]
            if admin:
                self._note_wagtail_violation(page, violation, nodes)
                nodes = [node for node in nodes if node["ours"]]
            if nodes:
                targets = "; ".join(f"{node['target']}: {node['html'][:160]}" for node in nodes[:5])
                failing.append(
                    f"  {violation['id']} ({violation['impact']}): {violation['help']} "
                    f"[{len(nodes)} element(s)] {targets}"
                )
        if failing:
            raise JourneyFailure(
                f"step “{self.step_name}” on {page.url}: axe found violations:\n"
                + "\n".join(failing)
            )

    def _note_wagtail_violation(self, page, violation, nodes):
        """Keep a record of what axe finds in Wagtail's own admin markup, which is not failed."""
        theirs = [node["target"] for node in nodes if not node["ours"]]
        if theirs:
            with (self.folder / "axe-wagtail-admin.txt").open("a") as notes:
                notes.write(
                    f"{self.step_name} | {page.url} | {violation['id']} ({violation['impact']}): "
                    f"{violation['help']} | {', '.join(theirs[:5])}\n"
                )

    # Logging in without typing, for journeys whose subject is not the login itself

    def log_in(self, context, user):
        engine = import_string(settings.SESSION_ENGINE)
        session = engine.SessionStore()
        session[SESSION_KEY] = user._meta.pk.value_to_string(user)
        session[BACKEND_SESSION_KEY] = "home.groups.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": session.session_key,
                    "url": self.base_url,
                }
            ]
        )

    def log_in_as(self, user):
        """Log the journey's first person in as `user`."""
        self.page.context.clear_cookies()
        self.log_in(self.page.context, user)

    # Keyboard

    def tab_to(self, locator, limit=80, page=None):
        """Press Tab until `locator` has the focus, then check the focus is visible."""
        page = page or self.page
        locator.wait_for()
        for _ in range(limit):
            if locator.evaluate("element => element === document.activeElement"):
                break
            page.keyboard.press("Tab")
        else:
            raise JourneyFailure(
                f"step “{self.step_name}” on {page.url}: {limit} presses of Tab never reached "
                f"{locator}"
            )
        self.assert_focus_visible(page)

    def assert_focus_visible(self, page=None):
        page = page or self.page
        shown = page.evaluate(FOCUS_INDICATOR)
        assert shown["visible"], (
            f"step “{self.step_name}” on {page.url}: no visible focus indicator on "
            f"{shown['element']}"
        )


# Runs axe over the whole document; for each node, whether it is (inside) markup this project
# renders in the Wagtail admin, marked `data-portal-admin` in our admin templates (the dashboard's
# "My articles" panel, the review pages of applications and comments).
OUR_ADMIN_MARKUP = "[data-portal-admin]"
AXE_RUN = """
async (ourMarkup) => {
    const results = await window.axe.run(document, {resultTypes: ["violations"]});
    const ours = (selector) => {
        try {
            const element = document.querySelector(selector);
            return Boolean(element && element.closest(ourMarkup));
        } catch (error) {
            return false;
        }
    };
    return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.map((node) => ({
            target: node.target.join(" "),
            html: node.html,
            ours: ours(node.target[node.target.length - 1]),
        })),
    }));
}
"""

# A focused element shows a focus indicator: an outline or a box shadow (Wagtail's admin and our
# stylesheet both draw one of these on :focus-visible).
FOCUS_INDICATOR = """
() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== "none";
    return {
        visible: element !== document.body && (outline || shadow),
        element: element.outerHTML.slice(0, 160),
    };
}
"""
