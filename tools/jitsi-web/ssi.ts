/**
 * jitsi-meet's index.html is assembled by the web server: nginx expands its server-side includes
 * (`<!--#include virtual="config.js" -->`, head.html, body.html …). The verification server does
 * the same, so the page is the one a deployment serves.
 */

const INCLUDE = /<!--#include virtual="\/?([^"]+)"\s*-->/g;

/**
 * Replaces every include with what `read` returns for its path (without a leading slash); an
 * include `read` knows nothing of becomes empty, as nginx leaves a missing optional file out.
 *
 * @param html - The page with includes.
 * @param read - Returns a file's text, or undefined when there is none.
 */
export function expandIncludes(html: string, read: (path: string) => string | undefined): string {
    return html.replace(INCLUDE, (_match, path: string) => read(path) ?? '');
}
