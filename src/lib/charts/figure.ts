/**
 * Makes a Plot figure safe for a strict Content-Security-Policy (no inline styles) and for axe:
 * drops Plot's `<style>` element and `style` attributes (their rules live in app.css under
 * `.koers-plot`), and gives labelled groups a role so their aria-label is valid.
 */
function sanitizeFigure(element: Element): Element {
	for (const style of Array.from(element.querySelectorAll('style'))) style.remove();
	element.removeAttribute('style');
	for (const el of Array.from(element.querySelectorAll('[style]'))) el.removeAttribute('style');
	for (const g of Array.from(element.querySelectorAll('g[aria-label]'))) {
		if (!g.hasAttribute('role') && g.getAttribute('aria-hidden') !== 'true') g.setAttribute('role', 'group');
	}
	return element;
}

/** Serialises a sanitised figure to markup, for prerendered HTML and for `{@html}` in the browser. */
export function figureMarkup(element: Element): string {
	return sanitizeFigure(element).outerHTML;
}
