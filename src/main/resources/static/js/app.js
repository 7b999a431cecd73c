// Small enhancements shared by every page; each page works without them.
document.documentElement.classList.add('js');

document.addEventListener('DOMContentLoaded', function () {
  // "Add a name": one more box in a list of names, focused, with the same suggestions.
  document.querySelectorAll('[data-add-name]').forEach(function (button) {
    button.addEventListener('click', function () {
      var id = button.getAttribute('data-add-name');
      var list = document.querySelector('[data-names-for="' + id + '"]');
      var inputs = list.querySelectorAll('input');
      var template = inputs[inputs.length - 1];
      var index = inputs.length;
      var item = document.createElement('li');
      var label = document.createElement('label');
      label.className = 'visually-hidden';
      label.htmlFor = id + '-' + index;
      label.textContent = (list.closest('fieldset').querySelector('legend span') || {}).textContent + ' ' + (index + 1);
      var input = document.createElement('input');
      input.type = 'text';
      input.name = id;
      input.id = id + '-' + index;
      input.autocomplete = 'off';
      if (template && template.getAttribute('list')) {
        input.setAttribute('list', template.getAttribute('list'));
      }
      item.appendChild(label);
      item.appendChild(input);
      list.appendChild(item);
      input.focus();
    });
  });
  // A refused form: move focus to the summary so that a keyboard or screen-reader user hears it.
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
});
