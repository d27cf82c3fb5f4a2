// English text of rectification (keys as in rectify.zh-CN.ts).
import type { Messages } from './keys';
import type { rectifyZhCN } from './rectify.zh-CN';

export const rectifyEnUS: Messages<typeof rectifyZhCN> = {
  statuses: {
    open: 'Not rectified',
    in_progress: 'In progress',
    rectified: 'Rectified',
    verified: 'Verified',
  },
  errors: {
    campaignNotDone:
      'The campaign is "{{status}}". Rectification notices are issued once the campaign is finished (done) and every file has its final score.',
    departmentNotInCampaign: 'The chosen department has no files in this campaign.',
    noProblems: 'No problems were found in the files of "{{name}}"; there is nothing to rectify.',
    notIssued: 'No rectification notice has been issued to "{{name}}" yet.',
    deadlineBeforeDate:
      'The deadline ({{deadline}}) cannot be earlier than the date of the notice ({{date}}).',
    extendNotLater:
      'The extended deadline ({{deadline}}) must be later than the current one ({{current}}).',
    deadlineChanged:
      'Someone else has changed the deadline of "{{name}}" to {{current}}; nothing was changed. Refresh and extend from the new deadline.',
    verifiedFinal: 'This problem has been verified; its record can no longer be changed.',
    transition: 'A problem cannot go from "{{from}}" to "{{to}}".',
    verifyBeforeRectified:
      'A problem must be marked "Rectified" before it can be verified (it is "{{from}}").',
    replyRequired:
      'Enter the department’s reply (what was done to fix it) before marking the problem "{{to}}".',
    noteRequired:
      'Enter why the problem goes back to "In progress" (why the verification did not pass).',
    stale: 'Someone else has changed this problem to "{{status}}". Refresh and try again.',
    evidenceType:
      '"{{file}}" is not accepted as evidence. Upload a PDF, an image (JPG, PNG …) or a Word (.docx) file.',
    evidenceLocked: 'This problem has been verified; its evidence can no longer be changed.',
  },
  notice: {
    title: 'Notice on rectifying the problems found in the {{year}} case-file evaluation',
    fileName: 'Rectification notice - {{department}}',
    opening:
      '{{issuer}} carried out the {{campaign}}. The {{files}} files of your department drawn for evaluation scored {{mean}} on average: {{grades}}.',
    openingGrade: '{{grade}}: {{count}}',
    openingVeto: ' {{count}} files hit a veto item.',
    openingProblems:
      ' The evaluation found {{problems}} problems in {{files}} of your files. They are listed below; please rectify them.',
    h1Problems: '1. Problems found',
    problemsIntro:
      'Problems by file; the reasons are quoted from the score sheets, the pages are pages of the file:',
    h1Requirements: '2. Requirements',
    requirement1:
      '(1) Go through the list file by file and item by item, find the causes and fix them; correct what can be corrected and explain what cannot, and fix problems of the same kind elsewhere as well.',
    requirement2:
      '(2) Send a written rectification report (the measure and result for each problem, with evidence) to {{issuer}} by {{deadline}}.',
    requirement3:
      '(3) Problems not rectified, or not rectified in time, will be reported in the next evaluation notice and counted in the rule-of-law government assessment.',
    table: {
      index: 'No.',
      caseNo: 'Case number',
      score: 'Score {{score}} ({{grade}})',
      problem: 'Problem',
      reason: 'Reason',
      pages: 'Pages',
      veto: 'Veto item',
    },
  },
  summary: {
    none: 'As of {{date}}, no rectification notice has been issued.',
    intro:
      'As of {{date}}, rectification notices have been issued to {{departments}} departments, covering {{total}} problems.',
    status:
      ' {{resolved}} are rectified ({{verified}} of them verified), {{inProgress}} in progress and {{open}} not rectified: a rectification rate of {{rate}}%.',
    allResolved: ' Every department has rectified all its problems; verification is pending.',
    allVerified: ' Every department has rectified all its problems, and the fixes are verified.',
    extended: ' {{count}} department(s) were granted a later deadline.',
    overdue: ' {{count}} problems of {{departments}} departments are overdue ({{list}}{{more}}).',
    overdueItem: '{{name}}: {{count}}',
    overdueMore: ', {{count}} departments in all',
    separator: ', ',
    closing: ' The departments concerned shall complete the rectification and report on time.',
  },
};
