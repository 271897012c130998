import { notifications } from '@mantine/notifications';

/**
 * Writes text to the clipboard. navigator.clipboard needs a secure context and the document's
 * focus; server mode on a LAN address over plain HTTP has neither, so fall back to a hidden
 * textarea and execCommand('copy'), which still works there.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied (no focus, no permission): try the fallback below.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/** Copies and says so (or says it could not, and how to copy by hand). */
export async function copyWithNotice(text: string, what: string): Promise<void> {
  const copied = await copyText(text);
  notifications.show(
    copied
      ? { color: 'teal', message: `Copied ${what}`, autoClose: 2_000 }
      : { color: 'red', title: `Could not copy ${what}`, message: 'The browser refused clipboard access: select the text and press Ctrl+C.', autoClose: 8_000 },
  );
}
