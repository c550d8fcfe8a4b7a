// Filter forms marked data-auto-filter apply each choice at once: the form is sent on change, and
// the control that changed has the focus again on the new page. The form says so beforehand
// (WCAG 3.2.2) and keeps its submit button, which this script hides; without JavaScript the
// button applies the choices.
(function () {
    "use strict";
    const KEY = "portal:auto-filter-focus";
    document.querySelectorAll("form[data-auto-filter]").forEach(function (form) {
        form.querySelectorAll("[data-auto-filter-submit]").forEach(function (button) {
            button.hidden = true;
        });
        form.addEventListener("change", function (event) {
            const control = event.target;
            if (!control.name) {
                return;
            }
            sessionStorage.setItem(KEY, JSON.stringify({name: control.name, value: control.type === "checkbox" ? control.value : null}));
            form.requestSubmit();
        });
    });
    // On a phone the filters would push the results a screen down: fold them until asked for.
    if (window.matchMedia("(max-width: 48rem)").matches) {
        document.querySelectorAll("details[data-fold-narrow]:not([data-active])").forEach(function (details) {
            details.open = false;
        });
    }
    const saved = sessionStorage.getItem(KEY);
    if (saved) {
        sessionStorage.removeItem(KEY);
        const {name, value} = JSON.parse(saved);
        const selector = `form[data-auto-filter] [name="${CSS.escape(name)}"]` + (value === null ? "" : `[value="${CSS.escape(value)}"]`);
        const control = document.querySelector(selector);
        if (control) {
            control.focus();
        }
    }
})();
