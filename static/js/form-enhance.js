// Forms: focus moves to the error summary of a form that failed, and fields with a limit count
// their characters as people type. Nothing is cut: over-long text is shown as too many, and the
// server refuses it with an error.
(function () {
    "use strict";
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
        summary.focus();
    }
    document.querySelectorAll("[data-count-for]").forEach(function (counter) {
        var field = document.getElementById(counter.dataset.countFor);
        var max = Number(counter.dataset.max);
        if (!field || !max) {
            return;
        }
        var timer = null;
        function update() {
            var left = max - field.value.length;
            var template = left < 0 ? counter.dataset.over : counter.dataset.left;
            counter.textContent = template.replace("{count}", String(Math.abs(left)));
            counter.classList.toggle("char-count--over", left < 0);
        }
        // Screen readers hear the count once typing pauses, not on every key.
        field.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(update, 400);
        });
        update();
    });
})();
