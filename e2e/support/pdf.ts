// A real two-page PDF (coloured boxes and a label per page), small enough to build by hand:
// what the case-file viewer and the scoring screen show as a scan in the tests.

export function twoPagePdf(): Buffer {
  const page = (rgb: string, label: string) =>
    `${rgb} rg 72 300 320 260 re f\nBT /F1 28 Tf 72 640 Td (${label}) Tj ET\n`;
  const contents = [
    page('0.12 0.35 0.66', 'Case file scan, page 1'),
    page('0.7 0.1 0.1', 'Page 2'),
  ];
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 7 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 7 0 R >> >> /Contents 6 0 R >>',
    ...contents.map(
      (c) => `<< /Length ${Buffer.byteLength(c, 'latin1')} >>\nstream\n${c}endstream`,
    ),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
