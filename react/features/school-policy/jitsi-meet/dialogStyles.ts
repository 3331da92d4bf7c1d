/**
 * Styles for the policy dialogs inside jitsi-meet, which does not load the portal's stylesheet.
 * Scoped to the `sp-` classes of components/web; colours meet WCAG 2.1 AA contrast (text 4.5:1,
 * controls and focus ring 3:1) on the dialog's white background. A static string: nothing from
 * users or config ever goes into it.
 */
export const POLICY_DIALOG_CSS = `
.sp-backdrop { position: fixed; inset: 0; z-index: 1000; display: flex; align-items: center;
  justify-content: center; padding: 1rem; background: rgba(0, 0, 0, 0.6); }
.sp-dialog { background: #fff; color: #1a1a1a; font: 16px/1.5 system-ui, sans-serif; border-radius: 8px;
  padding: 1.5rem; max-width: 36rem; width: 100%; max-height: 100%; overflow: auto; }
.sp-dialog h2 { font-size: 1.25rem; margin: 0 0 0.75rem; }
.sp-dialog p { margin: 0.5rem 0; }
.sp-dialog label { display: block; font-weight: 700; margin-top: 0.75rem; }
.sp-dialog input { font: inherit; width: 100%; box-sizing: border-box; padding: 0.5rem; margin-top: 0.25rem;
  border: 2px solid #595959; border-radius: 4px; color: #1a1a1a; background: #fff; }
.sp-dialog button { font: inherit; min-height: 44px; padding: 0.5rem 1rem; border: 2px solid #0b4f8a;
  border-radius: 6px; background: #fff; color: #0b4f8a; cursor: pointer; }
.sp-dialog button.sp-primary { background: #0b4f8a; color: #fff; font-weight: 700; }
.sp-dialog button[disabled] { border-color: #595959; color: #595959; cursor: not-allowed; }
.sp-dialog button:focus-visible, .sp-dialog input:focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
.sp-dialog a { color: #0b4f8a; text-decoration: underline; }
.sp-dialog a:focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
.sp-dialog ul { padding-left: 1.25rem; }
.sp-dialog li { margin: 0.25rem 0; }
.sp-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 1rem; }
.sp-error { color: #a30000; font-weight: 700; }
`;
