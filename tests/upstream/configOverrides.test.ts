/**
 * Against jitsi-meet's real code (its react/features sources from @jitsi/react-native-sdk, unpacked
 * at test time): the URL hash and the API's config overrides do bring recording back on a stock
 * build, and with our middleware the config ends hardened. Also: our action-type strings are
 * jitsi-meet's. __DEV__ is never defined, so jitsi-meet applies its allow-list as in production.
 */
import * as authenticationTypes from 'jitsi-meet/authentication/actionTypes';
import * as conferenceTypes from 'jitsi-meet/base/conference/actionTypes';
import { overwriteConfig, updateConfig } from 'jitsi-meet/base/config/actions';
import * as configTypes from 'jitsi-meet/base/config/actionTypes';
import * as connectionTypes from 'jitsi-meet/base/connection/actionTypes';
import { setConfigFromURLParams } from 'jitsi-meet/base/config/functions.any';
import 'jitsi-meet/base/config/reducer';
import * as participantTypes from 'jitsi-meet/base/participants/actionTypes';
import * as settingsTypes from 'jitsi-meet/base/settings/actionTypes';
import * as recordingTypes from 'jitsi-meet/recording/actionTypes';

import { HANGUP_KEYS, hardenConfig } from '../../react/features/school-policy';
import { JITSI_ACTIONS } from '../../react/features/school-policy/jitsi-meet/types';

import { registeredStore, schoolMiddlewares } from './registeredStore';

/** A student opens the room URL with overrides in the hash. */
const HOSTILE_URL =
    'https://meet.example.org/mathe-7b#config.localRecording={"disable":false}' +
    '&config.recordingService={"enabled":true}&config.liveStreaming={"enabled":true}' +
    '&config.toolbarButtons=["microphone","recording","livestreaming","hangup"]&config.buttonsWithNotifyClick=[]' +
    '&config.startWithAudioMuted=false&config.startWithVideoMuted=false';

/** The deployment's config.js, school defaults applied. */
function deploymentConfig(): Record<string, unknown> {
    return JSON.parse(JSON.stringify(hardenConfig({ hosts: { domain: 'meet.example.org' } }))) as Record<
        string,
        unknown
    >;
}

const configOf = (store: ReturnType<typeof registeredStore>) =>
    store.getState()['features/base/config'] as Record<string, unknown>;

describe('jitsi-meet’s own config code', () => {
    it('lets the URL hash switch local recording back on (the gap the fork build closes)', () => {
        const config = deploymentConfig();

        setConfigFromURLParams(config, {}, new URL(HOSTILE_URL));
        expect(config.localRecording).toMatchObject({ disable: false });
        expect(config.toolbarButtons).toContain('recording');
        expect(config.buttonsWithNotifyClick).toEqual([]);
        expect(config).toMatchObject({ startWithAudioMuted: false, startWithVideoMuted: false });
    });

    it('keeps the overrides in a stock store: SET_CONFIG, updateConfig and overwriteConfig', () => {
        const store = registeredStore([]);
        const config = deploymentConfig();

        setConfigFromURLParams(config, {}, new URL(HOSTILE_URL));
        store.dispatch({ type: configTypes.SET_CONFIG, config });
        expect(configOf(store).localRecording).toMatchObject({ disable: false });
        store.dispatch(updateConfig({ transcription: { enabled: true } }));
        expect(configOf(store).transcription).toMatchObject({ enabled: true });
        store.dispatch(overwriteConfig({ liveStreaming: { enabled: true } }));
        expect(configOf(store).liveStreaming).toMatchObject({ enabled: true });
    });

    it('ends hardened with our middleware, whichever way the override came', () => {
        const store = registeredStore(schoolMiddlewares());
        const config = deploymentConfig();

        setConfigFromURLParams(config, {}, new URL(HOSTILE_URL));
        store.dispatch({ type: configTypes.SET_CONFIG, config });
        expect(configOf(store)).toMatchObject({
            localRecording: { disable: true },
            recordingService: { enabled: false },
            liveStreaming: { enabled: false },
            buttonsWithNotifyClick: [...HANGUP_KEYS],
            // R7: camera and microphone still start off.
            startWithAudioMuted: true,
            startWithVideoMuted: true,
        });
        expect(configOf(store).toolbarButtons).toEqual(['microphone', 'hangup']);

        store.dispatch(updateConfig({ transcription: { enabled: true }, localRecording: { disable: false } }));
        expect(configOf(store)).toMatchObject({ transcription: { enabled: false }, localRecording: { disable: true } });
        store.dispatch(overwriteConfig({ liveStreaming: { enabled: true }, buttonsWithNotifyClick: ['chat'] }));
        expect(configOf(store)).toMatchObject({ liveStreaming: { enabled: false } });
        expect(configOf(store).buttonsWithNotifyClick).toEqual(['chat', ...HANGUP_KEYS]);
    });
});

describe('hardening only tightens', () => {
    it('keeps what the deployment set beside a hardened key, through every way config changes', () => {
        const store = registeredStore(schoolMiddlewares());
        const config = {
            ...deploymentConfig(),
            localRecording: { disable: false, notifyAllParticipants: true },
            recordingService: { enabled: true, hideStorageWarning: true },
            liveStreaming: { enabled: true, termsLink: 'https://medienzentrum.example.org/agb' },
        };
        const siblings = {
            localRecording: { disable: true, notifyAllParticipants: true },
            recordingService: { enabled: false, hideStorageWarning: true },
            liveStreaming: { enabled: false, termsLink: 'https://medienzentrum.example.org/agb' },
        };

        store.dispatch({ type: configTypes.SET_CONFIG, config });
        expect(configOf(store)).toMatchObject(siblings);
        store.dispatch(updateConfig({ localRecording: { disable: false } }));
        expect(configOf(store)).toMatchObject(siblings);
        store.dispatch(overwriteConfig({ liveStreaming: { enabled: true } }));
        expect(configOf(store)).toMatchObject({
            localRecording: siblings.localRecording,
            liveStreaming: { enabled: false },
        });
    });
});

describe('action types', () => {
    it('are jitsi-meet’s own strings', () => {
        const upstream: Record<string, string | undefined> = {
            ...authenticationTypes,
            ...conferenceTypes,
            ...configTypes,
            ...participantTypes,
            ...recordingTypes,
            ...settingsTypes,
            ...connectionTypes,
        };

        for (const [name, value] of Object.entries(JITSI_ACTIONS)) {
            expect([name, upstream[name]]).toEqual([name, value]);
        }
    });
});
