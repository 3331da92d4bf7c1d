/**
 * The one table of hardened keys (react/features/school-policy/policy/hardenedKeys.ts) against the
 * keys jitsi-meet's own URL allow-list admits (base/config/configWhitelist.ts from the npm SDK
 * package): every admitted key that touches recording, streaming, transcription, the prejoin screen,
 * camera and microphone, names, stored rooms, third parties or the hang-up buttons is either in the
 * table or reviewed with a reason. A jitsi-meet upgrade that admits a new such key fails here.
 */
import whitelist from 'jitsi-meet/base/config/configWhitelist';

import {
    HARDENED_KEY_PROBLEMS,
    HARDENED_KEYS,
    HARDENED_TOP_LEVEL_KEYS,
    REVIEWED_NOT_HARDENED,
    hardenConfig,
} from '../../react/features/school-policy';
import { withoutHardenedOverrides } from '../../react/features/school-policy/jitsi-meet/locationUrl';

const RELEVANT =
    /record|stream|transcri|dropbox|prejoin|startWith(Audio|Video)Muted|gravatar|analytics|thirdParty|NotifyClick|toolbarButtons|requireDisplayName|doNotStoreRoom|deeplink/i;

/** Whether an allow-listed key is covered by a row of the table (the key itself or an object above it). */
function covered(key: string): boolean {
    return HARDENED_KEYS.some(row => {
        const paths = [row.path, ...(row.kind === 'flag' && row.legacy ? [row.legacy] : [])];

        return paths.some(path => path === key || path.startsWith(`${key}.`) || key.startsWith(`${path}.`));
    });
}

describe('the hardened-keys table against jitsi-meet’s URL allow-list', () => {
    const relevant = whitelist.filter(key => RELEVANT.test(key));

    it('finds the keys it is about in jitsi-meet’s list (the list was read)', () => {
        expect(relevant).toEqual(expect.arrayContaining(['recordingService', 'localRecording', 'dropbox.appKey']));
    });

    it.each(relevant)('%s is hardened or reviewed', key => {
        expect(covered(key) || key in REVIEWED_NOT_HARDENED).toBe(true);
    });

    it('reviews only keys jitsi-meet really admits', () => {
        Object.keys(REVIEWED_NOT_HARDENED).forEach(key => expect(whitelist).toContain(key));
    });

    it('hardens every allow-listed row, and strips every one of them from a meeting URL', () => {
        const hardened = hardenConfig({ dropbox: { appKey: 'k', other: 1 } }) as Record<string, unknown>;

        expect(hardened.dropbox).toEqual({ other: 1 });
        for (const row of HARDENED_KEYS) {
            const top = row.path.split('.')[0] ?? row.path;
            const url = new URL(`https://meet.example.org/mathe#config.${row.path}=1&lang=de`);

            expect(HARDENED_TOP_LEVEL_KEYS).toContain(top);
            expect(withoutHardenedOverrides(url).hash).toBe('#lang=de');
        }
    });
});

describe('what the audit tells the admin about each row', () => {
    it('has a German and an English text for every row, and no text for a row that is gone', () => {
        const paths = HARDENED_KEYS.map(row => row.path);

        expect(Object.keys(HARDENED_KEY_PROBLEMS).sort()).toEqual([...new Set(paths)].sort());
        for (const path of paths) {
            expect(HARDENED_KEY_PROBLEMS[path].de).toMatch(/\S/);
            expect(HARDENED_KEY_PROBLEMS[path].en).toMatch(/\S/);
            expect(HARDENED_KEY_PROBLEMS[path].de).not.toBe(HARDENED_KEY_PROBLEMS[path].en);
        }
    });
});

describe('what the meeting URL cannot reach at all', () => {
    it('keeps the dynamic-branding address (config.js: jitsi-meet’s texts for the school) off the allow-list', () => {
        expect(whitelist).not.toContain('dynamicBrandingUrl');
        expect(whitelist).not.toContain('brandingDataUrl');
    });
});
