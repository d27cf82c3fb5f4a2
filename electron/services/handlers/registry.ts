// Use cases of the registry: departments, the evaluator pool, case types, case files, attachments.
import { AppError, type FieldError } from '../../../core/api/errors';
import type { CaseColumn } from '../../../core/api/methods/registry';
import type { Locale } from '../../../core/accounts/schemas';
import { translate } from '../../../core/i18n';
import { normalizeCaseNumber } from '../../../core/import/case-number';
import type { CaseFile, CaseInput } from '../../../core/registry/schemas';
import type { CaseWrite, PersonWrite } from '../../../db';
import type { AppContext } from '../context';
import { BlobStore, sniffMime } from '../files/blob-store';
import { table, writeWorkbook } from '../files/xlsx-writer';
import type { HandlerGroup } from '../handler';

type RegistryMethod =
  | 'departments.list'
  | 'departments.create'
  | 'departments.update'
  | 'departments.merge'
  | 'departments.addAlias'
  | 'departments.removeAlias'
  | 'people.list'
  | 'people.create'
  | 'people.update'
  | 'people.delete'
  | 'caseTypes.list'
  | 'caseTypes.save'
  | 'cases.list'
  | 'cases.facets'
  | 'cases.get'
  | 'cases.create'
  | 'cases.update'
  | 'cases.delete'
  | 'cases.export'
  | 'attachments.add'
  | 'attachments.content'
  | 'attachments.remove';

export const MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024;

function notFound(what: string, id: string): AppError {
  return new AppError('NOT_FOUND', `${what} ${id} not found`);
}

function conflict(
  message: string,
  key: Parameters<typeof translate>[1],
  params: Record<string, string | number>,
  field?: string,
) {
  const fieldErrors: FieldError[] | undefined = field
    ? [{ path: field, key: key as FieldError['key'], params }]
    : undefined;
  return new AppError('CONFLICT', message, {
    key: key as FieldError['key'],
    params,
    ...(fieldErrors ? { fieldErrors } : {}),
  });
}

const nul = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

export function registryHandlers(app: AppContext): HandlerGroup<RegistryMethod> {
  const { repos } = app;
  const blobs = new BlobStore(app.dataDir);
  const now = () => app.now().toISOString();

  const department = (id: string) => {
    const d = repos.departments.findById(id);
    if (!d) throw notFound('department', id);
    return d;
  };

  /** A department name must not already be a department or an alias of another one. */
  const checkDepartmentName = (name: string, selfId: string | null) => {
    const owner = repos.departments.idByName(name) ?? repos.departments.aliasOwner(name);
    if (owner && owner !== selfId) {
      throw conflict('department name taken', 'errors.departmentNameTaken', { name }, 'name');
    }
  };

  const caseWrite = (input: CaseInput, id: string, existing: CaseFile | null): CaseWrite => {
    if (!repos.caseTypes.list().some((t) => t.code === input.caseType)) {
      throw new AppError('VALIDATION', 'unknown case type', {
        fieldErrors: [{ path: 'caseType', key: 'validation.invalid' }],
      });
    }
    department(input.departmentId);
    const { normalized, year } = normalizeCaseNumber(input.caseNo);
    const clash = repos.cases.findByKey(normalized, input.departmentId);
    if (clash && clash.id !== id) {
      throw conflict(
        'case number taken',
        'errors.caseNumberTaken',
        { caseNo: normalized },
        'caseNo',
      );
    }
    return {
      id,
      caseNo: normalized,
      caseNoRaw: input.caseNo.trim(),
      year: year ?? (input.decidedOn ? Number(input.decidedOn.slice(0, 4)) : null),
      filingNo: nul(input.filingNo),
      caseType: input.caseType,
      procedure: nul(input.procedure),
      cause: nul(input.cause),
      partyName: nul(input.partyName),
      partyType: nul(input.partyType),
      partyCode: nul(input.partyCode),
      departmentId: input.departmentId,
      handlers: nul(input.handlers),
      handlerCertNos: nul(input.handlerCertNos),
      filedOn: nul(input.filedOn),
      decidedOn: nul(input.decidedOn),
      closedOn: nul(input.closedOn),
      penaltyKinds: nul(input.penaltyKinds),
      amountFen: nul(input.amountFen),
      legalBasis: nul(input.legalBasis),
      status: input.status,
      pageCount: nul(input.pageCount),
      caseUid: existing?.caseUid ?? null,
      notes: nul(input.notes),
      batchId: existing?.batchId ?? null,
    };
  };

  const personWrite = (
    input: Omit<PersonWrite, 'id' | 'batchId'> & { id: string },
    existingBatch: string | null,
  ): PersonWrite => {
    department(input.departmentId);
    if (input.certNo) {
      const other = repos.people.findByCertNo(input.certNo);
      if (other && other.id !== input.id) {
        throw conflict(
          'cert number taken',
          'errors.certNoTaken',
          { certNo: input.certNo, name: other.name },
          'certNo',
        );
      }
    }
    if (input.userId) {
      if (!repos.users.findById(input.userId)) throw notFound('user', input.userId);
      const linked = repos.people.findByUser(input.userId);
      if (linked && linked.id !== input.id) {
        throw conflict(
          'account linked elsewhere',
          'errors.accountLinked',
          { name: linked.name },
          'userId',
        );
      }
    }
    return { ...input, batchId: existingBatch };
  };

  return {
    'departments.list': () => ({ departments: repos.departments.list() as never }),

    'departments.create': (input, call) =>
      app.tx(() => {
        checkDepartmentName(input.name, null);
        const id = app.newId();
        repos.departments.create({
          id,
          name: input.name,
          shortName: nul(input.shortName),
          kind: nul(input.kind),
          active: input.active ?? true,
          now: now(),
        });
        app.audit(
          call.user,
          'department.created',
          { type: 'department', id },
          { name: input.name },
        );
        return department(id) as never;
      }),

    'departments.update': (input, call) =>
      app.tx(() => {
        const before = department(input.id);
        checkDepartmentName(input.name, input.id);
        repos.departments.update({
          id: input.id,
          name: input.name,
          shortName: input.shortName === undefined ? before.shortName : input.shortName,
          kind: input.kind === undefined ? before.kind : input.kind,
          active: input.active ?? before.active,
          now: now(),
        });
        if (before.name !== input.name && !repos.departments.aliasOwner(before.name)) {
          // Exports written before the rename still carry the old name.
          repos.departments.addAlias(before.name, input.id, now());
        }
        app.audit(
          call.user,
          'department.updated',
          { type: 'department', id: input.id },
          {
            before: { name: before.name, shortName: before.shortName, active: before.active },
            after: { name: input.name, shortName: input.shortName, active: input.active },
          },
        );
        return department(input.id) as never;
      }),

    'departments.merge': (input, call) =>
      app.tx(() => {
        if (input.sourceId === input.targetId) {
          throw new AppError('VALIDATION', 'merging a department into itself', {
            fieldErrors: [{ path: 'targetId', key: 'errors.mergeSelf' }],
          });
        }
        const source = department(input.sourceId);
        const target = department(input.targetId);
        const clashes = repos.departments.mergeConflicts(source.id, target.id);
        if (clashes.length) {
          throw conflict('merge conflicts', 'errors.mergeConflicts', {
            source: source.name,
            target: target.name,
            caseNos: clashes.join('、'),
          });
        }
        const moved = repos.departments.merge(source.id, target.id, now());
        repos.departments.addAlias(source.name, target.id, now());
        app.audit(
          call.user,
          'department.merged',
          { type: 'department', id: target.id },
          {
            source: { id: source.id, name: source.name },
            target: { id: target.id, name: target.name },
            movedCases: moved.cases,
            movedPeople: moved.people,
          },
        );
        return {
          target: department(target.id) as never,
          movedCases: moved.cases,
          movedPeople: moved.people,
        };
      }),

    'departments.addAlias': (input, call) =>
      app.tx(() => {
        department(input.departmentId);
        checkDepartmentName(input.alias, input.departmentId);
        repos.departments.addAlias(input.alias, input.departmentId, now());
        app.audit(
          call.user,
          'department.aliasAdded',
          { type: 'department', id: input.departmentId },
          {
            alias: input.alias,
          },
        );
        return department(input.departmentId) as never;
      }),

    'departments.removeAlias': (input, call) =>
      app.tx(() => {
        const owner = repos.departments.aliasOwner(input.alias);
        if (!owner) throw notFound('alias', input.alias);
        repos.departments.removeAlias(input.alias);
        app.audit(
          call.user,
          'department.aliasRemoved',
          { type: 'department', id: owner },
          { alias: input.alias },
        );
        return { ok: true as const };
      }),

    'people.list': () => ({ people: repos.people.list() }),

    'people.create': (input, call) =>
      app.tx(() => {
        const id = app.newId();
        const p = personWrite(
          {
            id,
            name: input.name,
            departmentId: input.departmentId,
            position: nul(input.position),
            legalOfficer: input.legalOfficer ?? false,
            certNo: nul(input.certNo),
            phone: nul(input.phone),
            expertise: input.expertise ?? [],
            active: input.active ?? true,
            userId: nul(input.userId),
            notes: nul(input.notes),
          },
          null,
        );
        repos.people.insert(p, now());
        app.audit(call.user, 'person.created', { type: 'person', id }, { name: p.name });
        return repos.people.get(id)!;
      }),

    'people.update': (input, call) =>
      app.tx(() => {
        const before = repos.people.get(input.id);
        if (!before) throw notFound('person', input.id);
        const p = personWrite(
          {
            id: input.id,
            name: input.name,
            departmentId: input.departmentId,
            position: input.position === undefined ? before.position : input.position,
            legalOfficer: input.legalOfficer ?? before.legalOfficer,
            certNo: input.certNo === undefined ? before.certNo : input.certNo,
            phone: input.phone === undefined ? before.phone : input.phone,
            expertise: input.expertise ?? before.expertise,
            active: input.active ?? before.active,
            userId: input.userId === undefined ? before.userId : input.userId,
            notes: input.notes === undefined ? before.notes : input.notes,
          },
          null,
        );
        repos.people.update(p, now());
        app.audit(
          call.user,
          'person.updated',
          { type: 'person', id: input.id },
          { before, after: p },
        );
        return repos.people.get(input.id)!;
      }),

    'people.delete': (input, call) =>
      app.tx(() => {
        const before = repos.people.get(input.id);
        if (!before || !repos.people.remove(input.id)) throw notFound('person', input.id);
        app.audit(
          call.user,
          'person.deleted',
          { type: 'person', id: input.id },
          { name: before.name },
        );
        return { ok: true as const };
      }),

    'caseTypes.list': () => ({ caseTypes: repos.caseTypes.list() }),

    'caseTypes.save': (input, call) =>
      app.tx(() => {
        const existing = repos.caseTypes.list();
        // Every name and synonym may denote one type only (matched without spaces, as imports do).
        const seen = new Map<string, number>();
        const fieldErrors: FieldError[] = [];
        const squeeze = (w: string) => w.replace(/\s+/g, '');
        input.caseTypes.forEach((t, i) => {
          if (input.caseTypes.findIndex((o) => squeeze(o.name) === squeeze(t.name)) !== i) {
            fieldErrors.push({
              path: `caseTypes.${i}.name`,
              key: 'errors.caseTypeNameTaken',
              params: { name: t.name },
            });
            return;
          }
          for (const word of new Set([t.name, ...t.synonyms].map(squeeze))) {
            const owner = seen.get(word);
            if (owner !== undefined && owner !== i) {
              fieldErrors.push({
                path: `caseTypes.${i}.synonyms`,
                key: 'errors.synonymTwice',
                params: { word, a: input.caseTypes[owner]!.name, b: t.name },
              });
            }
            seen.set(word, i);
          }
        });
        if (fieldErrors.length)
          throw new AppError('VALIDATION', 'synonym used twice', { fieldErrors });
        const keep = new Set(input.caseTypes.map((t) => t.code).filter(Boolean));
        for (const t of existing) {
          if (keep.has(t.code)) continue;
          if (t.builtin) {
            throw conflict('builtin case type', 'errors.caseTypeBuiltin', { name: t.name });
          }
          const used = repos.caseTypes.usage(t.code);
          if (used)
            throw conflict('case type in use', 'errors.caseTypeInUse', {
              name: t.name,
              count: used,
            });
          repos.caseTypes.remove(t.code);
        }
        input.caseTypes.forEach((t, i) => {
          const code = t.code ?? `custom-${app.newId().slice(0, 8)}`;
          const builtin = existing.find((e) => e.code === code)?.builtin;
          repos.caseTypes.upsert({
            code,
            name: builtin ? existing.find((e) => e.code === code)!.name : t.name,
            synonyms: t.synonyms,
            sort: i + 1,
          });
        });
        app.audit(call.user, 'caseTypes.saved', null, { caseTypes: input.caseTypes });
        return { caseTypes: repos.caseTypes.list() };
      }),

    'cases.list': (input) => repos.cases.list(input.filter, input.sort, input.page, input.pageSize),

    'cases.facets': () => ({ years: repos.cases.years(), total: repos.cases.count() }),

    'cases.get': (input) => {
      const c = repos.cases.get(input.id);
      if (!c) throw notFound('case', input.id);
      return { case: c, attachments: repos.attachments.forCase(input.id) };
    },

    'cases.create': (input, call) =>
      app.tx(() => {
        const id = app.newId();
        const c = caseWrite(input, id, null);
        repos.cases.insert(c, now());
        app.audit(call.user, 'case.created', { type: 'case', id }, { caseNo: c.caseNo });
        return repos.cases.get(id)!;
      }),

    'cases.update': (input, call) =>
      app.tx(() => {
        const before = repos.cases.get(input.id);
        if (!before) throw notFound('case', input.id);
        const { id: _id, ...rest } = input;
        const c = caseWrite(rest, input.id, before);
        repos.cases.update(c, now());
        const changed = Object.fromEntries(
          (Object.keys(c) as (keyof CaseWrite)[])
            .filter(
              (k) => k in before && (before as unknown as Record<string, unknown>)[k] !== c[k],
            )
            .map((k) => [
              k,
              { before: (before as unknown as Record<string, unknown>)[k], after: c[k] },
            ]),
        );
        app.audit(
          call.user,
          'case.updated',
          { type: 'case', id: input.id },
          { caseNo: c.caseNo, changed },
        );
        return repos.cases.get(input.id)!;
      }),

    'cases.delete': (input, call) =>
      app.tx(() => {
        const before = repos.cases.get(input.id);
        if (!before) throw notFound('case', input.id);
        const attachments = repos.attachments.forCase(input.id);
        repos.cases.remove(input.id);
        app.audit(
          call.user,
          'case.deleted',
          { type: 'case', id: input.id },
          {
            caseNo: before.caseNo,
            department: before.departmentName,
            attachments: attachments.map((a) => a.sha256),
          },
        );
        return { ok: true as const };
      }),

    'cases.export': async (input, call) => {
      const types = new Map(repos.caseTypes.list().map((t) => [t.code, t.name]));
      const total = repos.cases.list(input.filter, input.sort, 1, 1).total;
      call.progress('importer.phase.exporting', 0, total);
      const bytes = await writeWorkbook(
        [
          table({
            name: translate(input.locale, 'nav.cases'),
            columns: input.columns.map((c) => exportColumn(c, input.locale, types)),
            rows: repos.cases.iterate(input.filter, input.sort),
          }),
        ],
        { signal: call.signal, onRows: (n) => call.progress('importer.phase.exporting', n, total) },
      );
      app.tx(() =>
        app.audit(call.user, 'cases.exported', null, { filter: input.filter, rows: total }),
      );
      const stamp = app.now().toISOString().slice(0, 10);
      return { fileName: `${translate(input.locale, 'nav.cases')}-${stamp}.xlsx`, bytes };
    },

    'attachments.add': (input, call) => {
      const bytes = input.file.bytes;
      if (bytes.length === 0) {
        throw new AppError('BAD_INPUT', 'empty file', {
          key: 'errors.fileEmpty',
          params: { file: input.file.fileName },
        });
      }
      if (bytes.length > MAX_ATTACHMENT_BYTES) {
        throw new AppError('BAD_INPUT', 'file too large', {
          key: 'errors.fileTooLarge',
          params: { file: input.file.fileName, maxMb: MAX_ATTACHMENT_BYTES / 1048576 },
        });
      }
      const mime = sniffMime(bytes);
      if (!mime) {
        throw new AppError('BAD_INPUT', 'unsupported attachment', {
          key: 'errors.attachmentType',
          params: { file: input.file.fileName },
        });
      }
      if (!repos.cases.get(input.caseId)) throw notFound('case', input.caseId);
      const sha = blobs.put(bytes); // written before the row: a crash leaves an orphan blob, never a dangling row
      return app.tx(() => {
        const a = {
          id: app.newId(),
          caseId: input.caseId,
          sha256: sha,
          fileName: input.file.fileName,
          mime,
          size: bytes.length,
          addedBy: call.user.id,
          addedAt: now(),
        };
        repos.attachments.insert(a);
        app.audit(
          call.user,
          'attachment.added',
          { type: 'case', id: input.caseId },
          {
            attachmentId: a.id,
            fileName: a.fileName,
            sha256: sha,
            size: a.size,
          },
        );
        return a;
      });
    },

    'attachments.content': (input) => {
      const a = repos.attachments.get(input.id);
      if (!a) throw notFound('attachment', input.id);
      return { fileName: a.fileName, mime: a.mime, bytes: blobs.get(a.sha256) };
    },

    'attachments.remove': (input, call) => {
      app.tx(() => {
        const a = repos.attachments.get(input.id);
        if (!a) throw notFound('attachment', input.id);
        repos.attachments.remove(a.id);
        app.audit(
          call.user,
          'attachment.removed',
          { type: 'case', id: a.caseId },
          {
            attachmentId: a.id,
            fileName: a.fileName,
            sha256: a.sha256,
          },
        );
        return a;
      });
      // The file stays in the content-addressed store: a backup taken before the removal names it,
      // and a restored backup must find its scans (backups hold the database file only).
      return { ok: true as const };
    },
  };
}

function exportColumn(column: CaseColumn, locale: Locale, types: Map<string, string>) {
  const label = (key: string) => translate(locale, key);
  const header = label(
    column === 'departmentName'
      ? 'import.fields.case.department'
      : column === 'amountFen'
        ? 'import.fields.case.amount'
        : `import.fields.case.${column}`,
  );
  const text = (v: (c: CaseFile) => string | null, width = 18) => ({ header, width, value: v });
  switch (column) {
    case 'caseType':
      return text((c) => types.get(c.caseType) ?? c.caseType, 12);
    case 'procedure':
      return text((c) => (c.procedure ? label(`import.procedures.${c.procedure}`) : null), 12);
    case 'status':
      return text((c) => label(`import.statuses.${c.status}`), 10);
    case 'amountFen':
      return {
        header,
        width: 16,
        numFmt: '#,##0.00',
        value: (c: CaseFile) => (c.amountFen === null ? null : c.amountFen / 100),
      };
    case 'pageCount':
      return { header, width: 10, value: (c: CaseFile) => c.pageCount };
    case 'caseNo':
    case 'departmentName':
    case 'partyName':
    case 'legalBasis':
    case 'cause':
      return text((c) => c[column], 28);
    default:
      return text((c) => c[column] as string | null);
  }
}
