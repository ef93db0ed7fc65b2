/** A small deterministic PRNG (sfc32) so the sample is identical for the same seed on every machine. */
export class Random {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(seed: number) {
		this.a = 0x9e3779b9;
		this.b = 0x243f6a88;
		this.c = 0xb7e15162;
		this.d = seed >>> 0;
		for (let i = 0; i < 15; i++) this.next();
	}

	/** Uniform in [0, 1). */
	next(): number {
		this.a >>>= 0;
		this.b >>>= 0;
		this.c >>>= 0;
		this.d >>>= 0;
		let t = (this.a + this.b) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.d = (this.d + 1) | 0;
		t = (t + this.d) | 0;
		this.c = (this.c + t) | 0;
		return (t >>> 0) / 4294967296;
	}

	/** Uniform integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** Standard normal (Box–Muller). */
	normal(mean = 0, sd = 1): number {
		const u = 1 - this.next();
		const v = this.next();
		return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	/** Exponential with the given mean. */
	exponential(mean: number): number {
		return -Math.log(1 - this.next()) * mean;
	}

	/** Index drawn with probability proportional to the weights (cumulative weights given). */
	pickCumulative(cumulative: number[]): number {
		const total = cumulative[cumulative.length - 1] ?? 0;
		const x = this.next() * total;
		let lo = 0;
		let hi = cumulative.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if ((cumulative[mid] ?? 0) > x) hi = mid;
			else lo = mid + 1;
		}
		return lo;
	}

	/** A day uniformly between two dates (inclusive), as a UTC date. */
	day(from: Date, to: Date): Date {
		const days = Math.round((to.getTime() - from.getTime()) / 86_400_000);
		return new Date(from.getTime() + this.int(0, days) * 86_400_000);
	}
}

/** Running sums of weights, for {@link Random.pickCumulative}. */
export function cumulative(weights: number[]): number[] {
	let sum = 0;
	return weights.map((w) => (sum += Math.max(w, 0)));
}
