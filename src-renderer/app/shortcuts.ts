import { useEffect, useRef } from 'react';

/**
 * Keyboard shortcuts: a chord ("mod+K", handled by the palette itself), one key ("r"), or a two-key
 * sequence ("g t", as GitHub and Gmail do). Browsers keep Ctrl+1…9 for their tabs, so sections
 * are reached with sequences.
 */
export const shortcuts = {
  palette: 'mod+K',
  reloadStatus: 'r',
  runLog: 'l',
  connections: 'g c',
} as const;

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The keys as the operator presses them, e.g. ["Ctrl", "K"] or ["G", "T"]. */
export function shortcutKeys(shortcut: string): string[] {
  if (shortcut.includes('+')) return shortcut.split('+').map((key) => (key === 'mod' ? (isMac ? '⌘' : 'Ctrl') : key.toUpperCase()));
  return shortcut.split(' ').map((key) => key.toUpperCase());
}

/** "Ctrl+K", "G then T": for tooltips and aria-keyshortcuts-like labels. */
export function shortcutLabel(shortcut: string): string {
  return shortcut.includes('+') ? shortcutKeys(shortcut).join('+') : shortcutKeys(shortcut).join(' then ');
}

/**
 * Marks an area that takes typing without being a form field: Monaco types through an EditContext
 * on a plain div, so without it "pgm" would fire "g m" and "r" would reload the status.
 */
export const typingAreaAttribute = 'data-typing-area';

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest(`[${typingAreaAttribute}]`) !== null;
}

const sequenceWindowMs = 1_500;

/**
 * Binds single keys and two-key sequences to actions. Ignored while typing in a field, with a
 * modifier held, or while a dialog (a modal, the palette) has the focus.
 */
export function useKeySequences(bindings: Record<string, () => void>): void {
  const latest = useRef(bindings);
  useEffect(() => {
    latest.current = bindings;
  });
  useEffect(() => {
    let prefix: { key: string; at: number } | null = null;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typingInto(event.target)) return;
      if (event.target instanceof HTMLElement && event.target.closest('[role="dialog"]')) return;
      const key = event.key.toLowerCase();
      const sequence = prefix && event.timeStamp - prefix.at < sequenceWindowMs ? `${prefix.key} ${key}` : null;
      prefix = null;
      const action = (sequence && latest.current[sequence]) || latest.current[key];
      if (action) {
        event.preventDefault();
        action();
        return;
      }
      if (Object.keys(latest.current).some((binding) => binding.startsWith(`${key} `))) prefix = { key, at: event.timeStamp };
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
