/**
 * The URL hash reaches jitsi-meet twice: once into the config (which the feature re-hardens after
 * every config action), and once directly, because jitsi-meet's `getPropertyValue` reads some keys
 * from the page URL before settings and config. `startWithAudioMuted` and `startWithVideoMuted` are
 * read that way, so `#config.startWithVideoMuted=false` would switch the camera on at the start
 * however hard the config is. The feature therefore removes every override of a key the school
 * policy sets from the location URL that jitsi-meet keeps in its state.
 *
 * jitsi-meet's router (`app/getRouteToRender.web.ts`, `_getWebConferenceRoute`) navigates whenever
 * the page's own address differs from that stored URL, expecting a reload; a difference in the hash
 * alone does not reload, and the app never renders (a black page for every embedding, whose URL
 * mixes hardened and other hash parameters). So the page's address is cleaned the same way, with
 * the history API, and the two stay equal.
 */
import { HARDENED_TOP_LEVEL_KEYS } from '../policy/hardenedKeys';

/**
 * Returns the URL without hash parameters that override a hardened config key, or the URL itself
 * when there are none.
 *
 * @param {URL} url - The page URL as jitsi-meet stores it (`SET_LOCATION_URL`).
 * @returns {URL}
 */
export function withoutHardenedOverrides(url: URL): URL {
    if (url.hash.length < 2) {
        return url;
    }
    const params = url.hash.slice(1).split('&');
    const kept = params.filter(param => {
        const name = decodeURIComponent(param.split('=')[0] ?? '');
        const key = name.startsWith('config.') ? name.slice('config.'.length).split('.')[0] : undefined;

        return key === undefined || !HARDENED_TOP_LEVEL_KEYS.includes(key);
    });

    if (kept.length === params.length) {
        return url;
    }
    const cleaned = new URL(url.href);

    cleaned.hash = kept.join('&');

    return cleaned;
}

/**
 * Cleans the URL jitsi-meet is about to store and, when it is this page's own address, the address
 * bar too (history.replaceState, no reload), so that jitsi-meet's router finds them equal.
 *
 * @param {URL} url - The URL of a `SET_LOCATION_URL` action.
 * @param {Pick<Window, 'location' | 'history'>} [page] - The page; none outside a browser.
 * @returns {URL} What jitsi-meet should store.
 */
export function cleanLocation(url: URL, page?: Pick<Window, 'location' | 'history'>): URL {
    const cleaned = withoutHardenedOverrides(url);

    if (cleaned !== url && page?.location.href === url.href) {
        page.history.replaceState(page.history.state, '', cleaned.href);
    }

    return cleaned;
}
