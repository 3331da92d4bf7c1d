// Stand-in for jitsi-meet's visitors/functions: base/settings/functions imports it for one helper
// that the start-muted path never calls, and its own imports drag in the conference and chat code.
export function iAmVisitor(): boolean {
    return false;
}
