// The host page's own script (no inline script under its CSP): records what the widgets tell it.
window.hostEvents = [];
for (const type of ['news-search:query', 'news-search:open', 'news-search:error']) {
  document.addEventListener(type, (event) => {
    window.hostEvents.push({ type, target: event.target.id, detail: event.detail, composed: event.composed, bubbles: event.bubbles });
  });
}
