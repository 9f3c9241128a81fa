import type { Layout, LayoutBlock } from './layout';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

async function blockHtml(block: LayoutBlock): Promise<string> {
  switch (block.type) {
    case 'text': {
      const style = `text-align:${block.align};font-size:${block.size}em;${block.bold ? 'font-weight:700;' : ''}`;
      return block.lines.map((line) => `<p style="${style}">${escapeHtml(line) || '&nbsp;'}</p>`).join('');
    }
    case 'qr': {
      // Loaded at the first preview, not on the way to the first screen.
      const { default: QRCode } = await import('qrcode');
      const svg = await QRCode.toString(block.payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return `<div class="qr" role="img" aria-label="QR: ${escapeHtml(block.payload)}">${svg}</div>`;
    }
    case 'rule':
      return '<hr>';
    case 'feed':
      return '<p>&nbsp;</p>'.repeat(block.lines);
    case 'cut':
      return '<div class="cut" aria-hidden="true"></div>';
  }
}

/**
 * A self-contained HTML page that looks like the paper: monospace, as many characters wide as the
 * printer, QR as inline SVG. No scripts and no outside resources, so the UI can show it in a
 * sandboxed frame.
 */
export async function renderPreviewHtml(layout: Layout, title: string, language: string): Promise<string> {
  const body = (await Promise.all(layout.blocks.map(blockHtml))).join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body{margin:0;background:#e8e8e8;display:flex;justify-content:center;padding:16px}
.paper{background:#fff;color:#000;font:16px/1.25 "DejaVu Sans Mono",Consolas,monospace;width:${layout.charactersPerLine}ch;padding:12px 8px;box-shadow:0 1px 4px #0004}
p{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
hr{border:0;border-top:1px dashed #000;margin:4px 0}
.qr{display:flex;justify-content:center}.qr svg{width:60%;height:auto}
.cut{border-top:2px dotted #888;margin-top:12px}
</style></head>
<body><main class="paper">
${body}
</main></body></html>
`;
}
