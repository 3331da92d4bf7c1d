/**
 * The media centre's identity from a deployment's config.js file, for the tools that run beside
 * jitsi-meet (credential letters, the branding files, `npm run docs`): the file is evaluated in the
 * same sandbox check-config uses (evaluateConfig.ts), never imported, and read as the core reads it.
 */
import { readFileSync } from 'node:fs';

import { readCentreIdentity, type IdentityReading } from '../../react/features/school-policy/policy/centreIdentity';

import { evaluateConfig } from './evaluateConfig';

/** Why a config.js gave no identity: its text for the admin (the tools print it in English). */
export class ConfigFileError extends Error {}

/**
 * Reads the identity from a config.js file.
 *
 * @param {string} path - The file.
 * @returns {Promise<IdentityReading>}
 * @throws {ConfigFileError} When the file cannot be read or evaluated.
 */
export async function centreFromConfigFile(path: string): Promise<IdentityReading> {
    let text: string;

    try {
        text = readFileSync(path, 'utf8');
    } catch {
        throw new ConfigFileError(`${path}: config.js is unreadable`);
    }
    const loaded = await evaluateConfig(text);

    if (!loaded.ok) {
        throw new ConfigFileError(`${path}: config.js: ${loaded.error}`);
    }

    return readCentreIdentity(loaded.config.schoolPolicy);
}
