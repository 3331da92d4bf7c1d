import type { Role } from '../host';

/** What the leave-last decision needs to know. */
export interface LeaveInput {
    readonly localRole: Role;
    /** Everyone else still in the meeting. */
    readonly others: readonly { readonly role: Role }[];
}

/** The outcome of the leave-last decision (R8). */
export type LeaveDecision =
    /** Nobody else is there, or the local participant is not a moderator (students may always go). */
    | { readonly kind: 'mayLeave' }
    /** Another moderator stays and keeps the room under control. */
    | { readonly kind: 'otherModeratorRemains'; readonly moderators: number }
    /** The last moderator must empty the room before leaving. */
    | { readonly kind: 'mustEmptyRoom'; readonly remaining: number };

/**
 * Decides whether the local participant may leave now. Only the last moderator is held back:
 * that is the organiser who must leave last (R8).
 */
export function decideLeave({ localRole, others }: LeaveInput): LeaveDecision {
    if (localRole !== 'moderator' || others.length === 0) {
        return { kind: 'mayLeave' };
    }
    const moderators = others.filter(other => other.role === 'moderator').length;

    return moderators > 0
        ? { kind: 'otherModeratorRemains', moderators }
        : { kind: 'mustEmptyRoom', remaining: others.length };
}
