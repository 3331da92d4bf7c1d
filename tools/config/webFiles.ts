/**
 * `jitsi-school-policy web-files <config.js> --out <folder> [--lang de|en]`: writes the branding files
 * a Jitsi web root serves from libs/school-policy/ (branding.json with the media centre's logo, and
 * jitsi-meet's invitation texts signed by it: tools/docs/jitsiTranslations.ts) from the deployment's
 * own config.js, so that its identity has one place. Run it again after changing `schoolPolicy`;
 * `check-config` names what the identity lacks. Every file is written whole or not at all.
 */
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Lang } from '../../react/features/school-policy/rules';
import { webFiles } from '../docs/jitsiTranslations';

import { centreFromConfigFile, ConfigFileError } from './centreFromConfig';
import { EXIT } from './checkConfig';

interface Io {
    out(text: string): void;
    err(text: string): void;
}

const TEXT: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
    de: {
        usage: 'Aufruf: jitsi-school-policy web-files <config.js> --out <Ordner, z. B. /usr/share/jitsi-meet/libs/school-policy> [--lang de|en]',
        noFolder: 'Der Ordner {detail} existiert nicht.',
        unreadable: 'config.js konnte nicht gelesen werden: {detail}',
        notWritten: 'Die Dateien konnten nicht geschrieben werden: {detail}',
        written: '{detail} geschrieben.',
        invalid: 'Nicht verwendet, weil ungültig: {detail} (check-config sagt mehr).',
        missing: 'Nicht gesetzt: {detail}.',
    },
    en: {
        usage: 'Usage: jitsi-school-policy web-files <config.js> --out <folder, e.g. /usr/share/jitsi-meet/libs/school-policy> [--lang de|en]',
        noFolder: 'The folder {detail} does not exist.',
        unreadable: 'config.js could not be read: {detail}',
        notWritten: 'The files could not be written: {detail}',
        written: '{detail} written.',
        invalid: 'Not used, because invalid: {detail} (check-config says more).',
        missing: 'Not set: {detail}.',
    },
};

const say = (lang: Lang, key: string, detail: string) => `${(TEXT[lang][key] ?? key).replace('{detail}', detail)}\n`;

/**
 * Runs the command.
 *
 * @param {string[]} args - The arguments after `web-files`.
 * @param {Io} io - Where output goes.
 * @returns {Promise<number>} The exit code (check-config's: 0 written, 2 wrong call, 3 unreadable, 4 not written).
 */
export async function runWebFiles(args: readonly string[], io: Io): Promise<number> {
    const langIndex = args.indexOf('--lang');
    const lang: Lang = args[langIndex + 1] === 'en' && langIndex >= 0 ? 'en' : 'de';
    const outIndex = args.indexOf('--out');
    const out = outIndex >= 0 ? args[outIndex + 1] : undefined;
    // The values of the options are not the config file.
    const values = new Set([outIndex, langIndex].filter(index => index >= 0).map(index => index + 1));
    const config = args.find((arg, i) => !arg.startsWith('--') && !values.has(i));

    if (!config || !out || out.startsWith('--')) {
        io.err(say(lang, 'usage', ''));

        return EXIT.usage;
    }
    if (!existsSync(out) || !statSync(out).isDirectory()) {
        io.err(say(lang, 'noFolder', out));

        return EXIT.usage;
    }
    let reading;

    try {
        reading = await centreFromConfigFile(config);
    } catch (error) {
        io.err(say(lang, 'unreadable', error instanceof ConfigFileError ? error.message : String(error)));

        return EXIT.unreadable;
    }
    const files = Object.entries(webFiles(reading.identity));

    try {
        // Each file complete beside its final name first, then renamed over it: a web server never
        // serves half a file, and a failure leaves the old files as they were.
        mkdirSync(out, { recursive: true });
        files.forEach(([name, text]) => writeFileSync(join(out, `.${name}.new`), text, { mode: 0o644 }));
        files.forEach(([name]) => renameSync(join(out, `.${name}.new`), join(out, name)));
    } catch (error) {
        io.err(say(lang, 'notWritten', error instanceof Error ? error.message : String(error)));

        return EXIT.internal;
    }
    io.out(say(lang, 'written', files.map(([name]) => join(out, name)).join(', ')));
    if (reading.invalid.length > 0) {
        io.err(say(lang, 'invalid', reading.invalid.map(key => `schoolPolicy.${key}`).join(', ')));
    }
    if (reading.missing.length > 0) {
        io.out(say(lang, 'missing', reading.missing.map(key => `schoolPolicy.${key}`).join(', ')));
    }

    return EXIT.ok;
}
