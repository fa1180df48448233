// The console's only script of its own: htmx does the rest.
// Spring Security checks a CSRF token on every POST; htmx requests carry it as a header, read from
// the page's meta tags, so no fragment needs a hidden field of its own.
document.addEventListener('htmx:configRequest', function (event) {
  var header = document.querySelector('meta[name="_csrf_header"]');
  var token = document.querySelector('meta[name="_csrf"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// An upload form names its <progress> in data-upload-progress (the import screen): htmx reports the
// bytes the browser has sent, so a large file shows how far its upload is.
document.addEventListener('htmx:xhr:progress', function (event) {
  var form = event.target.closest ? event.target.closest('[data-upload-progress]') : null;
  var detail = event.detail;
  if (form && detail && detail.lengthComputable && detail.total > 0) {
    var bar = document.getElementById(form.getAttribute('data-upload-progress'));
    if (bar) {
      bar.value = Math.round(detail.loaded * 100 / detail.total);
    }
  }
});
