// Stand-in for jitsi-meet's base/participants/functions: its import drags in hundreds of files, and
// the config path calls only this (docs/jitsi-behaviour.md §11).
export function getLocalParticipant(): undefined {
    return undefined;
}
