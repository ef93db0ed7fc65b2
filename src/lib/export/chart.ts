import { saveFile } from './download';

/** Rules of app.css that a chart needs outside the page (fonts, text), written into the SVG file. */
const STANDALONE_STYLE =
	'.koers-plot{font-family:system-ui,sans-serif;font-size:10px;background:white}.koers-plot text,.koers-plot tspan{white-space:pre}';

/** The chart as a standalone SVG document. */
export function standaloneSvg(markup: string): string {
	const svg = markup.includes('xmlns=')
		? markup
		: markup.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
	return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.replace(/(<svg[^>]*>)/, `$1<style>${STANDALONE_STYLE}</style>`)}`;
}

/** Downloads a chart (the outer markup of its SVG) as SVG or as PNG at twice the size. */
export async function downloadChart(options: {
	markup: string;
	name: string;
	format: 'svg' | 'png';
}): Promise<void> {
	const svg = standaloneSvg(options.markup);
	if (options.format === 'svg') {
		saveFile({ name: `${options.name}.svg`, type: 'image/svg+xml', data: svg });
		return;
	}
	// A data: URL, not a blob: URL, so the site's img-src policy allows it.
	const image = new Image();
	const loaded = new Promise<void>((ok, fail) => {
		image.onload = () => ok();
		image.onerror = () => fail(new Error('de grafiek kon niet als afbeelding worden getekend'));
	});
	image.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(svg)))}`;
	await loaded;
	const canvas = document.createElement('canvas');
	canvas.width = image.width * 2;
	canvas.height = image.height * 2;
	const context = canvas.getContext('2d')!;
	context.fillStyle = 'white';
	context.fillRect(0, 0, canvas.width, canvas.height);
	context.drawImage(image, 0, 0, canvas.width, canvas.height);
	const blob = await new Promise<Blob>((ok, fail) =>
		canvas.toBlob((b) => (b ? ok(b) : fail(new Error('PNG maken mislukt'))), 'image/png')
	);
	saveFile({ name: `${options.name}.png`, type: 'image/png', data: blob });
}
