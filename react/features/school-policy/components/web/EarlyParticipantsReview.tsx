import React from 'react';

import type { Participant } from '../..';

import { usePolicyText } from './LangContext';

/** Props of {@link EarlyParticipantsReview}. */
export interface EarlyParticipantsReviewProps {
    /** Who came in before the room was locked. */
    readonly participants: readonly Participant[];
    readonly onRemove: (id: string) => void;
    readonly onKeep: (id: string) => void;
    /** The id of the heading, for a dialog or region that it names. */
    readonly headingId: string;
}

/**
 * People who were inside before the room was locked (R6): the teacher keeps or removes each. Both
 * hosts use it, the portal as a card and the fork build inside a dialog.
 */
export function EarlyParticipantsReview({ participants, onRemove, onKeep, headingId }: EarlyParticipantsReviewProps) {
    const { t } = usePolicyText();

    return (
        <>
            <h2 id={headingId}>
                {participants.length === 1 ? t('early.headingOne') : t('early.heading', { count: participants.length })}
            </h2>
            <ul className="sp-names">
                {participants.map(participant => {
                    const name = participant.name ?? t('leave.anonymous');

                    return (
                        <li key={participant.id}>
                            <span>{name}</span>{' '}
                            <button type="button" onClick={() => onRemove(participant.id)}>
                                {t('early.remove', { name })}
                            </button>{' '}
                            <button type="button" onClick={() => onKeep(participant.id)}>
                                {t('early.keep', { name })}
                            </button>
                        </li>
                    );
                })}
            </ul>
        </>
    );
}
