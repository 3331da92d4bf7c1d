/**
 * Camera and microphone off at the start (R7), judged by jitsi-meet's own `getStartWithAudioMuted` /
 * `getStartWithVideoMuted` over its own config, settings, connection and jwt reducers. They read the
 * page URL first, then the settings, then the config: on a stock build neither config.js nor the
 * hardened config decides, and `#config.startWithVideoMuted=false` switches the camera on. With
 * the fork's middleware both start off, whatever the URL says.
 */
import type { Middleware } from '@reduxjs/toolkit';
import * as connectionTypes from 'jitsi-meet/base/connection/actionTypes';
import 'jitsi-meet/base/config/reducer';
import 'jitsi-meet/base/connection/reducer';
import 'jitsi-meet/base/jwt/reducer';
import { getStartWithAudioMuted, getStartWithVideoMuted } from 'jitsi-meet/base/media/functions';
import 'jitsi-meet/base/settings/reducer';

import { hardenConfig } from '../../react/features/school-policy';

import { registeredStore, schoolMiddlewares } from './registeredStore';

const ROOM = 'https://meet.example.org/mathe-7b';
const CAMERA_ON = '#config.startWithVideoMuted=false&config.startWithAudioMuted=false&config.disableReactions=true';

function start(middlewares: Middleware[], url: string) {
    const store = registeredStore(middlewares);

    // The order jitsi-meet's appNavigate uses: the location, then the deployment's config. (The
    // action as jitsi-meet's setLocationURL builds it; its module imports half of jitsi-meet.)
    store.dispatch({ type: connectionTypes.SET_LOCATION_URL as string, locationURL: new URL(url) });
    store.dispatch({ type: 'SET_CONFIG', config: hardenConfig({ hosts: { domain: 'meet.example.org' } }) });
    const state = store.getState();

    return {
        audioOff: getStartWithAudioMuted(state),
        videoOff: getStartWithVideoMuted(state),
        locationURL: (state['features/base/connection'] as { locationURL?: URL }).locationURL,
    };
}

describe('camera and microphone at the start (R7), as jitsi-meet decides it', () => {
    it('are on in a stock build even with the hardened config: settings default to false and win', () => {
        expect(start([], ROOM)).toMatchObject({ audioOff: false, videoOff: false });
    });

    it('are on in a stock build when the URL says so', () => {
        expect(start([], `${ROOM}${CAMERA_ON}`)).toMatchObject({ audioOff: false, videoOff: false });
    });

    it('are off with the fork’s middleware', () => {
        expect(start(schoolMiddlewares(), ROOM)).toMatchObject({ audioOff: true, videoOff: true });
    });

    it('are off with the fork’s middleware whatever the URL says; other URL parameters stay', () => {
        const { audioOff, videoOff, locationURL } = start(schoolMiddlewares(), `${ROOM}${CAMERA_ON}`);

        expect({ audioOff, videoOff }).toEqual({ audioOff: true, videoOff: true });
        expect(locationURL?.hash).toBe('#config.disableReactions=true');
        expect(locationURL?.pathname).toBe('/mathe-7b');
    });
});
