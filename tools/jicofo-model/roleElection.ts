/**
 * Who Jicofo makes moderator (MUC owner), as a pure rule shared by the XMPP-level Jicofo model
 * (jicofoModel.ts, against the real Prosody) and the stand-in's room model (tools/jitsi-standin/rooms.ts).
 * Follows jicofo/src/main/kotlin/org/jitsi/jicofo/xmpp/muc/ChatRoomRoleManager.kt:
 *
 * - with authentication (a secure domain), AuthenticationRoleManager grants owner to every
 *   authenticated member, and only to them;
 * - without, AutoOwnerRoleManager keeps one elected owner: the first member, and when that one
 *   leaves, an existing owner or else the longest-present member.
 */

/** A room member as the rule sees it, in the order they joined. */
export interface RoleCandidate {
    readonly id: string;
    readonly owner: boolean;
    readonly authenticated: boolean;
}

/** The rule's answer: whom to grant owner now, and (without authentication) the elected owner. */
export interface Election {
    readonly grant: readonly string[];
    readonly elected: string | undefined;
}

/**
 * @param members - the members, in the order they joined.
 * @param options.authentication - whether the deployment authenticates moderators.
 * @param options.elected - the owner elected before (AutoOwnerRoleManager's memory).
 */
export function electOwners(
    members: readonly RoleCandidate[],
    options: { authentication: boolean; elected?: string | undefined },
): Election {
    if (options.authentication) {
        return { grant: members.filter(m => m.authenticated && !m.owner).map(m => m.id), elected: undefined };
    }
    if (options.elected !== undefined && members.some(m => m.id === options.elected)) {
        return { grant: [], elected: options.elected };
    }
    const next = members.find(m => m.owner) ?? members[0];

    return { grant: next && !next.owner ? [next.id] : [], elected: next?.id };
}
