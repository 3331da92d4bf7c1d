/**
 * The page must render when its URL mixes hardened and other hash parameters — what every embedding
 * produces. jitsi-meet's router (`app/getRouteToRender.web.ts`, `_getWebConferenceRoute`) navigates
 * to the stored location URL whenever `window.location.href` differs from it; a change in the hash
 * alone does not reload, so the app never rendered (a black page). Judged here by that exact
 * condition, over jitsi-meet's own connection reducer and the fork's middleware.
 */
import * as connectionTypes from 'jitsi-meet/base/connection/actionTypes';
import 'jitsi-meet/base/connection/reducer';

import { registeredStore, schoolMiddlewares } from './registeredStore';

/** What the IFrame API (modules/API/external) puts after the room: its id, then config and interface overrides. */
const EMBEDDED =
    '#jitsi_meet_external_api_id=0&config.startWithAudioMuted=true&config.startWithVideoMuted=true' +
    '&config.disableBeforeUnloadHandlers=true&interfaceConfig.SHOW_JITSI_WATERMARK=false';

function open(address: string) {
    window.history.replaceState(null, '', address);
    const store = registeredStore(schoolMiddlewares());

    // As jitsi-meet's appNavigate does: the page's own address becomes the location URL.
    store.dispatch({ type: connectionTypes.SET_LOCATION_URL as string, locationURL: new URL(window.location.href) });
    const stored = (store.getState()['features/base/connection'] as { locationURL?: URL }).locationURL;

    return { stored: stored?.href, page: window.location.href };
}

describe('a meeting URL with hardened and other hash parameters', () => {
    it.each([
        ['a hostile camera override and a language', '/mathe-7b#config.startWithVideoMuted=false&lang=de', '#lang=de'],
        [
            'the IFrame API’s own URL',
            `/mathe-7b${EMBEDDED}`,
            '#jitsi_meet_external_api_id=0&config.disableBeforeUnloadHandlers=true&interfaceConfig.SHOW_JITSI_WATERMARK=false',
        ],
        [
            'an API id and a microphone override',
            '/mathe-7b#jitsi_meet_external_api_id=0&config.startWithAudioMuted=false',
            '#jitsi_meet_external_api_id=0',
        ],
    ])(
        '%s: the page address equals the stored URL, so jitsi-meet renders instead of navigating',
        (_, address, hash) => {
            const { stored, page } = open(address);

            expect(page).toBe(stored);
            expect(new URL(page).hash).toBe(hash);
            expect(new URL(page).pathname).toBe('/mathe-7b');
        },
    );

    it('is left alone when nothing in it is hardened', () => {
        const address = '/mathe-7b#lang=de&config.disableReactions=true';
        const { stored, page } = open(address);

        expect(page).toBe(stored);
        expect(page).toBe(new URL(address, page).href);
    });
});
