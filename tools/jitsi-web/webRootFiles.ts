/**
 * What a Jitsi deployment serves from its web root, whichever server serves it (Debian's nginx in
 * nginxJitsiSite.ts, the Node server of `npm run verify` in webRootServer.ts).
 */
export interface WebRootFiles {
    /** The web root: index.html and the static files (a stock install's /usr/share/jitsi-meet). */
    readonly root: string;
    /** Folders whose entries make up `/libs/…`, looked up in order (a stock web root: `<root>/libs`). */
    readonly libs: readonly string[];
    /** The deployment's config.js, given the site's origin. The same file for everybody. */
    readonly config: (origin: string) => string;
    readonly interfaceConfig: string;
    /** The deployment's plugin.head.html (when not given: the web root's own, or none). */
    readonly pluginHead?: string;
}
