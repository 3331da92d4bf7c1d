/**
 * The credential letter's password and facts: a strong password read off paper, the media
 * centre's name and misuse contact from the deployment's config.js, and the letter drafted to a
 * file only its owner can read.
 */
import { randomInt } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { evaluateConfig } from '../config/evaluateConfig';

import { EXIT, Failure, type AccountSettings } from './accountSettings';
import { credentialLetter } from './credentialLetter';

/** No 0/O, 1/l/I: the password is read off paper. */
const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A strong password for a letter: 5 groups of 4 from 32 characters (100 bits). */
export function generatePassword(): string {
    const groups = Array.from({ length: 5 }, () =>
        Array.from({ length: 4 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join(''),
    );

    return groups.join('-');
}

/** The letter's facts that come from the deployment's config.js. */
async function centreFacts(settings: AccountSettings): Promise<{ centreName: string; misuseContact: string }> {
    let text: string;

    try {
        text = readFileSync(settings.config, 'utf8');
    } catch {
        throw new Failure(EXIT.input, 'settingsInvalid', { path: settings.config, detail: 'config.js is unreadable' });
    }
    const loaded = await evaluateConfig(text);

    if (!loaded.ok) {
        throw new Failure(EXIT.input, 'settingsInvalid', {
            path: settings.config,
            detail: `config.js: ${loaded.error}`,
        });
    }
    const policy = (loaded.config.schoolPolicy ?? {}) as Record<string, unknown>;

    return {
        centreName: typeof policy.centreName === 'string' ? policy.centreName : '',
        misuseContact: typeof policy.misuseContact === 'string' ? policy.misuseContact : '',
    };
}

/** Writes a letter to a temporary file (readable by its owner only); returns it and its final path. */
export async function draftLetter(
    settings: AccountSettings,
    id: string,
    name: string,
    password: string,
    occasion: 'new' | 'rotated',
): Promise<{ draft: string; final: string }> {
    const date = new Date().toISOString().slice(0, 10);
    const facts = await centreFacts(settings);
    const final = join(settings.letters, `zugangsbrief-${id}-${date}.html`);
    const draft = `${final}.part`;

    writeFileSync(
        draft,
        credentialLetter({
            schoolId: id,
            schoolName: name,
            login: `${id}@${settings.domain}`,
            password,
            address: settings.address,
            ...facts,
            date,
            occasion,
        }),
        { mode: 0o600 },
    );

    return { draft, final };
}
