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
