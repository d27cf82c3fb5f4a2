// English translation. Typed as Messages: a missing or extra key is a type error.
import { campaignsEnUS } from './campaigns.en-US';
import { campaignsUiEnUS } from './campaigns-ui.en-US';
import { importEnUS } from './import.en-US';
import { importerEnUS } from './importer.en-US';
import { peopleEnUS } from './people.en-US';
import { registryEnUS } from './registry.en-US';
import { resultsEnUS } from './results.en-US';
import { resultsDocsEnUS } from './results-docs.en-US';
import { scoringEnUS } from './scoring.en-US';
import { packageErrorsEnUS, packagesEnUS } from './packages.en-US';
import { reviewUiEnUS } from './review-ui.en-US';
import { reportsUiEnUS } from './reports-ui.en-US';
import { rectifyEnUS } from './rectify.en-US';
import { auditEnUS } from './audit.en-US';
import { backupEnUS } from './backup.en-US';
import { rectifyUiEnUS } from './rectify-ui.en-US';
import { tasksUiEnUS } from './tasks-ui.en-US';
import { packagesUiEnUS } from './packages-ui.en-US';
import { standardsEnUS } from './standards.en-US';
import { standardsUiEnUS } from './standards-ui.en-US';
import type { Messages } from './keys';

export const enUS: Messages = {
  import: importEnUS,
  importer: importerEnUS,
  registry: registryEnUS,
  people: peopleEnUS,
  standards: standardsEnUS,
  standardsUi: standardsUiEnUS,
  campaigns: campaignsEnUS,
  campaignsUi: campaignsUiEnUS,
  results: resultsEnUS,
  resultsDocs: resultsDocsEnUS,
  scoring: scoringEnUS,
  packages: packagesEnUS,
  tasksUi: tasksUiEnUS,
  packagesUi: packagesUiEnUS,
  reviewUi: reviewUiEnUS,
  reportsUi: reportsUiEnUS,
  rectify: rectifyEnUS,
  audit: auditEnUS,
  backup: backupEnUS,
  rectifyUi: rectifyUiEnUS,
  app: {
    name: 'Enforcement Case File Evaluation',
    shortName: 'Case Evaluation',
    tagline:
      'Catalogue import · verifiable random draw · cross-review · reconciliation · notice and rectification',
  },
  common: {
    listSeparator: ', ',
    ok: 'OK',
    cancel: 'Cancel',
    save: 'Save',
    create: 'New',
    edit: 'Edit',
    close: 'Close',
    back: 'Back',
    loading: 'Loading…',
    actions: 'Actions',
    status: 'Status',
    active: 'Active',
    inactive: 'Inactive',
    yes: 'Yes',
    no: 'No',
    logout: 'Sign out',
    language: 'Language',
    retry: 'Retry',
    saved: 'Saved',
    never: 'Never',
  },
  languages: {
    'zh-CN': '简体中文',
    'en-US': 'English',
  },
  roles: {
    coordinator: 'Coordinator',
    evaluator: 'Evaluator',
  },
  nav: {
    dashboard: 'Dashboard',
    cases: 'Case files',
    standards: 'Standards',
    campaigns: 'Campaigns',
    review: 'Progress & review',
    myTasks: 'My tasks',
    reports: 'Results & notice',
    rectification: 'Rectification',
    people: 'Departments & people',
    audit: 'Audit log',
    settings: 'Settings',
  },
  notBuilt: {
    title: '{{area}} is not built yet',
    body: 'This area will come in a later version. Available now: Dashboard, Case files, Standards, Campaigns, Progress & review, My tasks, Results & notice, Rectification, Departments & people, Audit log, Settings.',
  },
  forbidden: {
    title: 'Access denied',
    body: '"{{area}}" is for coordinators only. Ask the coordinator of this evaluation if you need it.',
    home: 'Back to the dashboard',
  },
  setup: {
    title: 'First run: create the coordinator account',
    intro:
      'There are no accounts on this machine yet. Create the coordinator account first (the person who imports case files, draws samples, assigns work and issues the notice); evaluator accounts can then be created under Settings.',
    orgName: 'Evaluating body',
    orgNamePlaceholder: 'e.g. Donghu District Justice Bureau',
    displayName: 'Full name',
    displayNamePlaceholder: 'e.g. Wang Ming',
    username: 'User name',
    usernameHelp: '3–32 letters, digits or . _ -',
    password: 'Password',
    passwordHelp: 'At least 8 characters',
    confirmPassword: 'Confirm password',
    passwordsDiffer: 'The two passwords do not match',
    submit: 'Create account and continue',
    dataLocation: 'Data stays on this machine and is never uploaded.',
  },
  login: {
    title: 'Sign in',
    username: 'User name',
    password: 'Password',
    submit: 'Sign in',
    org: 'Evaluating body: {{org}}',
    offline: 'Works offline · data stays on this machine',
  },
  demo: {
    load: 'Load demo data',
    loadHelp:
      'Want to try it first? Load an invented district: 30 enforcement departments, about 90 evaluators, 2,000 case files and a few demo accounts.',
    loading: 'Generating demo data…',
    loaded:
      'Demo data loaded: {{departments}} departments, {{people}} evaluators, {{cases}} case files.',
    accountsTitle: 'Demo workspace accounts (password for all: {{password}})',
    phase: { generating: 'Generating demo data' },
  },
  shell: {
    signedInAs: '{{name}} ({{role}})',
    sessionExpired: 'Your session has expired. Please sign in again.',
  },
  dashboard: {
    welcome: 'Hello, {{name}}',
    coordinatorIntro: 'You are the coordinator of this workspace. Use the menu on the left.',
    evaluatorIntro: 'You are an evaluator. Your assigned files will appear under My tasks.',
    org: 'Evaluating body',
    role: 'Role',
    lastLogin: 'Last sign-in',
    workspace: 'Workspace ID',
    available: 'Available',
    comingLater: 'Not built yet',
  },
  settings: {
    title: 'Settings',
    languageTitle: 'Language',
    languageHelp: 'Takes effect at once and is kept for your next sign-in.',
    passwordTitle: 'Change password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    confirmPassword: 'Confirm new password',
    passwordChanged: 'Password changed.',
    accountsTitle: 'Accounts',
  },
  accounts: {
    create: 'New account',
    username: 'User name',
    displayName: 'Full name',
    role: 'Role',
    password: 'Initial password',
    status: 'Status',
    locked: 'Locked until {{time}}',
    lastLogin: 'Last sign-in',
    resetPassword: 'Reset password',
    newPassword: 'New password',
    deactivate: 'Deactivate',
    activate: 'Activate',
    created: 'Account "{{name}}" created.',
    passwordReset: 'Password reset; the account is unlocked.',
    updated: 'Account updated.',
    empty: 'No accounts',
  },
  errors: {
    VALIDATION: 'Some input is invalid; check the marked fields.',
    UNKNOWN_METHOD: 'Unknown operation "{{method}}".',
    UNAUTHENTICATED: 'Please sign in first.',
    FORBIDDEN: 'Your role is not allowed to do this.',
    NOT_FOUND: 'The record was not found.',
    CONFLICT: 'This conflicts with existing data.',
    AUTH_INVALID:
      'Wrong user name or password. After {{max}} wrong passwords in a row the account is locked for {{minutes}} minutes.',
    AUTH_LOCKED:
      'After {{max}} wrong passwords in a row the account is locked. Try again in {{minutes}} minutes (after {{until}}), or ask the coordinator to reset the password.',
    AUTH_INACTIVE: 'This account is deactivated; contact the coordinator.',
    SETUP_DONE: 'This workspace is already set up; please sign in.',
    CANCELLED: 'Cancelled; nothing was changed.',
    BAD_INPUT: 'The data could not be processed.',
    DB_TOO_NEW:
      'This workspace file was made by a newer version of the app (schema version {{fileVersion}}; this app supports up to {{appVersion}}). To protect the data it will not be opened. Please upgrade the app.',
    INTERNAL: 'An internal error occurred; nothing was changed. Details are in the log.',
    network: 'Cannot reach the app service: {{detail}}',
    noToken:
      'The access token is missing. Open this page with the full address printed in the terminal at start.',
    usernameTaken: 'The user name "{{username}}" is already taken.',
    wrongCurrentPassword: 'The current password is wrong.',
    lastCoordinator: 'The last active coordinator account cannot be deactivated or demoted.',
    versionPublished: 'A published version cannot be changed. Start a new draft and edit that.',
    draftChanged:
      'The draft was changed after you opened it ({{at}}). Open it again before editing, so as not to overwrite those changes.',
    templateInvalid: 'The standard still has {{count}} problems; correct them before publishing.',
    draftExists: 'This standard already has a draft. Open or discard it first.',
    tagTwice: 'The problem tag code "{{code}}" is used twice.',
    tagRemoved:
      'The problem tag "{{code}}" cannot be deleted (findings may refer to it); deactivate it instead.',
    standardFileInvalid:
      'The standard file has {{count}} problems; nothing was imported. Correct each place listed and import again.',
    standardFileType:
      '"{{file}}" is not a standard file. Choose a .json file exported by this app or an .xlsx file filled in like the template.',
    resultsNoSheet: 'There is no submitted score sheet to export.',
    campaignState: 'The campaign is {{status}}; this cannot be done now.',
    campaignTemplate: 'Choose a published standard version for "{{type}}".',
    populationChanged:
      'The file "{{key}}" of the original draw is no longer in the registry (deleted, or its department renamed); the sample cannot be enlarged over the same population.',
    assignmentInvalid: 'The assignment breaks {{count}} conflict or load rules; it was not saved.',
    campaignFixed:
      'After the draw, the scope, the standards, the evaluators per file and the scoring mode are fixed. To change them, return the campaign to draft (this clears the draw).',
    seedTooShort:
      'The seed has {{digits}} digits; at least {{min}} are needed. Add dice digits, a lottery number or digits generated by the app.',
    seedCommitment:
      'The seed does not match the SHA-256 published before the reveal; nothing was drawn. Check the digits and publish again.',
    drawEmpty:
      'The scope and plan draw no files. Check the scope (case types, procedures, closing dates, departments) and the plan.',
    enlargeSamePlan: 'An enlarged sample keeps the kind of sampling plan.',
    enlargeSmaller:
      'An enlarged sample cannot ask fewer files of any stream (stream "{{stream}}").',
    enlargeLost: 'The new plan would lose files drawn before; nothing was saved.',
    drawFileType:
      '"{{file}}" is not a draw record or populations file (JSON) exported by this app.',
    conflictTarget: 'A conflict names either a department or a handler, not both.',
    assignmentUnknownFile: 'The assignment names files that are not in this draw.',
    campaignTransition: 'A campaign cannot go from "{{from}}" to "{{to}}".',
    campaignUnfinished:
      '{{count}} files have no final score yet (sheets missing or waiting for review); the campaign cannot be closed.',
    notYourSheet: 'This file is not assigned to you.',
    sheetSubmitted:
      'The sheet is submitted and can no longer change. Ask the coordinator to return it.',
    sheetStale: 'The sheet has newer content (save {{revision}}); open it again, then submit.',
    sheetIncomplete: 'The sheet needs {{count}} more answers; it was not submitted.',
    sheetNotReturnable: 'Only evaluators’ sheets can be returned.',
    sheetNotSubmitted: 'The sheet is not submitted; there is nothing to return.',
    sheetsBlind:
      'The other sheets of this file can be read once every evaluator of the file has submitted.',
    reviewNotReady: 'Not every sheet of this file is submitted; it cannot be reviewed yet.',
    reviewSheetUnknown: 'The chosen sheet is not one of this file’s sheets.',
    reconcileReasonMissing: 'These changes have no reason: {{codes}}.',
    evaluatorsWithoutAccount:
      'These evaluators have no login account yet, so scoring cannot start: {{names}}. Link accounts to them under Departments & people.',
    selfDeactivate: 'You cannot deactivate your own account.',
    departmentNameTaken:
      'A department named "{{name}}" already exists (or the name is an alias of one).',
    caseNumberTaken: 'This department already has a case file numbered "{{caseNo}}".',
    certNoTaken: 'Enforcement certificate {{certNo}} already belongs to "{{name}}".',
    accountLinked: 'This account is already linked to "{{name}}".',
    mergeSelf: 'A department cannot be merged into itself.',
    mergeConflicts:
      'Cannot merge: "{{source}}" and "{{target}}" have case files with the same numbers ({{caseNos}}). Check them and delete or correct the duplicates first.',
    synonymTwice:
      '"{{word}}" appears under both "{{a}}" and "{{b}}"; one spelling can denote only one case type.',
    caseTypeBuiltin:
      '"{{name}}" is a built-in case type and cannot be deleted (its synonyms can be edited).',
    caseTypeNameTaken: 'The case type "{{name}}" appears more than once.',
    caseTypeInUse: 'Case type "{{name}}" is used by {{count}} case files and cannot be deleted.',
    fileEmpty: 'The file "{{file}}" is empty (0 bytes). Choose the right file.',
    fileTooLarge: 'The file "{{file}}" is larger than {{maxMb}} MB. Split it and import the parts.',
    attachmentType:
      '"{{file}}" is not a PDF or an image. Attachments accept PDF and JPG, PNG, GIF, WEBP, TIFF or BMP images.',
    ...packageErrorsEnUS,
  },
  validation: {
    required: 'Required',
    invalid_type: 'Wrong type: expected {{expected}}',
    string_min: 'At least {{min}} characters',
    string_max: 'At most {{max}} characters',
    number_min: 'Must be at least {{min}}',
    number_max: 'Must be at most {{max}}',
    array_min: 'At least {{min}} items',
    array_max: 'At most {{max}} items',
    invalid_format: 'Invalid format',
    invalid_value: 'Invalid value; allowed: {{values}}',
    unrecognized_keys: 'Unknown fields: {{keys}}',
    username_chars: 'Only letters, digits and . _ -',
    bytes: 'Expected file contents',
    digits: 'Digits only',
    tagCode: 'A letter, then letters and digits, e.g. D19',
    date: 'A date must be written YYYY-MM-DD and must exist',
    invalid: 'Invalid value',
    field: 'Field "{{path}}": {{message}}',
  },
};
