/**
 * Reading what a host reports (IFrame API payloads, jitsi-meet actions) and deciding what it means,
 * once for both hosts: a field of an unknown value, whether a toolbar key is a hang-up key, and
 * whether a refused join is mod_school_policy's "not open yet" (docs/jitsi-behaviour.md §6).
 */
import { HANGUP_KEYS } from './hardenedKeys';

/** A field of a value the host handed over, or undefined when the value is no object. */
export function fieldOf(value: unknown, key: string): unknown {
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** Whether a toolbar key is one of the three hang-up keys (R8). */
export function isHangupKey(key: unknown): boolean {
    return typeof key === 'string' && (HANGUP_KEYS as readonly string[]).includes(key);
}

/** Seconds until a refused student tries again (both hosts; the countdown is the core's). */
export const NOT_OPEN_RETRY_SECONDS = 15;

/**
 * mod_school_policy's marker at the end of its "not open yet" refusal, whatever text the admin set
 * (`school_policy_not_open_text`): lib-jitsi-meet passes on only the refusal's text, so the marker
 * rides in it (docs/jitsi-behaviour.md §6).
 */
export const NOT_OPEN_CODE = '[school-policy:not-open]';

/** The server's default refusal text, in German and English (a server module from before the marker). */
const NOT_OPEN_TEXT = /noch nicht geöffnet|not open yet/i;

/** What a host knows about a refused join. */
export interface RefusalFacts {
    /** The error's name as jitsi-meet reports it, e.g. `conference.connectionError.notAllowed`. */
    readonly name: string;
    /** Texts that came with it (lib-jitsi-meet's `params`), when the host has them. */
    readonly texts?: readonly unknown[];
    /** Whether we joined as a guest (a student, on the deployment's anonymous domain). */
    readonly asGuest: boolean;
}

/**
 * Whether a refused join is mod_school_policy's "no password set yet". The server answers with a MUC
 * `not-allowed` and a text; lib-jitsi-meet reports it as `conference.connectionError.notAllowed` with
 * the text among the params, except to a guest, who gets a bare `conference.connectionError` without
 * it. In a school deployment a guest's refused join is this refusal. Where the texts are known they
 * decide (another `not-allowed` is another problem); a host that never sees them (the IFrame API)
 * takes a `notAllowed` for it.
 */
export function isNotOpenRefusal(facts: RefusalFacts): boolean {
    if (facts.name === 'conference.connectionError') {
        return facts.asGuest;
    }
    if (!/notAllowed/i.test(facts.name)) {
        return false;
    }
    const texts = (facts.texts ?? []).filter((text): text is string => typeof text === 'string');

    return texts.length === 0 || texts.some(text => text.includes(NOT_OPEN_CODE) || NOT_OPEN_TEXT.test(text));
}
