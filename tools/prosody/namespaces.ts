/** The XMPP namespaces the test clients and the Jicofo model speak (XEP-0045, Jitsi's focus). */
export const MUC = 'http://jabber.org/protocol/muc';
export const MUC_USER = 'http://jabber.org/protocol/muc#user';
export const MUC_OWNER = 'http://jabber.org/protocol/muc#owner';
export const MUC_ADMIN = 'http://jabber.org/protocol/muc#admin';
/** Jicofo's conference requests (lib-jitsi-meet's modules/xmpp/moderator.ts). */
export const FOCUS_NS = 'http://jitsi.org/protocol/focus';
/** Service discovery (XEP-0030): Jicofo finds the server's components with it. */
export const DISCO_INFO = 'http://jabber.org/protocol/disco#info';
