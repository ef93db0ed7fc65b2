/**
 * The heading level of a report's streefdoel: one below the last heading before it, so the outline
 * never skips a level (WCAG 1.3.1) whether the report text has a doel heading (h3), only a question
 * (h2) or none (below the page's h1).
 */
export function indicatorHeadingLevel(options: {
	blocks: readonly { kind: string; level?: number }[];
	index: number;
}): 2 | 3 | 4 {
	for (let i = options.index - 1; i >= 0; i--) {
		const b = options.blocks[i]!;
		if (b.kind === 'heading' && b.level !== undefined)
			return Math.min(4, Math.max(2, b.level + 1)) as 2 | 3 | 4;
	}
	return 2;
}
