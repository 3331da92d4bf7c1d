import React from 'react';

import {
    EarlyParticipantsReview,
    LangContext,
    LeaveLastDialog,
    MisuseReportDialog,
    Modal,
    PasswordNeededDialog,
    type LeaveChoice,
} from '../components/web';
import type { CentreIdentity } from '../policy/centreIdentity';
import type { UnknownAction } from '../reduxShapes';
import type { Lang } from '../rules';
import { selectJoinedBeforeLock, selectOthers, selectRemovalProgress, type PolicyDialog } from '../selectors';
import { leaveChoiceAction, policyActions, type PolicyState } from '../slice';

import { POLICY_DIALOG_CSS } from './dialogStyles';

/** Props of {@link PolicyDialogContent}. */
export interface IPolicyDialogContentProps {
    readonly policy: PolicyState;
    /** The dialog the policy needs now (`selectPolicyDialog`). */
    readonly which: PolicyDialog;
    readonly lang: Lang;
    /** The media centre (config.js `schoolPolicy`), for "Missbrauch melden". */
    readonly centre: CentreIdentity;
    readonly dispatch: (action: UnknownAction) => unknown;
}

/**
 * The policy's dialogs inside jitsi-meet: the password a moderator must set (it cannot be
 * dismissed), the leave-last gate, where to report misuse, and the review of who came in before the lock. The code of the
 * dialogs, their texts and styles and the password words live in this module, which jitsi-meet loads
 * only when a dialog is needed (SchoolPolicyDialog.tsx), so that students' browsers never load them
 * and jitsi-meet's main bundle stays within its size limit.
 *
 * @param {IPolicyDialogContentProps} props - The policy, the dialog to show, the language, dispatch.
 * @returns {ReactElement}
 */
export function PolicyDialogContent({ policy, which, lang, centre, dispatch }: IPolicyDialogContentProps) {
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
            {which === 'misuse' && centre.misuseContact && (
                <MisuseReportDialog
                    centreName={centre.name}
                    contact={centre.misuseContact}
                    onClose={() => dispatch(policyActions.misuseReportClosed())}
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
