/**
 * Hands text to the browser as a file download: works the same in server mode and in Electron's
 * renderer (a blob URL needs no file system access and no extra channel).
 */
export function downloadFile(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL is not needed past this tick.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
