/* Search suggestions: turns a search box inside [data-autocomplete] into an ARIA 1.2 combobox.
   Without JavaScript the form simply submits. */
(function () {
    "use strict";

    function enhance(wrapper) {
        var input = wrapper.querySelector("input[type=search]");
        if (!input) {
            return;
        }
        var listbox = document.createElement("ul");
        var listId = input.id + "-suggestions";
        var timer = null;
        var active = -1;
        var controller = null;

        listbox.id = listId;
        listbox.className = "search-suggestions";
        listbox.setAttribute("role", "listbox");
        listbox.hidden = true;
        wrapper.appendChild(listbox);
        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);

        function options() {
            return listbox.querySelectorAll("[role=option]");
        }

        function close() {
            listbox.hidden = true;
            listbox.textContent = "";
            active = -1;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
        }

        function highlight(index) {
            var items = options();
            if (!items.length) {
                return;
            }
            active = (index + items.length) % items.length;
            for (var i = 0; i < items.length; i++) {
                items[i].setAttribute("aria-selected", i === active ? "true" : "false");
            }
            input.setAttribute("aria-activedescendant", items[active].id);
        }

        function show(results) {
            close();
            if (!results.length) {
                return;
            }
            results.forEach(function (result, index) {
                // An option holds text only: a link inside it would nest interactive controls.
                var item = document.createElement("li");
                item.id = listId + "-" + index;
                item.setAttribute("role", "option");
                item.setAttribute("aria-selected", "false");
                item.setAttribute("data-url", result.url);
                item.textContent = result.title;
                // mousedown, not click: it comes before the input's blur closes the list.
                item.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    window.location.href = result.url;
                });
                listbox.appendChild(item);
            });
            listbox.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }

        function fetchSuggestions() {
            var q = input.value.trim();
            if (q.length < 2) {
                close();
                return;
            }
            if (controller) {
                controller.abort();
            }
            controller = new AbortController();
            fetch(wrapper.getAttribute("data-autocomplete") + "?q=" + encodeURIComponent(q), {
                headers: {Accept: "application/json"},
                signal: controller.signal
            })
                .then(function (response) {
                    return response.ok ? response.json() : {results: []};
                })
                .then(function (data) {
                    show(data.results);
                })
                .catch(function () {});
        }

        input.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(fetchSuggestions, 200);
        });
        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown") {
                event.preventDefault();
                highlight(active + 1);
            } else if (event.key === "ArrowUp") {
                event.preventDefault();
                highlight(active - 1);
            } else if (event.key === "Escape") {
                close();
            } else if (event.key === "Enter" && active >= 0) {
                event.preventDefault();
                window.location.href = options()[active].getAttribute("data-url");
            }
        });
        input.addEventListener("blur", function () {
            setTimeout(close, 150);
        });
    }

    document.querySelectorAll("[data-autocomplete]").forEach(enhance);
})();
