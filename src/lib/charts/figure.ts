/**
 * The size of every chart text, in CSS px. Charts are shown at the width they are drawn at (a narrow
 * screen scrolls them), so this is the size a reader gets: at least 12 px (WCAG 1.4.4).
 */
export const CHART_TEXT_SIZE = 12;

/**
 * Makes a Plot figure safe for a strict Content-Security-Policy (no inline styles) and for axe:
 * drops Plot's `<style>` element and `style` attributes (their rules live in app.css under
 * `.koers-plot`), and gives labelled groups a role so their aria-label is valid.
 */
function sanitizeFigure(element: Element): Element {
	for (const style of Array.from(element.querySelectorAll('style'))) style.remove();
	element.removeAttribute('style');
	for (const el of Array.from(element.querySelectorAll('[style]'))) el.removeAttribute('style');
	// Plot writes 10 on its root: the axes' text takes this size, marks set their own.
	const roots = [element, ...Array.from(element.querySelectorAll('svg'))].filter(
		(e) => e.tagName.toLowerCase() === 'svg'
	);
	for (const svg of roots) svg.setAttribute('font-size', String(CHART_TEXT_SIZE));
	for (const g of Array.from(element.querySelectorAll('g[aria-label]'))) {
		if (!g.hasAttribute('role') && g.getAttribute('aria-hidden') !== 'true') g.setAttribute('role', 'group');
	}
	return element;
}

/** Serialises a sanitised figure to markup, for prerendered HTML and for `{@html}` in the browser. */
export function figureMarkup(element: Element): string {
	return sanitizeFigure(element).outerHTML;
}
