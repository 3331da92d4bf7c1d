// Narrow declarations of the jitsi-meet sources the stand-in's meeting page bundles from the SDK
// package (tools/jitsi-standin/clientBuild.ts maps `jitsi-sdk/…` onto .cache/jitsi-sdk/package).
declare module 'jitsi-sdk/modules/transport' {
    /** `@jitsi/js-utils`' Transport as jitsi-meet's meeting page uses it. */
    export interface MeetingTransport {
        on(event: 'event', listener: (message: { name?: string; data?: unknown[] }) => boolean): MeetingTransport;
        on(
            event: 'request',
            listener: (request: { name?: string }, callback: (result: unknown, error?: unknown) => void) => boolean,
        ): MeetingTransport;
        sendEvent(event: { name: string; [key: string]: unknown }): void;
        dispose(): void;
    }
    export function getJitsiMeetTransport(): MeetingTransport;
}
declare module 'jitsi-sdk/modules/API/constants' {
    export const API_ID: unknown;
}
declare module 'jitsi-sdk/react/features/base/util/parseURLParams' {
    export function parseURLParams(
        url: URL | Location | string,
        dontParse?: boolean,
        source?: string,
    ): Record<string, unknown>;
}
