import type { MessageKey } from '../i18n';

import { pick, secureRandom, type RandomSource } from './random';
import { PASSWORD_WORDS } from './passwordWords';

/** Bounds for a typed room password (R6). */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;

/** Why a typed password was refused; each is a message key. */
export type PasswordError = Extract<MessageKey, `password.${string}`>;

/** The outcome of validating a password. `params` fill the message's placeholders. */
export type PasswordCheck =
    | { readonly ok: true }
    | { readonly ok: false; readonly error: PasswordError; readonly params?: Readonly<Record<string, number>> };

// C0 and C1 control characters, and the format characters that reorder or hide text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;

/** Checks a password the teacher typed. The first problem found is reported. */
export function validatePassword(password: string): PasswordCheck {
    if (password.length === 0) {
        return { ok: false, error: 'password.empty' };
    }
    if (password.trim().length === 0) {
        return { ok: false, error: 'password.whitespaceOnly' };
    }
    if (CONTROL.test(password)) {
        return { ok: false, error: 'password.controlCharacters' };
    }
    if (password !== password.trim()) {
        return { ok: false, error: 'password.surroundingSpaces' };
    }
    const length = [...password].length;

    if (length < PASSWORD_MIN_LENGTH) {
        return { ok: false, error: 'password.tooShort', params: { min: PASSWORD_MIN_LENGTH } };
    }
    if (length > PASSWORD_MAX_LENGTH) {
        return { ok: false, error: 'password.tooLong', params: { max: PASSWORD_MAX_LENGTH } };
    }

    return { ok: true };
}

const WORD_COUNT = 3;
const DIGIT_COUNT = 5;

/**
 * The entropy of a generated password in bits: three words from the list and five digits.
 * With 256 words that is 3 × 8 + 5 × log2(10) ≈ 40.6 bits.
 */
export const GENERATED_PASSWORD_BITS = WORD_COUNT * Math.log2(PASSWORD_WORDS.length) + DIGIT_COUNT * Math.log2(10);

/**
 * Generates a password that is strong yet easy to dictate, e.g. `Igel-Kerze-Hafen-40817`.
 * It takes no room name on purpose: nothing about the room can be used to guess it. Every call
 * draws afresh, so every start of a meeting gets a new password (R6).
 */
export function generatePassword(random: RandomSource = secureRandom): string {
    const words = Array.from({ length: WORD_COUNT }, () => pick(PASSWORD_WORDS, random));
    const digits = Array.from({ length: DIGIT_COUNT }, () => String(random(10))).join('');

    return [...words, digits].join('-');
}
