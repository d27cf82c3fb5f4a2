// English messages of offline packages (keys as in packages.zh-CN.ts).
import type { Messages } from './keys';
import type { packageErrorsZhCN, packagesZhCN } from './packages.zh-CN';

export const packagesEnUS: Messages<typeof packagesZhCN> = {
  kind: {
    task: 'task package',
    result: 'result package',
  },
  mode: {
    coordinator: 'Coordinator workspace',
    evaluator: 'Evaluator workspace (imported from a task package)',
  },
  identity: {
    title: 'Workspace identity',
    workspaceId: 'Workspace id',
    fingerprint: 'Public key fingerprint',
    fingerprintHelp:
      'Evaluators see the issuer’s fingerprint when they import a task package and can compare it with this one to be sure the package comes from this workspace.',
  },
  phase: {
    collect: 'Collecting the tasks',
    attachments: 'Packing the scans of the files',
    sign: 'Signing',
    verify: 'Verifying',
    store: 'Storing the scans of the files',
    commit: 'Writing',
    apply: 'Merging the sheets',
    packages: 'Building the task packages',
  },
  sheetClass: {
    new: 'New',
    newer: 'Newer',
    same: 'Same',
    older: 'Older',
    conflict: 'Conflict',
  },
  sheetClassHelp: {
    new: 'This workspace has nothing on this sheet yet; the package’s sheet is taken.',
    newer: 'The package’s sheet is newer than this workspace’s; it is taken.',
    same: 'The same as here; nothing to merge.',
    older: 'This workspace has newer work; the package’s older content does not replace it.',
    conflict:
      'Both this workspace and the evaluator changed this sheet after the package was issued: choose which one to keep.',
  },
  resolution: {
    local: 'Keep this workspace’s',
    package: 'Take the package’s',
  },
  partial: 'Partial result (some sheets are not submitted yet)',
  complete: 'Complete result (every sheet submitted)',
  fileName: {
    task: 'task-package-{{campaign}}-{{name}}',
    all: 'task-packages-{{campaign}}-all-evaluators',
    result: 'result-package-{{campaign}}-{{name}}-{{sequence}}',
  },
};

export const packageErrorsEnUS: Messages<typeof packageErrorsZhCN> = {
  evaluatorMode:
    'This is an evaluator workspace imported from a task package: it is for scoring only and cannot do this.',
  packageNotZip: 'The file is not a task or result package (it is not a ZIP file).',
  packageTruncated: 'The file is incomplete (the copy may have been interrupted). Copy it again.',
  packageCorrupt: 'The file is damaged: "{{entry}}" cannot be read. Copy it again.',
  packageNoManifest: 'The file has no manifest (manifest.json): it was not made by this software.',
  packageManifestInvalid:
    'The package’s manifest is malformed: it was not made by this software, or it was altered.',
  packageFormatNewer:
    'This package was made by a newer version of the software (format {{version}}; this one reads up to {{supported}}). Update the software to import it.',
  packageIsResult:
    'This is a result package, not a task package. Give it to the coordinator, who merges it under "Merge results".',
  packageIsTask:
    'This is a task package, not a result package. Task packages are imported on the evaluator’s computer.',
  packageEntryMissing: '"{{entry}}", listed in the manifest, is missing: the package was altered.',
  packageEntryUnexpected: '"{{entry}}" is not listed in the manifest: the package was altered.',
  packageEntryHash:
    '"{{entry}}" does not match the checksum in the manifest: it was changed after the package was made.',
  packageSignatureMissing:
    'The task package has no signature (manifest.sig): its issuer cannot be confirmed.',
  packageSignatureInvalid:
    'The task package’s signature is not valid: the manifest was not signed by the coordinator workspace it names, or it was changed afterwards.',
  packageDataInvalid: '"{{entry}}" in the package is incomplete or malformed.',
  packageExpired:
    'The package was valid until {{validUntil}} and can no longer be used. Ask the coordinator for a new task package.',
  packageOtherCoordinator:
    'The task package imported earlier for this campaign was issued by another coordinator workspace (fingerprint {{expected}}); this package’s issuer ({{fingerprint}}) differs, so it was refused.',
  packageCoordinatorWorkspace:
    'This is a coordinator workspace: task packages cannot be imported here. Import it on the evaluator’s own computer (on first start, before any account exists).',
  packageSignInRequired:
    'This workspace already has an evaluator account: sign in before importing another task package.',
  packageOtherEvaluator:
    'This task package was issued to "{{name}}", not to the evaluator who is signed in.',
  packageOlderIssue:
    'A more recently issued task package for this campaign ({{issuedAt}}) is already imported; this older one is not imported.',
  packagePasswordRequired: 'Choose a password for the evaluator account.',
  packageJointMode:
    'Campaigns scored jointly (signed together) need the evaluators at one computer: no offline task packages can be made.',
  packageNotEvaluator:
    '"{{name}}" has no files assigned in this campaign, so no task package can be made.',
  packageNotSigned:
    'Evaluator "{{name}}" has no login account yet, so no task package can be made.',
  packageAttachmentMissing:
    'The scan "{{file}}" of file "{{caseNo}}" is missing or damaged on this computer; no task package was made.',
  packageValidUntilPast: 'The validity date ({{date}}) cannot be before today.',
  packagesTooLarge:
    'The task packages of all evaluators come to about {{mb}} MB, above the {{maxMb}} MB of one export. Export them one evaluator at a time.',
  packageNotImported: 'No task package of this campaign was imported into this workspace.',
  resultUnknownPackage:
    'The task package this result answers ({{packageId}}) was not issued by this workspace; it may belong to another coordinator workspace.',
  resultHmac:
    'The result package’s authentication code is wrong: it was changed after export, or it was not made from a task package this workspace issued.',
  resultForeignCampaign:
    'This result package belongs to another campaign ("{{campaign}}") than its task package.',
  resultWrongEvaluator:
    'The evaluator of this result package is not the one its task package was issued to ("{{name}}").',
  resultSheetUnknown:
    'File "{{caseNo}}" in the result package is not among this evaluator’s tasks (the assignment may have changed). Issue a new task package.',
  resultOlder:
    'This is an earlier export (number {{sequence}}); export number {{merged}} is already merged here, and an older result never replaces a newer one.',
  resultSequenceReused:
    'A different result package with the same export number {{sequence}} was already merged; this one is not merged.',
  resultConflicts:
    '{{count}} sheets were changed both here and by the evaluator after the package was issued ({{caseNos}}). Choose "keep this workspace’s" or "take the package’s" for each, then merge.',
};
