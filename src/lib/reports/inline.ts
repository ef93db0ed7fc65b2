/** Escapes text for HTML. */
function escapeHtml(text: string): string {
	return text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);
}

/** A report's inline text as HTML: escaped first, then **bold** and *italic*; nothing else passes. */
export function inlineHtml(text: string): string {
	return escapeHtml(text)
		.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
		.replace(/\*([^*]+)\*/g, '<em>$1</em>');
}
