// The header's menu button on narrow screens: a disclosure (aria-expanded) over the menu. Without
// this script the button stays hidden and the menu open (see .site-header in portal.css).
(function () {
    "use strict";
    const header = document.querySelector(".site-header");
    const button = header && header.querySelector(".site-header__toggle");
    if (!button) {
        return;
    }
    header.classList.add("has-menu-button");
    button.addEventListener("click", function () {
        const open = button.getAttribute("aria-expanded") === "true";
        button.setAttribute("aria-expanded", String(!open));
    });
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
            button.setAttribute("aria-expanded", "false");
            button.focus();
        }
    });
})();
