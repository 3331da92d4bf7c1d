/**
 * The credential letter's password and facts: a strong password read off paper, the media
 * centre's name and misuse contact from the deployment's config.js, and the letter drafted to a
 * file only its owner can read.
 */
import { randomInt } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { centreFromConfigFile, ConfigFileError } from '../config/centreFromConfig';

import { EXIT, Failure, type AccountSettings } from './accountSettings';
import { credentialLetter, credentialsInLetter } from './credentialLetter';

/** No 0/O, 1/l/I: the password is read off paper. */
const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A strong password for a letter: 5 groups of 4 from 32 characters (100 bits). */
export function generatePassword(): string {
    const groups = Array.from({ length: 5 }, () =>
        Array.from({ length: 4 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join(''),
    );

    return groups.join('-');
}

/** The letter's facts that come from the deployment's config.js (its `schoolPolicy` identity). */
async function centreFacts(
    settings: AccountSettings,
): Promise<{ centreName: string; misuseContact: string; termsUrl: string | null }> {
    try {
        const { identity } = await centreFromConfigFile(settings.config);

        return { centreName: identity.name, misuseContact: identity.misuseContact ?? '', termsUrl: identity.termsUrl };
    } catch (error) {
        throw new Failure(EXIT.input, 'settingsInvalid', {
            path: settings.config,
            detail: error instanceof ConfigFileError ? error.message : String(error),
        });
    }
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

/**
 * The password in the newest letter for a school in a letters folder: the only place it exists (for
 * the tests and the benchmark, which log in as the school's teacher).
 *
 * @param {string} folder - The letters folder (settings `letters`).
 * @param {string} school - The school id.
 * @returns {string}
 */
export function passwordInNewestLetter(folder: string, school: string): string {
    const newest = readdirSync(folder)
        .filter(name => name.startsWith(`zugangsbrief-${school}-`))
        .map(name => join(folder, name))
        .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];

    if (!newest) {
        throw new Error(`no letter for ${school} in ${folder}`);
    }

    return credentialsInLetter(readFileSync(newest, 'utf8')).password;
}
