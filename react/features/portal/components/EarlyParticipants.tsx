import React from 'react';

import { policyActions, type Participant } from '../../school-policy';
import { EarlyParticipantsReview } from '../../school-policy/components/web';
import { useAppDispatch } from '../hooks';

/** People who were inside before the room was locked: the teacher keeps or removes each (R6). */
export function EarlyParticipants({ participants }: { readonly participants: readonly Participant[] }) {
    const dispatch = useAppDispatch();

    if (participants.length === 0) {
        return null;
    }

    return (
        <section className="card warning" aria-labelledby="early-heading">
            <EarlyParticipantsReview
                headingId="early-heading"
                participants={participants}
                onRemove={id => dispatch(policyActions.participantRemovalChosen({ id }))}
                onKeep={id => dispatch(policyActions.participantReviewed({ id }))}
            />
        </section>
    );
}
