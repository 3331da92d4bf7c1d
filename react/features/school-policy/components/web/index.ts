/** The policy UI for web hosts: presentational components driven by props, German first. */
export { LangContext, usePolicyText } from './LangContext';
export { Modal } from './Modal';
export { LeaveLastDialog, type LeaveChoice } from './LeaveLastDialog';
export { PasswordNeededDialog } from './PasswordNeededDialog';
export { EarlyParticipantsReview } from './EarlyParticipantsReview';
export { NoticeList } from './NoticeList';
export { PledgeList } from './PledgeList';
export { CopyButton } from './CopyButton';
export { MisuseReportDialog } from './MisuseReportDialog';
