/** The visitor's display choices. They belong to the visit: the idle wipe puts them back. */
export const textSizes = ['normal', 'large', 'largest'] as const;
export type TextSize = (typeof textSizes)[number];

export interface DisplayPrefs {
  textSize: TextSize;
  highContrast: boolean;
}

export const defaultDisplayPrefs: DisplayPrefs = { textSize: 'normal', highContrast: false };

export function nextTextSize(size: TextSize): TextSize {
  return textSizes[(textSizes.indexOf(size) + 1) % textSizes.length] ?? 'normal';
}

export function isDefaultDisplay(prefs: DisplayPrefs): boolean {
  return prefs.textSize === defaultDisplayPrefs.textSize && prefs.highContrast === defaultDisplayPrefs.highContrast;
}

/** The tokens in tokens.css key off these attributes on <html>. */
export function applyDisplayPrefs(prefs: DisplayPrefs, root: HTMLElement = document.documentElement): void {
  root.dataset.textSize = prefs.textSize;
  root.dataset.contrast = prefs.highContrast ? 'high' : 'normal';
}
