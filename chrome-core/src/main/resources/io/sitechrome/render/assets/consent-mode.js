/* site-chrome: Google Consent Mode v2.
   Loaded without defer or async from the head, ahead of the page's own tags, so that its
   default runs before any tag can read consent. The server writes which categories are
   allowed now (data-chrome-allowed, from the signed consent cookie, the consent mode of the
   visitor's country and Sec-GPC) and which consent types each category governs
   (data-chrome-consent-mode). After every choice the chrome's script dispatches
   `site-chrome:consent` on document, and this script pushes the matching update. */
(function () {
  'use strict';

  const script = document.currentScript;
  if (!script) return;
  let types;
  try {
    types = JSON.parse(script.getAttribute('data-chrome-consent-mode') || '{}');
  } catch (e) {
    return;
  }
  const allowedNow = (script.getAttribute('data-chrome-allowed') || '').split(' ').filter(Boolean);

  window.dataLayer = window.dataLayer || [];
  // gtag.js and Google Tag Manager read commands as Arguments objects, not arrays.
  function gtag() {
    window.dataLayer.push(arguments);
  }

  function states(allowed) {
    const result = {};
    Object.keys(types).forEach((category) => {
      const state = allowed.indexOf(category) >= 0 ? 'granted' : 'denied';
      types[category].forEach((type) => { result[type] = state; });
    });
    return result;
  }

  const defaults = states(allowedNow);
  defaults.wait_for_update = 500;
  gtag('consent', 'default', defaults);

  document.addEventListener('site-chrome:consent', (event) => {
    const detail = event.detail;
    if (detail && Array.isArray(detail.categories)) gtag('consent', 'update', states(detail.categories));
  });
})();
