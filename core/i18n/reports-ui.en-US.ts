// Strings of the results screen (en-US; keys as in reports-ui.zh-CN.ts).
import type { Messages } from './keys';
import type { reportsUiZhCN } from './reports-ui.zh-CN';

export const reportsUiEnUS: Messages<typeof reportsUiZhCN> = {
  title: 'Results & notice',
  campaign: 'Campaign',
  campaignOption: '{{name}} ({{status}})',
  none: 'No campaign has reached scoring yet. Once scoring starts, its results, ranking and notice appear here.',
  toCampaigns: 'Go to campaigns',
  pendingNote:
    '{{pending}} files have no final score yet ({{waiting}} waiting for sheets, {{review}} waiting for review); the figures count files with a final score only.',
  totals: {
    files: 'Files',
    final: 'Final scores',
    mean: 'Mean score',
    departments: 'Departments',
    evaluators: 'Evaluators',
    veto: 'With a veto item',
  },
  grades: {
    title: 'Grades',
    count: '{{count}} files',
    percent: '{{percent}}%',
  },
  departments: {
    title: 'Department ranking',
    rank: 'Rank',
    name: 'Department',
    files: 'Files',
    final: 'Final',
    mean: 'Mean',
    grade: 'Grade',
    veto: 'Veto',
  },
  lists: {
    excellent: 'Excellent files',
    failed: 'Failed files',
    caseNo: 'Case no.',
    title: 'Title',
    department: 'Department',
    caseType: 'Case type',
    total: 'Score',
    veto: 'Veto',
    empty: 'None',
  },
  problems: {
    title: 'Main problems',
    tag: 'Problem',
    group: 'Group',
    occurrences: 'Occurrences',
    files: 'Files',
    share: 'Share',
    summary:
      '{{withProblems}} of {{files}} files with a final score have problems, {{problems}} in all.',
    untagged: '{{count}} more problems carry no problem tag.',
  },
  agreement: {
    title: 'Agreement between evaluators',
    summary:
      '{{files}} files were scored independently by two or more evaluators, with {{ratings}} sheets.',
    icc: 'Total scores (ICC)',
    grades: 'Grades (Fleiss kappa)',
    veto: 'Veto items (Fleiss kappa)',
    unavailable: '—',
  },
  export: {
    notice: 'Export notice',
    workbook: 'Export score workbook',
    sheets: 'Export all score sheets',
    done: 'Exported {{fileName}}',
  },
  notice: {
    title: 'Export the evaluation notice',
    ok: 'Export DOCX',
    issuer: 'Issuing body',
    docCode: 'Issuer code',
    docYear: 'Year',
    docSerial: 'Serial',
    docNumber: 'Document number',
    recipients: 'Addressees',
    noticeTitle: 'Title',
    date: 'Date',
    rectifyDays: 'Days to rectify',
    required: 'Please fill this in',
  },
};
