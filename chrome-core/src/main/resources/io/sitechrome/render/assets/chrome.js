/* site-chrome: progressive enhancement for the shared chrome.
   Everything works without this script; it only improves it.
   navigator.globalPrivacyControl is deliberately ignored here: the server
   reads the Sec-GPC header and renders accordingly. */
(function () {
  'use strict';

  const doc = document;
  doc.documentElement.classList.add('chrome-js');

  const all = (selector, scope) => Array.prototype.slice.call((scope || doc).querySelectorAll(selector));
  const FOCUSABLE = 'a[href],area[href],button:not([disabled]),input:not([disabled]):not([type="hidden"]),' +
    'select:not([disabled]),textarea:not([disabled]),iframe,summary,[contenteditable],[tabindex]';

  /* ---- Drop-downs: WAI-ARIA APG disclosure navigation ---- */

  // The markup has no aria-expanded: without this script a panel opens on hover and focus, and
  // "collapsed" would be untrue. From here on the buttons open and close their panels.
  const disclosures = [];
  all('[data-chrome-disclosure]').forEach((root) => {
    const button = root.querySelector('button[aria-controls]');
    const panel = button && doc.getElementById(button.getAttribute('aria-controls'));
    if (!panel) return;
    const item = { root, button, panel };
    disclosures.push(item);
    button.setAttribute('aria-expanded', 'false');
    button.addEventListener('click', () => toggle(item, button.getAttribute('aria-expanded') !== 'true'));
    root.addEventListener('focusout', (event) => {
      const next = event.relatedTarget;
      if (next && !root.contains(next)) toggle(item, false);
    });
  });

  function toggle(item, open) {
    // Opening one closes the others, except the drop-downs it sits in ("More" holding "Products").
    if (open) disclosures.forEach((other) => { if (other !== item && !other.root.contains(item.root)) toggle(other, false); });
    if (!open) disclosures.forEach((inner) => { if (inner !== item && item.root.contains(inner.root) && isOpen(inner)) toggle(inner, false); });
    item.button.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (open) keepInViewport(item.panel);
  }

  const isOpen = (item) => item.button.getAttribute('aria-expanded') === 'true';

  /* ---- Drop-down panels stay inside the viewport, in both directions ---- */

  const EDGE = 8;

  // A panel opens below its button towards the inline end; when that runs off the screen it opens
  // towards the other side, and when neither fits it is moved back just enough.
  function keepInViewport(panel) {
    panel.classList.remove('chrome-disclosure__panel--flipped');
    panel.style.removeProperty('transform');
    if (getComputedStyle(panel).position !== 'absolute') return;
    const width = doc.documentElement.clientWidth;
    const outside = (r) => r.left < EDGE || r.right > width - EDGE;
    if (!outside(panel.getBoundingClientRect())) return;
    panel.classList.add('chrome-disclosure__panel--flipped');
    const r = panel.getBoundingClientRect();
    if (!outside(r)) return;
    const shift = r.left < EDGE ? EDGE - r.left : width - EDGE - r.right;
    panel.style.transform = 'translateX(' + Math.round(shift) + 'px)';
  }

  doc.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' && event.key !== 'Esc') return;
    // The innermost open drop-down first: Escape in "More > Products" closes Products.
    const open = disclosures.filter(isOpen);
    const innermost = open.filter((item) => !open.some((other) => other !== item && item.root.contains(other.root)));
    innermost.forEach((item) => {
      const active = doc.activeElement;
      toggle(item, false);
      if (!active || active === doc.body || item.root.contains(active)) item.button.focus();
    });
    if (innermost.length === 0 && menu && menuOpen() && menu.contains(doc.activeElement)) {
      setMenu(false);
      menuButton.focus();
    }
  });

  /* ---- Small screens: the menu button shows and hides the nav and the actions ---- */

  const menuButton = doc.querySelector('[data-chrome-menu-button]');
  const menu = menuButton && doc.getElementById(menuButton.getAttribute('aria-controls'));
  const menuOpen = () => menuButton.getAttribute('aria-expanded') === 'true';

  function setMenu(open) {
    menuButton.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (!open) disclosures.forEach((item) => { if (menu.contains(item.root) && isOpen(item)) toggle(item, false); });
  }

  if (menu) {
    setMenu(false);
    menuButton.addEventListener('click', () => setMenu(!menuOpen()));
  }

  /* ---- Priority+: the nav entries that do not fit on one row move into "More" ---- */

  // Before this runs, the stylesheet keeps the row from wrapping (under `scripting: enabled`),
  // so moving the entries that did not fit changes nothing that was on screen: no layout shift.
  const nav = doc.querySelector('.chrome-nav');
  const row = nav && nav.querySelector('.chrome-nav__list');
  const more = nav && nav.querySelector('[data-chrome-more]');
  const overflow = more && doc.getElementById(more.querySelector('button').getAttribute('aria-controls'));
  const moreItem = more && disclosures.filter((item) => item.root === more)[0];
  const oneRow = window.matchMedia && window.matchMedia('(min-width: 48em) and (scripting: enabled)');

  function fitRow() {
    if (moreItem && isOpen(moreItem)) toggle(moreItem, false);
    while (overflow.firstElementChild) row.appendChild(overflow.firstElementChild);
    more.hidden = true;
    nav.classList.remove('chrome-nav--fitted');
    if (oneRow.matches && row.scrollWidth > row.clientWidth + 1) {
      more.hidden = false;
      while (row.lastElementChild && row.scrollWidth > row.clientWidth + 1) {
        overflow.insertBefore(row.lastElementChild, overflow.firstElementChild);
      }
    }
    const holdsCurrent = !!overflow.querySelector('[aria-current="page"], .chrome-disclosure__button--current');
    more.querySelector('button').classList.toggle('chrome-disclosure__button--current', holdsCurrent);
    more.querySelector('[data-chrome-more-current]').hidden = !holdsCurrent;
    nav.classList.add('chrome-nav--fitted');
  }

  if (row && overflow && oneRow) {
    fitRow();
    let lastWidth = nav.getBoundingClientRect().width;
    if (window.ResizeObserver) {
      new ResizeObserver(() => {
        const width = nav.getBoundingClientRect().width;
        if (width === lastWidth) return;
        lastWidth = width;
        fitRow();
      }).observe(nav);
    }
    if (oneRow.addEventListener) oneRow.addEventListener('change', fitRow);
  }

  window.addEventListener('resize', () => disclosures.filter(isOpen).forEach((item) => keepInViewport(item.panel)));

  /* ---- Clicks: outside drop-downs, skip link, cookie preferences ---- */

  let lastSubmitter = null;

  doc.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    disclosures.forEach((item) => {
      if (isOpen(item) && !(target && item.root.contains(target))) toggle(item, false);
    });
    if (!target) return;

    const submit = target.closest('button[type="submit"],input[type="submit"]');
    if (submit) lastSubmitter = submit;

    const opener = target.closest('[data-chrome-open-preferences],[data-chrome-action="manage-cookies"]');
    if (opener && prefs) {
      event.preventDefault();
      openPreferences(opener);
      return;
    }

    const skip = target.closest('.chrome-skip-link');
    if (skip) skipTo(skip);
  });

  function skipTo(link) {
    const hash = link.hash;
    if (!hash || hash.length < 2) return;
    let id = hash.slice(1);
    try { id = decodeURIComponent(id); } catch (e) { /* keep raw */ }
    const target = doc.getElementById(id);
    if (!target) return;
    if (!target.matches(FOCUSABLE)) {
      target.setAttribute('tabindex', '-1');
      target.addEventListener('blur', () => target.removeAttribute('tabindex'), { once: true });
    }
    target.focus();
  }

  /* ---- Forms: consent and banner dismissal, posted in the background ---- */

  doc.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented) return;
    const cookies = form.closest('.chrome-cookies');
    const banner = form.classList.contains('chrome-banner__dismiss') && form.closest('[data-chrome-banner]');
    if (!cookies && !banner) return;
    if (!window.fetch || !window.URLSearchParams || !window.FormData) return;

    let submitter = event.submitter || lastSubmitter;
    if (submitter && submitter.form !== form) submitter = null;
    lastSubmitter = null;
    // Customise with no preferences panel on the page: let the server show it.
    if (submitter && submitter.hasAttribute('data-chrome-open-preferences')) return;

    event.preventDefault();
    if (form.getAttribute('aria-busy') === 'true') return;
    form.setAttribute('aria-busy', 'true');

    const data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    // The server words its confirmation in this locale; the forms do not carry it.
    const lang = cookies && cookies.getAttribute('lang');
    if (lang && !data.has('locale')) data.append('locale', lang);

    fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(data),
      headers: { Accept: 'application/json' },
      credentials: 'same-origin'
    })
      .then((response) => {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then((result) => {
        if (!result || result.ok !== true) throw new Error('not ok');
        return result;
      })
      .then((result) => {
        form.removeAttribute('aria-busy');
        if (cookies) consentSaved(cookies, result);
        else bannerDismissed(banner);
      }, () => fallback(form, submitter));
  });

  function fallback(form, submitter) {
    form.removeAttribute('aria-busy');
    if (submitter && submitter.name) {
      const input = doc.createElement('input');
      input.type = 'hidden';
      input.name = submitter.name;
      input.value = submitter.value;
      form.appendChild(input);
    }
    HTMLFormElement.prototype.submit.call(form);
  }

  function consentSaved(cookies, result) {
    const allowed = Array.isArray(result.allowed) ? result.allowed : [];
    const from = preferencesSaved(allowed);
    all('[data-chrome-cookies-layer]', cookies).forEach((layer) => { layer.hidden = true; });
    showConfirmation(cookies, typeof result.message === 'string' ? result.message : '', from);
    consentChanged({ categories: allowed, revision: typeof result.revision === 'number' ? result.revision : null, gpc: result.gpc === true });

    all('script[type="text/plain"][data-chrome-category]').forEach((placeholder) => {
      const category = placeholder.getAttribute('data-chrome-category');
      const src = placeholder.getAttribute('data-src');
      if (!src || allowed.indexOf(category) < 0) return;
      const script = doc.createElement('script');
      script.src = src;
      script.async = false;
      if (placeholder.nonce) script.nonce = placeholder.nonce;
      script.setAttribute('data-chrome-category', category);
      placeholder.parentNode.replaceChild(script, placeholder);
    });
  }

  function bannerDismissed(banner) {
    const visible = (el) => el.getClientRects().length > 0 && !banner.contains(el) && el.tabIndex >= 0;
    const candidates = all(FOCUSABLE).filter(visible);
    const after = candidates.filter((el) => banner.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    const before = candidates.filter((el) => banner.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
    const next = after[0] || before[before.length - 1] ||
      doc.querySelector('.chrome-skip-link, .chrome-brand__name, .chrome-brand__logo');
    banner.parentNode.removeChild(banner);
    if (next) next.focus();
  }

  /* ---- Cookie preferences as a modal dialog, the confirmation, the consent event ---- */

  const cookieControls = doc.querySelector('.chrome-cookies');
  const prefs = doc.getElementById('chrome-cookie-preferences');
  const dialog = prefs && typeof HTMLDialogElement === 'function' ? preferencesDialog(prefs) : null;
  let opener = null;
  let switchesWhenOpened = null;

  /* The server-rendered preferences move into a <dialog>; without this script they stay in the page. */
  function preferencesDialog(section) {
    const box = doc.createElement('dialog');
    box.className = 'chrome-dialog';
    box.setAttribute('aria-labelledby', section.getAttribute('aria-labelledby'));
    section.parentNode.insertBefore(box, section);
    box.appendChild(section);
    section.classList.add('is-open');
    const close = section.querySelector('[data-chrome-close-preferences]');
    if (close) {
      close.hidden = false;
      close.addEventListener('click', () => box.close());
    }
    box.addEventListener('keydown', keepTabInside);
    box.addEventListener('close', preferencesClosed);
    return box;
  }

  const switches = () => all('input[type="checkbox"][name="category"]', prefs);
  const tabbable = (scope) => all(FOCUSABLE, scope).filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0);
  const shown = (el) => el && el.isConnected && el.getClientRects().length > 0;

  function openPreferences(from) {
    if (!dialog) {
      prefs.hidden = false;
      prefs.classList.add('is-open');
      prefs.focus();
      return;
    }
    if (dialog.open) return;
    opener = from || doc.activeElement;
    switchesWhenOpened = switches().map((box) => box.checked);
    dialog.showModal();
    const first = tabbable(dialog)[0];
    (first || prefs).focus({ preventScroll: true });
  }

  function keepTabInside(event) {
    if (event.key !== 'Tab') return;
    const stops = tabbable(dialog);
    if (!stops.length) return;
    const at = stops.indexOf(doc.activeElement);
    if (event.shiftKey && at <= 0) {
      event.preventDefault();
      stops[stops.length - 1].focus();
    } else if (!event.shiftKey && (at < 0 || at === stops.length - 1)) {
      event.preventDefault();
      stops[0].focus();
    }
  }

  /* Close, Escape: the switches go back to the choice on record, focus goes back to the opener. */
  function preferencesClosed() {
    if (switchesWhenOpened) switches().forEach((box, i) => { box.checked = switchesWhenOpened[i]; });
    switchesWhenOpened = null;
    const back = opener;
    opener = null;
    if (shown(back)) back.focus();
  }

  /** After a saved choice: the switches show it, the dialog closes; returns its opener if still shown. */
  function preferencesSaved(allowed) {
    if (prefs) switches().forEach((box) => { box.checked = box.disabled || allowed.indexOf(box.value) >= 0; });
    const from = opener;
    if (dialog && dialog.open) {
      switchesWhenOpened = null;
      opener = null;
      dialog.close();
    }
    return shown(from) && !from.closest('[data-chrome-cookies-layer]') ? from : null;
  }

  /* The confirmation says what was chosen. It takes focus, unless the choice came from a dialog
     opened elsewhere on the page: then focus goes back there and the status is announced. */
  function showConfirmation(cookies, message, returnTo) {
    const note = cookies.querySelector('[data-chrome-cookies-confirmation]');
    if (!note) {
      if (returnTo) returnTo.focus();
      return;
    }
    const text = note.querySelector('p') || note;
    note.hidden = false;
    if (returnTo) {
      text.textContent = '';
      returnTo.focus();
      setTimeout(() => { if (message) text.textContent = message; }, 100);
    } else {
      if (message) text.textContent = message;
      note.focus();
    }
  }

  if (cookieControls) {
    all('[data-chrome-hide-confirmation]', cookieControls).forEach((hide) => {
      hide.hidden = false;
      hide.addEventListener('click', () => {
        const note = hide.closest('[data-chrome-cookies-confirmation]');
        const next = tabbable(doc).find((el) => !note.contains(el) &&
          (note.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING));
        note.hidden = true;
        if (next) next.focus();
      });
    });
  }

  /* The consent event and window.siteChrome, for the page's own code (and consent-mode.js). */
  let consent = null;
  try {
    consent = cookieControls ? JSON.parse(cookieControls.getAttribute('data-chrome-consent')) : null;
  } catch (e) {
    consent = null;
  }

  const consentCopy = () => consent && { categories: consent.categories.slice(), revision: consent.revision, gpc: consent.gpc };

  function consentChanged(state) {
    consent = state;
    doc.dispatchEvent(new CustomEvent('site-chrome:consent', { detail: consentCopy() }));
  }

  window.siteChrome = window.siteChrome || {};
  window.siteChrome.consent = consentCopy;
  window.siteChrome.showPreferences = () => { if (prefs) openPreferences(doc.activeElement); };

  // A choice on record is announced once, when the page's deferred scripts have all run.
  if (consent && consent.revision !== null) {
    let announced = false;
    const announce = () => {
      if (announced) return;
      announced = true;
      consentChanged(consent);
    };
    if (doc.readyState === 'complete') announce();
    else {
      doc.addEventListener('DOMContentLoaded', announce, { once: true });
      window.addEventListener('load', announce, { once: true });
    }
  }

  // A link to the preferences (the page the server redirects to without this script, or an in-page
  // link to #chrome-cookie-preferences) opens the dialog.
  if (dialog) {
    const openFromHash = () => { if (location.hash === '#chrome-cookie-preferences') openPreferences(null); };
    window.addEventListener('hashchange', openFromHash);
    openFromHash();
  }
})();
