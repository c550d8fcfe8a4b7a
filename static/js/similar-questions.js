/* While a member types a question's title, list similar questions and knowledge articles so
   duplicates are avoided. Without JavaScript the form simply posts. */
(function () {
    "use strict";

    var form = document.querySelector("form[data-similar]");
    if (!form) {
        return;
    }
    var input = form.querySelector("input[name=title]");
    var box = form.querySelector(".similar-suggestions");
    var list = box.querySelector("ul");
    var timer = null;
    var controller = null;
    // Right under the title, where the member is looking while typing it.
    input.parentElement.after(box);

    function show(items) {
        list.textContent = "";
        items.forEach(function (item) {
            var entry = document.createElement("li");
            var link = document.createElement("a");
            link.href = item.url;
            link.textContent = item.title;
            link.target = "_blank";
            link.rel = "noopener";
            entry.appendChild(link);
            list.appendChild(entry);
        });
        box.hidden = items.length === 0;
    }

    function lookUp() {
        var q = input.value.trim();
        if (q.length < 3) {
            show([]);
            return;
        }
        if (controller) {
            controller.abort();
        }
        controller = new AbortController();
        fetch(form.getAttribute("data-similar") + "?q=" + encodeURIComponent(q), {
            signal: controller.signal,
            headers: {"Accept": "application/json"},
            credentials: "same-origin"
        })
            .then(function (response) {
                return response.ok ? response.json() : {questions: [], articles: []};
            })
            .then(function (data) {
                show(data.questions.concat(data.articles));
            })
            .catch(function () {});
    }

    input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(lookUp, 250);
    });
}());
