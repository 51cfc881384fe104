// RTL info's client-rendered body: the page ships an empty `.article-body`; an inline script
// waits for consent (a click on the Didomi agree button, or a `didomi_token` cookie), then
// fetches /api/article/{id}.json and writes the paragraphs. Plain HTTP clients get no text.

/** Fixed token value: the simulator never varies content by time or chance. */
const TOKEN = 'eyJ1c2VyX2lkIjoic2ltIiwiY3JlYXRlZCI6IjIwMjQtMDEtMDUifQ';

const SCRIPT = `(function () {
  var host = document.getElementById('didomi-host');
  var body = document.querySelector('.article-body[data-article-id]');
  var id = body ? body.getAttribute('data-article-id') : null;
  function hasConsent() {
    return /(?:^|;\\s*)didomi_token=/.test(document.cookie);
  }
  function hideBanner() {
    if (host) host.style.display = 'none';
    document.documentElement.classList.remove('didomi-popup-open');
  }
  function render(data) {
    var paragraphs = [data.lead].concat(data.paragraphs || []);
    for (var i = 0; i < paragraphs.length; i++) {
      if (!paragraphs[i]) continue;
      var p = document.createElement('p');
      if (i === 0) p.className = 'article-chapo';
      p.textContent = paragraphs[i];
      body.appendChild(p);
    }
    body.setAttribute('data-loaded', 'true');
  }
  function load() {
    if (!id || body.getAttribute('data-loading')) return;
    body.setAttribute('data-loading', 'true');
    fetch('/api/article/' + encodeURIComponent(id) + '.json', { credentials: 'same-origin' })
      .then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      })
      .then(render)
      .catch(function () {
        body.removeAttribute('data-loading');
      });
  }
  function agree() {
    document.cookie = 'didomi_token=${TOKEN}; path=/; max-age=15552000; SameSite=Lax';
    hideBanner();
    load();
  }
  if (hasConsent()) {
    hideBanner();
    load();
  } else {
    document.documentElement.classList.add('didomi-popup-open');
    var button = document.getElementById('didomi-notice-agree-button');
    if (button) button.addEventListener('click', agree);
  }
})();`;

export function consentScript(): string {
  return `<script>\n${SCRIPT}\n</script>`;
}

export interface ArticleApiBody {
  id: string;
  title: string;
  lead: string;
  paragraphs: string[];
  published: string;
  authors: string[];
}

export function articleApiJson(a: ArticleApiBody): string {
  return JSON.stringify({
    id: a.id,
    title: a.title,
    lead: a.lead,
    paragraphs: a.paragraphs,
    published: a.published,
    authors: a.authors,
  });
}
