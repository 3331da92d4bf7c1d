import type { MessageKey } from '../i18n';

import { pick, secureRandom, type RandomSource } from './random';

/** Jitsi room names become XMPP node parts; keep them short and plain. */
export const ROOM_NAME_MAX_LENGTH = 64;
/** Input longer than this is refused before any work is done on it. */
export const ROOM_INPUT_MAX_LENGTH = 200;

/** Why a room name was refused; each is a message key. */
export type RoomNameError = Extract<
    MessageKey,
    'room.empty' | 'room.tooLong' | 'room.noUsableCharacters' | 'room.looksLikeLink'
>;

/** The outcome of normalising a room name. */
export type RoomNameCheck =
    | {
          readonly ok: true;
          /** The name Jitsi will use: lowercase letters, digits and single dashes. */
          readonly name: string;
          /** True when the name is easy to guess (then `suggestion` offers a safer one). */
          readonly guessable: boolean;
      }
    | { readonly ok: false; readonly error: RoomNameError; readonly params?: Readonly<Record<string, number>> };

const TRANSLITERATION: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** Suffix letters and digits without look-alikes (no i/l/o, no 0/1). */
const SUFFIX_LETTERS = 'abcdefghjkmnpqrstuvwxyz'.split('');
const SUFFIX_DIGITS = '23456789'.split('');
/** Letters and digits alternate: 4 × log2(23) + 4 × 3 ≈ 30 bits, and it always mixes both. */
const SUFFIX_LENGTH = 8;
/**
 * A name counts as hard to guess when it is long, or when one of its dash-separated parts mixes
 * letters and digits over at least six characters (like the suffix we suggest).
 */
function isGuessable(name: string): boolean {
    if (name.length >= 24) {
        return false;
    }

    return !name.split('-').some(part => part.length >= 6 && /\d/.test(part) && /[a-z]/.test(part));
}

/**
 * Turns what a teacher typed into a valid Jitsi room name: "Mathe 7b Übung" → "mathe-7b-uebung".
 * Umlauts are transliterated, other accents dropped, anything else becomes a dash.
 */
export function normaliseRoomName(input: string): RoomNameCheck {
    if (input.trim().length === 0) {
        return { ok: false, error: 'room.empty' };
    }
    if (input.length > ROOM_INPUT_MAX_LENGTH) {
        return { ok: false, error: 'room.tooLong', params: { max: ROOM_NAME_MAX_LENGTH } };
    }
    if (/^\s*[a-z][a-z0-9+.-]*:\/\//iu.test(input)) {
        return { ok: false, error: 'room.looksLikeLink' };
    }
    const name = input
        .toLowerCase()
        .replace(/[äöüß]/gu, c => TRANSLITERATION[c] ?? c)
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/gu, '')
        .replace(/[^a-z0-9]+/gu, '-')
        .replace(/^-+|-+$/gu, '');

    if (name.length === 0) {
        return { ok: false, error: 'room.noUsableCharacters' };
    }
    if (name.length > ROOM_NAME_MAX_LENGTH) {
        return { ok: false, error: 'room.tooLong', params: { max: ROOM_NAME_MAX_LENGTH } };
    }

    return { ok: true, name, guessable: isGuessable(name) };
}

/**
 * Suggests an unguessable variant of a (normalised) room name by appending eight random characters
 * (about 30 bits): "mathe-7b" → "mathe-7b-k3x9qz4m". The result always passes as not guessable.
 */
export function suggestUnguessableRoomName(name: string, random: RandomSource = secureRandom): string {
    const suffix = Array.from({ length: SUFFIX_LENGTH }, (_, i) =>
        pick(i % 2 === 0 ? SUFFIX_LETTERS : SUFFIX_DIGITS, random),
    ).join('');
    const base = name.slice(0, ROOM_NAME_MAX_LENGTH - SUFFIX_LENGTH - 1).replace(/-+$/u, '');

    return base ? `${base}-${suffix}` : suffix;
}
