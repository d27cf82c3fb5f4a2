// Use cases of the evaluation standards: list, open, create from a preset, save a draft, publish
// (immutable afterwards), start a new draft from a published version, copy, retire; import and
// export; the problem-tag vocabulary.
import type { TemplateSummary, TemplateVersion } from '../../../core/api/methods/standards';
import { AppError, type FieldError } from '../../../core/api/errors';
import type { MessageKey } from '../../../core/i18n';
import {
  DEFAULT_COERCION,
  DEFAULT_PENALTY,
  DEFAULT_PERMIT,
} from '../../../core/standards/defaults';
import {
  BAND_PRESETS,
  TEMPLATE_FORMAT,
  cloneTemplate,
  type TemplateContent,
} from '../../../core/standards/model';
import { validateTemplate } from '../../../core/standards/validate';
import type { VersionRecord } from '../../../db';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../handler';
import { contentHash, contentJson, parseContent } from '../standards/content';
import { standardToDocx } from '../standards/docx';
import { readStandardFile, standardToXlsx } from '../standards/xlsx';

type StandardsMethod =
  | 'standards.list'
  | 'standards.get'
  | 'standards.versions'
  | 'standards.create'
  | 'standards.saveDraft'
  | 'standards.publish'
  | 'standards.newDraft'
  | 'standards.copy'
  | 'standards.discardDraft'
  | 'standards.retire'
  | 'standards.exportJson'
  | 'standards.exportXlsx'
  | 'standards.exportDocx'
  | 'standards.import'
  | 'tags.list'
  | 'tags.save';

export function blankTemplate(name: string): TemplateContent {
  return {
    format: TEMPLATE_FORMAT,
    name,
    description: '',
    appliesTo: { caseTypes: [], procedures: [] },
    total: 1000,
    vetoItems: [],
    categories: [{ code: 'A', name: '类别一', max: 1000, items: [] }],
    bands: BAND_PRESETS.four.map((b) => ({ ...b })),
    bonus: { enabled: false, cap: 50, items: [] },
  };
}

const PRESET_CONTENT = {
  penalty: DEFAULT_PENALTY,
  permit: DEFAULT_PERMIT,
  coercion: DEFAULT_COERCION,
} as const;

const safeName = (s: string) => s.replace(/[\\/:*?"<>|]+/g, '_').slice(0, 80);

export function standardsHandlers(app: AppContext): HandlerGroup<StandardsMethod> {
  const { repos } = app;
  const now = () => app.now().toISOString();

  const knownTags = () => new Set(repos.tags.tags().map((t) => t.code));

  const view = (v: VersionRecord): TemplateVersion => {
    const content = parseContent(v.content);
    const template = repos.standards.template(v.templateId)!;
    return {
      id: v.id,
      templateId: v.templateId,
      templateName: template.name,
      version: v.version,
      status: v.status,
      content,
      contentSha256: v.contentSha256,
      basedOn: v.basedOn,
      createdAt: v.createdAt,
      updatedAt: v.updatedAt,
      publishedAt: v.publishedAt,
      problems: v.status === 'draft' ? validateTemplate(content, { knownTags: knownTags() }) : [],
    };
  };

  const version = (id: string): VersionRecord => {
    const v = repos.standards.version(id);
    if (!v) throw new AppError('NOT_FOUND', `template version ${id} not found`);
    return v;
  };

  const draft = (id: string): VersionRecord => {
    const v = version(id);
    if (v.status !== 'draft') {
      throw new AppError('CONFLICT', 'published versions are immutable', {
        key: 'errors.versionPublished',
      });
    }
    return v;
  };

  /** A new template holding one draft with this content. */
  const createWithDraft = (content: TemplateContent, userId: string, basedOn: string | null) => {
    const templateId = app.newId();
    const versionId = app.newId();
    const json = contentJson(content);
    repos.standards.createTemplate({
      id: templateId,
      name: content.name,
      builtin: false,
      now: now(),
    });
    repos.standards.createDraft({
      id: versionId,
      templateId,
      content: json,
      contentSha256: contentHash(json),
      basedOn,
      createdBy: userId,
      now: now(),
    });
    return versionId;
  };

  return {
    'standards.list': () => ({
      templates: repos.standards.list().map((t): TemplateSummary => {
        const c = parseContent(t.content);
        return {
          id: t.id,
          name: t.name,
          builtin: t.builtin,
          retired: t.retiredAt !== null,
          latestVersion: t.latestVersion,
          latestVersionId: t.latestVersionId,
          latestPublishedAt: t.latestPublishedAt,
          draftId: t.draftId,
          draftUpdatedAt: t.draftUpdatedAt,
          caseTypes: c.appliesTo.caseTypes,
          procedures: c.appliesTo.procedures,
          total: c.total,
          itemCount: c.categories.reduce((a, x) => a + x.items.length, 0),
          vetoCount: c.vetoItems.length,
        };
      }),
    }),

    'standards.get': (input) => view(version(input.versionId)),

    'standards.versions': (input) => ({
      versions: repos.standards.versions(input.templateId).map((v) => ({
        id: v.id,
        version: v.version,
        status: v.status,
        createdAt: v.createdAt,
        updatedAt: v.updatedAt,
        publishedAt: v.publishedAt,
        contentSha256: v.contentSha256,
      })),
    }),

    'standards.create': (input, call) =>
      app.tx(() => {
        const content =
          input.preset === 'blank'
            ? blankTemplate(input.name)
            : { ...cloneTemplate(PRESET_CONTENT[input.preset]), name: input.name };
        const id = createWithDraft(content, call.user.id, null);
        app.audit(
          call.user,
          'standard.created',
          { type: 'templateVersion', id },
          { name: input.name, preset: input.preset },
        );
        return view(version(id));
      }),

    'standards.saveDraft': (input, call) =>
      app.tx(() => {
        const v = draft(input.versionId);
        if (v.contentSha256 !== input.expectedSha256) {
          throw new AppError('CONFLICT', 'draft changed meanwhile', {
            key: 'errors.draftChanged',
            params: { at: v.updatedAt },
          });
        }
        const json = contentJson(input.content);
        if (json !== v.content) {
          repos.standards.saveDraft({
            id: v.id,
            content: json,
            contentSha256: contentHash(json),
            now: now(),
          });
          repos.standards.renameTemplate(v.templateId, input.content.name, now());
          app.audit(
            call.user,
            'standard.draftSaved',
            { type: 'templateVersion', id: v.id },
            { sha256: contentHash(json) },
          );
        }
        return view(version(v.id));
      }),

    'standards.publish': (input, call) =>
      app.tx(() => {
        const v = draft(input.versionId);
        const content = parseContent(v.content);
        const problems = validateTemplate(content, { knownTags: knownTags() });
        if (problems.length) {
          throw new AppError('VALIDATION', 'template has problems', {
            key: 'errors.templateInvalid',
            params: { count: problems.length },
            fieldErrors: problems.map((p): FieldError => ({
              path: p.path,
              key: p.key as MessageKey,
              params: p.params,
            })),
          });
        }
        const n = repos.standards.publish(v.id, v.templateId, call.user.id, now());
        app.audit(
          call.user,
          'standard.published',
          { type: 'templateVersion', id: v.id },
          {
            template: v.templateId,
            version: n,
            sha256: v.contentSha256,
          },
        );
        return view(version(v.id));
      }),

    'standards.newDraft': (input, call) =>
      app.tx(() => {
        const v = version(input.versionId);
        const existing = repos.standards.draftOf(v.templateId);
        if (existing) {
          throw new AppError('CONFLICT', 'template already has a draft', {
            key: 'errors.draftExists',
            params: { draftId: existing },
          });
        }
        const id = app.newId();
        repos.standards.createDraft({
          id,
          templateId: v.templateId,
          content: v.content,
          contentSha256: v.contentSha256,
          basedOn: v.id,
          createdBy: call.user.id,
          now: now(),
        });
        app.audit(
          call.user,
          'standard.draftStarted',
          { type: 'templateVersion', id },
          { basedOn: v.id },
        );
        return view(version(id));
      }),

    'standards.copy': (input, call) =>
      app.tx(() => {
        const v = version(input.versionId);
        const content = { ...parseContent(v.content), name: input.name };
        const id = createWithDraft(content, call.user.id, v.id);
        app.audit(
          call.user,
          'standard.copied',
          { type: 'templateVersion', id },
          { from: v.id, name: input.name },
        );
        return view(version(id));
      }),

    'standards.discardDraft': (input, call) =>
      app.tx(() => {
        const v = draft(input.versionId);
        repos.standards.discardDraft(v.id, v.templateId);
        app.audit(call.user, 'standard.draftDiscarded', { type: 'templateVersion', id: v.id });
        return { ok: true as const };
      }),

    'standards.retire': (input, call) =>
      app.tx(() => {
        if (!repos.standards.template(input.templateId))
          throw new AppError('NOT_FOUND', 'template not found');
        repos.standards.setRetired(input.templateId, input.retired ? now() : null, now());
        app.audit(call.user, input.retired ? 'standard.retired' : 'standard.reactivated', {
          type: 'template',
          id: input.templateId,
        });
        return { ok: true as const };
      }),

    'standards.exportJson': (input, call) => {
      const v = version(input.versionId);
      app.audit(
        call.user,
        'standard.exported',
        { type: 'templateVersion', id: v.id },
        { format: 'json' },
      );
      const label = v.version ? `v${v.version}` : 'draft';
      const pretty = JSON.stringify(JSON.parse(v.content), null, 2);
      return {
        fileName: `${safeName(parseContent(v.content).name)}-${label}.json`,
        bytes: new TextEncoder().encode(pretty + '\n'),
      };
    },

    'standards.exportXlsx': async (input, call) => {
      const v = version(input.versionId);
      app.audit(
        call.user,
        'standard.exported',
        { type: 'templateVersion', id: v.id },
        { format: 'xlsx' },
      );
      const content = parseContent(v.content);
      const label = v.version ? `v${v.version}` : 'draft';
      return {
        fileName: `${safeName(content.name)}-${label}.xlsx`,
        bytes: await standardToXlsx(content, input.locale, repos.caseTypes.list()),
      };
    },

    'standards.exportDocx': async (input, call) => {
      const v = version(input.versionId);
      app.audit(
        call.user,
        'standard.exported',
        { type: 'templateVersion', id: v.id },
        { format: 'docx' },
      );
      const content = parseContent(v.content);
      return {
        fileName: `${safeName(content.name)}.docx`,
        bytes: await standardToDocx(content, {
          locale: input.locale,
          caseTypes: repos.caseTypes.list(),
          version: v.version,
        }),
      };
    },

    'standards.import': async (input, call) => {
      const content = await readStandardFile(input.file, repos.caseTypes.list());
      return app.tx(() => {
        const id = createWithDraft(content, call.user.id, null);
        app.audit(
          call.user,
          'standard.imported',
          { type: 'templateVersion', id },
          {
            fileName: input.file.fileName,
            name: content.name,
          },
        );
        return view(version(id));
      });
    },

    'tags.list': () => ({ groups: repos.tags.groups(), tags: repos.tags.tags() }),

    'tags.save': (input, call) =>
      app.tx(() => {
        const groups = new Set(repos.tags.groups().map((g) => g.code));
        const fieldErrors: FieldError[] = [];
        const seen = new Set<string>();
        input.tags.forEach((t, i) => {
          if (!groups.has(t.group))
            fieldErrors.push({ path: `tags.${i}.group`, key: 'validation.invalid' });
          if (seen.has(t.code.toUpperCase()))
            fieldErrors.push({
              path: `tags.${i}.code`,
              key: 'errors.tagTwice',
              params: { code: t.code },
            });
          seen.add(t.code.toUpperCase());
        });
        const existing = repos.tags.tags();
        for (const t of existing) {
          if (!seen.has(t.code.toUpperCase())) {
            fieldErrors.push({ path: 'tags', key: 'errors.tagRemoved', params: { code: t.code } });
          }
        }
        if (fieldErrors.length) throw new AppError('VALIDATION', 'bad tags', { fieldErrors });
        input.tags.forEach((t, i) => repos.tags.upsertTag({ ...t, sort: i }));
        app.audit(call.user, 'tags.saved', null, { count: input.tags.length });
        return { groups: repos.tags.groups(), tags: repos.tags.tags() };
      }),
  };
}
