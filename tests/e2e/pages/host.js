// The host page's own script (no inline script under its CSP): records what the widgets tell it,
// and what its Content-Security-Policy refused (none of the widget's styles or scripts may be).
window.hostEvents = [];
window.cspViolations = [];
for (const type of ['news-search:query', 'news-search:open', 'news-search:error']) {
  document.addEventListener(type, (event) => {
    window.hostEvents.push({ type, target: event.target.id, detail: event.detail, composed: event.composed, bubbles: event.bubbles });
  });
}
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push(`${event.effectiveDirective} refused ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
});
