/**
 * The media centre inside jitsi-meet (fork build and drop-in): its terms of use and privacy
 * statement as jitsi-meet's legal links (`legalUrls`), and "Missbrauch melden" as a toolbar button
 * (`customToolbarButtons`, jitsi-meet's own way to add one: react/features/toolbox/hooks.web.ts),
 * both from the identity in config.js's `schoolPolicy` section. Re-imposed after every config action
 * like the hardened keys, so that a link's hash or an embedding page cannot point them elsewhere.
 * A click on the button only notifies (jitsi-meet's NOTIFY_CLICK_MODE.ONLY_NOTIFY for custom buttons,
 * toolbox/middleware.web.ts); toolbarRouting.ts routes it into the policy, which opens its dialog.
 */
import { readCentreIdentity } from '../policy/centreIdentity';
import type { Lang } from '../rules';

/** The toolbar key of "Missbrauch melden". */
export const MISUSE_BUTTON_KEY = 'school-policy-misuse';

/** Its icon, served with the branding files from the Jitsi server's libs/school-policy/. */
export const MISUSE_BUTTON_ICON = '/libs/school-policy/misuse.svg';

const MISUSE_LABEL: Readonly<Record<Lang, string>> = { de: 'Missbrauch melden', en: 'Report misuse' };

const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The config keys the identity sets in the meeting, given jitsi-meet's config as it stands.
 *
 * @param {Object} config - `state['features/base/config']`.
 * @param {Lang} lang - The language of jitsi-meet's UI (the button's text is not translated by jitsi-meet).
 * @returns {Object} `legalUrls` and `customToolbarButtons`, each only where the identity has something.
 */
export function centreConfig(config: Readonly<Record<string, unknown>>, lang: Lang): Record<string, unknown> {
    const { identity } = readCentreIdentity(config.schoolPolicy);
    const keys: Record<string, unknown> = {};

    if (identity.termsUrl || identity.privacyUrl) {
        keys.legalUrls = {
            ...(isRecord(config.legalUrls) ? config.legalUrls : {}),
            ...(identity.termsUrl ? { terms: identity.termsUrl } : {}),
            ...(identity.privacyUrl ? { privacy: identity.privacyUrl } : {}),
        };
    }
    if (identity.misuseContact) {
        const buttons: readonly unknown[] = Array.isArray(config.customToolbarButtons)
            ? config.customToolbarButtons
            : [];
        const others = buttons.filter(button => !isRecord(button) || button.id !== MISUSE_BUTTON_KEY);

        keys.customToolbarButtons = [
            ...others,
            { id: MISUSE_BUTTON_KEY, icon: MISUSE_BUTTON_ICON, text: MISUSE_LABEL[lang] },
        ];
    }

    return keys;
}
