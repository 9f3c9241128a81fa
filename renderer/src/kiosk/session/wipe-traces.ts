/**
 * Removes what the browser itself kept of a visit. The React state is dropped by remounting the
 * visitor's tree; this handles what lives outside it. The browser host's session cookie is
 * HttpOnly, out of reach here, and stays: without it the next visitor could not use the kiosk.
 */
export function wipeBrowserTraces(keep: readonly string[]): void {
  for (const key of Object.keys(sessionStorage)) {
    if (!keep.includes(key)) sessionStorage.removeItem(key);
  }
  localStorage.clear();
  if ('speechSynthesis' in window) window.speechSynthesis.cancel();
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  window.getSelection()?.removeAllRanges();
  window.scrollTo(0, 0);
}
