import React from 'react';
import { useDispatch, useSelector } from 'react-redux';

import {
    EarlyParticipantsReview,
    LangContext,
    LeaveLastDialog,
    Modal,
    PasswordNeededDialog,
    type LeaveChoice,
} from '../components/web';
import type { Lang } from '../rules';
import { selectJoinedBeforeLock, selectOthers, selectPolicyDialog, selectRemovalProgress } from '../selectors';
import { leaveChoiceAction, policyActions, type PolicyState } from '../slice';

import { POLICY_DIALOG_CSS } from './dialogStyles';
import type { IJitsiMeetState } from './types';

/** Props of {@link SchoolPolicyDialog}: jitsi-meet's `openDialog` passes them. */
export interface ISchoolPolicyDialogProps {
    /** The language of jitsi-meet's UI at the time the dialog opened. */
    readonly lang?: Lang;
}

/**
 * The policy's dialogs inside jitsi-meet, opened through jitsi-meet's dialog system by the
 * feature's dialog bridge: the password a moderator must set (it cannot be dismissed), the
 * leave-last gate, and the review of who came in before the lock. It reads the policy from the
 * store, so it always shows the current step.
 *
 * @param {ISchoolPolicyDialogProps} props - The dialog's props.
 * @returns {ReactElement|null}
 */
export function SchoolPolicyDialog({ lang = 'de' }: ISchoolPolicyDialogProps) {
    const policy = useSelector((state: IJitsiMeetState) => state['features/school-policy'] as PolicyState | undefined);
    const dispatch = useDispatch();
    const which = policy ? selectPolicyDialog(policy) : null;

    if (!policy || !which) {
        return null;
    }

    return (
        <LangContext.Provider value={lang}>
            <style>{POLICY_DIALOG_CSS}</style>
            {which === 'password' && (
                <PasswordNeededDialog onSubmit={password => dispatch(policyActions.passwordProvided({ password }))} />
            )}
            {which === 'leaveLast' && policy.phase.kind === 'leaveBlocked' && (
                <LeaveLastDialog
                    step={policy.phase.step}
                    others={selectOthers(policy)}
                    progress={selectRemovalProgress(policy)}
                    onChoose={(choice: LeaveChoice) => dispatch(leaveChoiceAction(choice))}
                />
            )}
            {which === 'review' && (
                <Modal labelledBy="sp-review-title">
                    <EarlyParticipantsReview
                        headingId="sp-review-title"
                        participants={selectJoinedBeforeLock(policy)}
                        onRemove={id => dispatch(policyActions.participantRemovalChosen({ id }))}
                        onKeep={id => dispatch(policyActions.participantReviewed({ id }))}
                    />
                </Modal>
            )}
        </LangContext.Provider>
    );
}
