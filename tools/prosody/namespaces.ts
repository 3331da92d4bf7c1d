/** The XMPP namespaces the test clients and the Jicofo model speak (XEP-0045, Jitsi's focus). */
export const MUC = 'http://jabber.org/protocol/muc';
export const MUC_USER = 'http://jabber.org/protocol/muc#user';
export const MUC_OWNER = 'http://jabber.org/protocol/muc#owner';
export const MUC_ADMIN = 'http://jabber.org/protocol/muc#admin';
/** Jicofo's conference requests (lib-jitsi-meet's modules/xmpp/moderator.ts). */
export const FOCUS_NS = 'http://jitsi.org/protocol/focus';
