import { pick, secureRandom, type RandomSource } from './random';
import { ADJECTIVE_STEMS, ANIMALS, type Gender } from './pseudonymWords';

/** The longest display name we pass on; Jitsi shows long names cut anyway. */
export const DISPLAY_NAME_MAX_LENGTH = 40;

const ENDINGS: Readonly<Record<Gender, string>> = { m: 'er', f: 'e', n: 'es' };

/**
 * Suggests a friendly pseudonym such as "Mutiger Igel" or "Flinke Eule" (R7). An adjective in its
 * declined form before an animal is never a plausible real name.
 */
export function generatePseudonym(random: RandomSource = secureRandom): string {
    const stem = pick(ADJECTIVE_STEMS, random);
    const animal = pick(ANIMALS, random);

    return `${stem}${ENDINGS[animal[1]]} ${animal[0]}`;
}

// Control characters, bidi overrides and isolates, zero-width characters and the BOM: they can hide
// or reorder text (e.g. a name that displays as the teacher's).
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

/** A sanitised display name, or `null` when nothing usable is left (then the participant is anonymous). */
export interface SanitisedName {
    readonly name: string | null;
    /** True when the input was cut to {@link DISPLAY_NAME_MAX_LENGTH}. */
    readonly truncated: boolean;
}

/**
 * Cleans a display name: strips invisible and direction-changing characters, collapses white
 * space, trims, and cuts to the maximum length without splitting a character.
 */
export function sanitiseDisplayName(input: string | null | undefined): SanitisedName {
    if (typeof input !== 'string') {
        return { name: null, truncated: false };
    }
    const cleaned = input.normalize('NFC').replace(INVISIBLE, ' ').replace(/\s+/gu, ' ').trim();
    const characters = [...cleaned];
    const truncated = characters.length > DISPLAY_NAME_MAX_LENGTH;
    const name = truncated ? characters.slice(0, DISPLAY_NAME_MAX_LENGTH).join('').trimEnd() : cleaned;

    return { name: name.length > 0 ? name : null, truncated };
}

/**
 * Words that claim a role in a meeting (German and English). A student whose name says "Lehrkraft"
 * or "Admin" could be taken for the teacher and be obeyed or trusted (R7 allows pseudonyms, not
 * impersonation).
 */
const ROLE_WORDS =
    /\b(lehrkraft|lehrer(in)?|admin(istrator(in)?)?|moderator(in)?|moderation|organisator(in)?|host|teacher|schulleitung|schulleiter(in)?|rektor(in)?|medienzentrum|system)\b/iu;

/** Whether a display name claims a role (after the same cleaning as {@link sanitiseDisplayName}). */
export function claimsRole(input: string | null | undefined): boolean {
    const { name } = sanitiseDisplayName(input);

    return name !== null && ROLE_WORDS.test(name.normalize('NFKC'));
}
