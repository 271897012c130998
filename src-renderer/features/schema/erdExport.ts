import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';

const padding = 40;

/**
 * The whole diagram as an image, as React Flow's "download image" example does: render the
 * viewport element at a size and transform that fit every node. html-to-image serializes the DOM
 * into an SVG <foreignObject> and, for PNG, draws it through an <img> of a data: URL onto a canvas,
 * which the CSP's img-src 'self' data: already allows. Fonts are not inlined (skipFonts): that
 * would fetch stylesheets and is not needed for the system font stack.
 */
export async function exportErd(viewport: HTMLElement, nodes: Node[], format: 'png' | 'svg', fileName: string, backgroundColor: string): Promise<void> {
  const bounds = getNodesBounds(nodes);
  const width = Math.ceil(bounds.width + padding * 2);
  const height = Math.ceil(bounds.height + padding * 2);
  const transform = getViewportForBounds(bounds, width, height, 0.1, 2, 0);
  const options = {
    backgroundColor,
    width,
    height,
    skipFonts: true,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${transform.x}px, ${transform.y}px) scale(${transform.zoom})` },
  };
  const dataUrl = format === 'png' ? await toPng(viewport, { ...options, pixelRatio: 2 }) : await toSvg(viewport, options);
  download(dataUrl, `${fileName}.${format}`);
}

function download(href: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}
