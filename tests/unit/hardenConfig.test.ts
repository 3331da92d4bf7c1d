import { HANGUP_KEYS, hardenConfig, type JitsiConfig } from '../../react/features/school-policy';

function deepFreeze<T>(value: T): T {
    if (typeof value === 'object' && value !== null) {
        Object.values(value).forEach(deepFreeze);
        Object.freeze(value);
    }

    return value;
}

/** Roughly jitsi-meet's sample config where it matters to us. */
const STOCK: JitsiConfig = {
    hosts: { domain: 'meet.example.org', muc: 'conference.meet.example.org' },
    recordingService: { enabled: true, sharingEnabled: true },
    localRecording: { disable: false, notifyAllParticipants: true },
    liveStreaming: { enabled: true },
    transcription: { enabled: true },
    toolbarButtons: ['microphone', 'camera', 'recording', 'livestreaming', 'hangup', 'chat'],
    mainToolbarButtons: [
        ['microphone', 'recording'],
        ['camera', 'livestreaming'],
    ],
    prejoinConfig: { enabled: false, hideDisplayName: true },
    gravatar: { baseUrl: 'https://www.gravatar.com/avatar/' },
    buttonsWithNotifyClick: ['chat', { key: 'hangup', preventExecution: false }],
};

describe('hardenConfig', () => {
    const hardened = hardenConfig(deepFreeze(JSON.parse(JSON.stringify(STOCK)) as JitsiConfig));

    it('switches off every kind of recording, streaming and transcription (R9)', () => {
        expect(hardened.recordingService).toEqual({ enabled: false, sharingEnabled: false });
        expect(hardened.localRecording).toEqual({
            disable: true,
            notifyAllParticipants: true,
            disableSelfRecording: true,
        });
        expect(hardened.liveStreaming).toEqual({ enabled: false });
        expect(hardened.transcription).toEqual({ enabled: false });
        expect(hardened.liveStreamingEnabled).toBe(false);
        expect(hardened.fileRecordingsServiceEnabled).toBe(false);
    });

    it('removes the recording and streaming buttons, nested lists included', () => {
        expect(hardened.toolbarButtons).toEqual(['microphone', 'camera', 'hangup', 'chat']);
        expect(hardened.mainToolbarButtons).toEqual([['microphone'], ['camera']]);
    });

    it('names a toolbar without recording where the config names none', () => {
        const toolbar = hardenConfig({}).toolbarButtons;

        expect(Array.isArray(toolbar)).toBe(true);
        expect(toolbar).toContain('hangup');
        expect(toolbar).not.toContain('recording');
        expect(toolbar).not.toContain('livestreaming');
    });

    it('starts with prejoin, camera and microphone off (R7)', () => {
        expect(hardened.prejoinConfig).toEqual({ enabled: true, hideDisplayName: true });
        expect(hardened.startWithAudioMuted).toBe(true);
        expect(hardened.startWithVideoMuted).toBe(true);
    });

    it('makes no third-party requests and stores no rooms', () => {
        expect(hardened.disableThirdPartyRequests).toBe(true);
        expect(hardened.gravatar).toEqual({ baseUrl: 'https://www.gravatar.com/avatar/', disabled: true });
        expect(hardened.analytics).toEqual({ disabled: true, rtcstatsEnabled: false, watchRTCEnabled: false });
        expect(hardened.doNotStoreRoom).toBe(true);
    });

    it('intercepts all three hang-up keys, prevented, and keeps other entries (R8)', () => {
        expect(hardened.buttonsWithNotifyClick).toEqual(['chat', ...HANGUP_KEYS]);
    });

    it('is idempotent and does not touch keys it does not own', () => {
        expect(hardenConfig(hardened)).toEqual(hardened);
        expect(hardened.hosts).toEqual(STOCK.hosts);
    });

    it('never loosens a stricter value', () => {
        const strict = hardenConfig({
            toolbarButtons: ['hangup'],
            prejoinConfig: { enabled: true, hideDisplayName: true },
        });

        expect(strict.toolbarButtons).toEqual(['hangup']);
        expect(strict.prejoinConfig).toEqual({ enabled: true, hideDisplayName: true });
    });

    it('survives malformed values', () => {
        const odd = hardenConfig({ recordingService: 'yes', localRecording: null, buttonsWithNotifyClick: 'hangup' });

        expect(odd.recordingService).toEqual({ enabled: false, sharingEnabled: false });
        expect(odd.localRecording).toEqual({ disable: true, disableSelfRecording: true });
        expect(odd.buttonsWithNotifyClick).toEqual([...HANGUP_KEYS]);
    });
});
