/**
 * A source of uniformly distributed whole numbers in `[0, maxExclusive)`. Injectable so that
 * generators can be tested deterministically; the default is cryptographically secure.
 */
export type RandomSource = (maxExclusive: number) => number;

/**
 * The default random source: `crypto.getRandomValues` with rejection sampling, so that every value
 * is equally likely (a plain modulo would favour small values).
 */
export const secureRandom: RandomSource = maxExclusive => {
    if (!Number.isInteger(maxExclusive) || maxExclusive < 1 || maxExclusive > 2 ** 32) {
        throw new RangeError(`maxExclusive must be a whole number from 1 to 2^32, not ${maxExclusive}`);
    }
    const limit = Math.floor(2 ** 32 / maxExclusive) * maxExclusive;
    const buffer = new Uint32Array(1);

    for (;;) {
        globalThis.crypto.getRandomValues(buffer);
        const value = buffer[0] ?? 0;

        if (value < limit) {
            return value % maxExclusive;
        }
    }
};

/** Picks one element of a non-empty list. */
export function pick<T>(list: readonly T[], random: RandomSource): T {
    const item = list[random(list.length)];

    if (item === undefined) {
        throw new RangeError('The random source returned a value outside the list');
    }

    return item;
}
