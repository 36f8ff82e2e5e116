// Where the app runs: installed (its own window, from the home screen) or in a browser tab, and
// whether that browser is Safari on an iPhone or iPad, which deletes a site's stored data after 7
// days without a visit unless the site was added to the home screen.

export function runsInstalled(): boolean {
  const iosStandalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return iosStandalone || window.matchMedia?.('(display-mode: standalone)').matches === true;
}

export function isAppleMobile(): boolean {
  const ua = navigator.userAgent;
  // iPadOS 13+ says "Macintosh"; a Mac has no touch screen.
  return /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1);
}
