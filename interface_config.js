// interface_config.js is deprecated in jitsi-meet but still read. Only school-relevant keys.
var interfaceConfig = {
    APP_NAME: 'Videokonferenz für Schulen',
    // The media centre's logo in the corner (schoolPolicy.logoUrl through the branding file), leading to
    // schoolPolicy.websiteUrl; no link to jitsi.org (R10).
    SHOW_JITSI_WATERMARK: true,
    JITSI_WATERMARK_LINK: '',
    RECENT_LIST_ENABLED: false, // R4: no list of recent rooms on shared devices
    SHOW_PROMOTIONAL_CLOSE_PAGE: false, // R10: no third-party promotion after the meeting
    // R9: no recording-related settings tab; 'profile' stays for the (pseudonymous) name.
    SETTINGS_SECTIONS: ['devices', 'language', 'profile', 'moderator'],
};
