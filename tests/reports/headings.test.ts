import { describe, expect, test } from 'vitest';
import { indicatorHeadingLevel } from '../../src/lib/reports/headings';

const heading = (level: 1 | 2 | 3) => ({ kind: 'heading', level });
const indicators = { kind: 'indicators' };

describe('the heading level of a report streefdoel', () => {
	test.each([
		{ name: 'under a doel (h3)', blocks: [heading(2), heading(3), indicators], level: 4 },
		{
			name: 'under a question only (h2): no jump to h4',
			blocks: [heading(2), { kind: 'paragraph' }, indicators],
			level: 3
		},
		{ name: 'under the report title (h1)', blocks: [heading(1), indicators], level: 2 },
		{ name: 'without a heading before it', blocks: [indicators], level: 2 },
		{ name: 'the nearest heading counts', blocks: [heading(3), heading(2), indicators], level: 3 }
	])('$name: h$level', ({ blocks, level }) => {
		expect(indicatorHeadingLevel({ blocks, index: blocks.length - 1 })).toBe(level);
	});
});
