/* Several people in one field (members/choosers.py, PeopleChooser): "Add" opens Wagtail's chooser
   modal in its multiple-selection mode; each person chosen becomes a hidden input of the field. */
(function () {
  'use strict';

  function add(chooser, person) {
    const list = chooser.querySelector('[data-people-chooser-list]');
    const inputs = list.querySelectorAll('input[type="hidden"]');
    if (Array.from(inputs).some((input) => input.value === String(person.id))) {
      return;
    }
    const item = chooser
      .querySelector('[data-people-chooser-item]')
      .content.firstElementChild.cloneNode(true);
    item.querySelector('input').value = person.id;
    item.querySelector('[data-people-chooser-name]').textContent = person.title;
    const remove = item.querySelector('[data-people-chooser-remove]');
    remove.setAttribute('aria-label', `${remove.textContent} ${person.title}`);
    list.appendChild(item);
  }

  document.addEventListener('click', (event) => {
    const remove = event.target.closest('[data-people-chooser-remove]');
    if (remove) {
      remove.closest('li').remove();
      return;
    }
    const open = event.target.closest('[data-people-chooser-add]');
    if (!open) {
      return;
    }
    const chooser = open.closest('[data-people-chooser]');
    // eslint-disable-next-line no-undef
    ModalWorkflow({
      url: chooser.dataset.chooserUrl,
      urlParams: { multiple: 1 },
      onload: window.CHOOSER_MODAL_ONLOAD_HANDLERS,
      responses: {
        chosen: (people) => people.forEach((person) => add(chooser, person)),
      },
    });
  });
})();
