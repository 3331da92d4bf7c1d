import React from 'react';
import { policyActions, type Participant } from '../../school-policy';
import { usePolicyText } from '../../school-policy/components/web';
import { useAppDispatch, usePortalText } from '../hooks';

/** People who were inside before the room was locked: the teacher keeps or removes each (R6). */
export function EarlyParticipants({ participants }: { readonly participants: readonly Participant[] }) {
    const { t } = usePortalText();
    const ui = usePolicyText();
    const dispatch = useAppDispatch();

    if (participants.length === 0) {
        return null;
    }

    return (
        <section className="card warning" aria-labelledby="early-heading">
            <h2 id="early-heading">{t('early.heading', { count: participants.length })}</h2>
            <ul>
                {participants.map(participant => {
                    const name = participant.name ?? ui.t('leave.anonymous');

                    return (
                        <li key={participant.id}>
                            <span>{name}</span>{' '}
                            <button
                                type="button"
                                onClick={() => dispatch(policyActions.participantRemovalChosen({ id: participant.id }))}
                            >
                                {t('early.remove', { name })}
                            </button>{' '}
                            <button
                                type="button"
                                onClick={() => dispatch(policyActions.participantReviewed({ id: participant.id }))}
                            >
                                {t('early.keep', { name })}
                            </button>
                        </li>
                    );
                })}
            </ul>
        </section>
    );
}
