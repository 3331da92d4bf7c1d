// The deployment's config.js, in jitsi-meet's format. The media centre's Jitsi Meet reads it, and so
// does the school portal (its `schoolPolicy` section). Only keys that differ from jitsi-meet's
// defaults are set; each names the rule it serves (R1–R10, see README.md).
//
// Remember: a student can override most of these keys from the meeting URL (#config.…) on a stock
// Jitsi Meet build. They are defaults there; the fork build with the school-policy module re-imposes
// them after every change (README: "What is enforced where").

var config = {
    // Your deployment's XMPP domains. Guests (students) land on the anonymous domain; only
    // authenticated teachers create rooms (R2: secure domain, see deploy/prosody/README.md).
    hosts: {
        domain: 'meet.example.org',
        anonymousdomain: 'guest.meet.example.org', // R2: students join as guests
        muc: 'conference.meet.example.org',
    },

    // --- No recordings of any kind (R9) ---
    recordingService: {
        enabled: false, // R9: no server recording (Jibri)
        sharingEnabled: false, // R9
    },
    localRecording: {
        disable: true, // R9: no recording in the browser
        disableSelfRecording: true, // R9
        notifyAllParticipants: true, // R9: if it ever runs, everyone is told
    },
    liveStreaming: {
        enabled: false, // R9 and R10: no live stream to third parties
    },
    transcription: {
        enabled: false, // R9: a transcript is a recording of speech
    },
    fileRecordingsServiceEnabled: false, // R9: deprecated name, still read by older builds
    liveStreamingEnabled: false, // R9: deprecated name, still read by older builds
    toolbarButtons: [
        // R9: no 'recording' and no 'livestreaming' button
        'microphone',
        'camera',
        'desktop',
        'chat',
        'raisehand',
        'reactions',
        'participants-pane',
        'tileview',
        'toggle-camera',
        'select-background',
        'settings',
        'fullscreen',
        'security',
        'hangup',
    ],

    // --- Leave last (R8) ---
    // All three hang-up keys notify the school-policy module (or the portal) instead of leaving,
    // so that the leave-last dialog runs.
    buttonsWithNotifyClick: ['hangup', 'hangup-menu', 'end-meeting'], // R8

    // --- Anonymous or pseudonymous, camera and microphone off (R7) ---
    prejoinConfig: {
        enabled: true, // R7: everyone sees camera, microphone and name before joining
    },
    startWithAudioMuted: true, // R7: the microphone starts off
    startWithVideoMuted: true, // R7: the camera starts off
    requireDisplayName: false, // R7: a name is not required (this is jitsi-meet's default, stated for clarity)
    // German first (not a rule: the users' language); the school-policy dialogs follow jitsi-meet's language.
    defaultLanguage: 'de',
    // R6, R7, R10: jitsi-meet's own invitation text addresses the class and carries the notice the terms
    // of use require (never a password): translation additions served from libs/school-policy/
    // (deploy/jitsi-web/README.md). Not overridable from the meeting URL.
    dynamicBrandingUrl: '/libs/school-policy/branding.json',

    // --- Privacy: no third parties, nothing stored (R4, R10) ---
    disableThirdPartyRequests: true, // R10: no requests to third parties
    gravatar: {
        disabled: true, // R10: disableThirdPartyRequests does not stop Gravatar
    },
    analytics: {
        disabled: true, // R10: no analytics
    },
    doNotStoreRoom: true, // R4: no list of recent rooms on shared devices
    deeplinking: {
        disabled: true, // R4: no hand-off to an app that keeps its own storage
    },
    p2p: {
        // Off: in a two-person meeting jitsi-meet would connect the browsers directly, so the
        // teacher and a student see each other's IP address (a home address, often), and the media
        // leave the media centre's server. With it off every meeting runs through the videobridge.
        // It also spares old school laptops a second connection that jitsi-meet ends the meeting
        // over when the laptop answers it too slowly (session-accept timeout: "offerAnswerFailed",
        // seen in our tests against the stock build).
        enabled: false,
        stunServers: [
            // R10: your own STUN/TURN server, not a public one (jitsi-meet's sample uses meet-jit-si-turnrelay.jitsi.net)
            { urls: 'stun:meet.example.org:3478' },
        ],
    },

    // --- The school portal and the school-policy module read this section ---
    schoolPolicy: {
        // The Jitsi Meet web origin the portal embeds, e.g. 'meet.example.org'. Empty: the portal
        // runs against the offline Jitsi stand-in (development and demo only).
        jitsiDomain: '',
        // The media centre's identity, in the portal, in the meeting (fork build and drop-in; a stock
        // jitsi-meet through the branding files `jitsi-school-policy web-files` writes from this
        // section), on the credential letters and in invitations. `check-config` names what is missing.
        // Shown on every page, in the meeting and on the printable usage policy.
        centreName: 'Kreismedienzentrum Musterkreis',
        // Its logo instead of Jitsi's: best a path on this Jitsi server (the portal's Content-Security-Policy
        // allows images from there; check-config names a logo on any other host as a third-party request).
        logoUrl: '/libs/school-policy/logo.svg',
        // Its colour (#rrggbb), dark enough for white text on it.
        colour: '#1d5c8a',
        // R1: where the media centre publishes the terms of use.
        termsUrl: 'https://medienzentrum.example.org/jitsi/nutzungsordnung',
        // Its privacy statement for this service.
        privacyUrl: 'https://medienzentrum.example.org/jitsi/datenschutz',
        // Where the logo leads.
        websiteUrl: 'https://medienzentrum.example.org/',
        // R5: where misuse is reported ("Missbrauch melden" in the portal and in the meeting): mailto: or https:.
        misuseContact: 'mailto:jitsi-missbrauch@medienzentrum.example.org',
        // R4: an endpoint on the portal's origin that answers with Clear-Site-Data (deploy/nginx).
        // Empty: the clean-up page clears what a page can clear by script, and says what it cannot.
        cleanupEndpoint: '/clear-site-data',
        // R4: treat every device as shared: never keep a display name unless the user opts in.
        sharedDevices: true,
    },
};
