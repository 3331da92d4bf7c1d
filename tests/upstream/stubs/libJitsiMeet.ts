// Stand-in for the page global JitsiMeetJS that jitsi-meet's web build re-exports (docs/jitsi-behaviour.md §11):
// the shape base/lib-jitsi-meet/index.ts reads at import time, and a browser for the config path.
const JitsiMeetJS = {
    analytics: {},
    util: {
        browser: {
            isChromiumBased: () => true,
            isSafari: () => false,
            isWebKitBased: () => false,
            isReactNative: () => false,
        },
    },
    constants: { recording: {}, sipVideoGW: {}, trackStreamingStatus: {}, iceRestartReason: {} },
    events: {
        conference: {},
        connection: {},
        connectionQuality: {},
        detection: {},
        e2eping: {},
        mediaDevices: {},
        track: {},
        rtcstats: {},
    },
    errors: { audioTranslation: {}, conference: {}, connection: {}, track: {} },
};

export default JitsiMeetJS;
