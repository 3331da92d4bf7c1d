/** The drop-in's files in jitsi-meet's web root (written by buildPlugin.ts, checked by tools/verify). */
import { createHash } from 'node:crypto';

/** Where the script goes in jitsi-meet's web root. */
export const PLUGIN_SCRIPT = 'libs/school-policy.min.js';

/**
 * The snippet for plugin.head.html: synchronous, so that it runs before jitsi-meet's bundle creates
 * the store. The address carries the script's content hash: jitsi-meet's nginx site lets browsers
 * keep every `.js` for 30 days (`doc/debian/jitsi-meet/jitsi-meet.example`), while index.html, which
 * includes this snippet, is not kept; so an updated module is loaded on the next visit.
 */
export function pluginHead(script: string): string {
    const version = createHash('sha256').update(script).digest('hex').slice(0, 12);

    return `<script src="${PLUGIN_SCRIPT}?v=${version}"></script>\n`;
}
