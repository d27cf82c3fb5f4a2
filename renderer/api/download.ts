// Saving bytes from the API as a file: a Blob link in the browser; in Electron the same click
// opens the native save dialog (will-download).
export function saveBytes(
  fileName: string,
  bytes: Uint8Array,
  mime = 'application/octet-stream',
): void {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
