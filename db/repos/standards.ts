// Evaluation standards: templates and their versions (drafts and immutable published versions).
import type { Db } from '../types';

export interface TemplateRecord {
  id: string;
  name: string;
  builtin: boolean;
  retiredAt: string | null;
  createdAt: string;
  updatedAt: string;
  latestVersion: number | null;
  latestVersionId: string | null;
  latestPublishedAt: string | null;
  draftId: string | null;
  draftUpdatedAt: string | null;
  /** Content of the latest published version, or of the draft when nothing is published yet. */
  content: string;
}

export interface VersionRecord {
  id: string;
  templateId: string;
  version: number | null;
  status: 'draft' | 'published';
  content: string;
  contentSha256: string;
  basedOn: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  publishedBy: string | null;
  publishedAt: string | null;
}

const VERSION_COLUMNS = `id, template_id AS templateId, version, status, content, content_sha256 AS contentSha256,
  based_on AS basedOn, created_by AS createdBy, created_at AS createdAt, updated_at AS updatedAt,
  published_by AS publishedBy, published_at AS publishedAt`;

export type StandardsRepo = ReturnType<typeof standardsRepo>;

export function standardsRepo(db: Db) {
  const list = db.prepare<[], Record<string, unknown>>(`
    SELECT t.id, t.name, t.builtin, t.retired_at AS retiredAt, t.created_at AS createdAt, t.updated_at AS updatedAt,
      p.version AS latestVersion, p.id AS latestVersionId, p.published_at AS latestPublishedAt,
      d.id AS draftId, d.updated_at AS draftUpdatedAt, coalesce(p.content, d.content) AS content
    FROM templates t
    LEFT JOIN template_versions p ON p.template_id = t.id AND p.version =
      (SELECT max(version) FROM template_versions WHERE template_id = t.id)
    LEFT JOIN template_versions d ON d.template_id = t.id AND d.status = 'draft'
    ORDER BY t.retired_at IS NOT NULL, t.builtin DESC, t.name`);
  const insertTemplate = db.prepare(
    `INSERT INTO templates (id, name, builtin, created_at, updated_at) VALUES (@id, @name, @builtin, @now, @now)`,
  );
  const touchTemplate = db.prepare<[string, string, string]>(
    'UPDATE templates SET name = ?, updated_at = ? WHERE id = ?',
  );
  const retire = db.prepare<[string | null, string, string]>(
    'UPDATE templates SET retired_at = ?, updated_at = ? WHERE id = ?',
  );
  const templateById = db.prepare<
    [string],
    { id: string; name: string; builtin: number; retired_at: string | null }
  >('SELECT id, name, builtin, retired_at FROM templates WHERE id = ?');
  const insertVersion = db.prepare(`
    INSERT INTO template_versions (id, template_id, version, status, content, content_sha256, based_on, created_by,
      created_at, updated_at)
    VALUES (@id, @templateId, NULL, 'draft', @content, @contentSha256, @basedOn, @createdBy, @now, @now)`);
  const updateDraft = db.prepare(`
    UPDATE template_versions SET content = @content, content_sha256 = @contentSha256, updated_at = @now
    WHERE id = @id AND status = 'draft'`);
  const publish = db.prepare(`
    UPDATE template_versions SET status = 'published', version = @version, published_by = @by, published_at = @now,
      updated_at = @now
    WHERE id = @id AND status = 'draft'`);
  const nextVersion = db.prepare<[string], { n: number }>(
    'SELECT coalesce(max(version), 0) + 1 AS n FROM template_versions WHERE template_id = ?',
  );
  const versionById = db.prepare<[string], VersionRecord>(
    `SELECT ${VERSION_COLUMNS} FROM template_versions WHERE id = ?`,
  );
  const versionsOf = db.prepare<[string], VersionRecord>(
    `SELECT ${VERSION_COLUMNS} FROM template_versions WHERE template_id = ? ORDER BY version IS NULL DESC, version DESC`,
  );
  const draftOf = db.prepare<[string], { id: string }>(
    "SELECT id FROM template_versions WHERE template_id = ? AND status = 'draft'",
  );
  const deleteDraft = db.prepare<[string]>(
    "DELETE FROM template_versions WHERE id = ? AND status = 'draft'",
  );
  const deleteTemplate = db.prepare<[string]>('DELETE FROM templates WHERE id = ?');
  const countVersions = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM template_versions WHERE template_id = ?',
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM templates');

  return {
    list: () =>
      (list.all() as unknown as (Omit<TemplateRecord, 'builtin'> & { builtin: number })[]).map(
        (r) => ({
          ...r,
          builtin: r.builtin === 1,
        }),
      ) as TemplateRecord[],
    count: () => count.get()!.n,
    template(id: string) {
      const r = templateById.get(id);
      return r
        ? { id: r.id, name: r.name, builtin: r.builtin === 1, retiredAt: r.retired_at }
        : null;
    },
    createTemplate(t: { id: string; name: string; builtin: boolean; now: string }) {
      insertTemplate.run({ ...t, builtin: t.builtin ? 1 : 0 });
    },
    renameTemplate(id: string, name: string, now: string) {
      touchTemplate.run(name, now, id);
    },
    setRetired(id: string, retiredAt: string | null, now: string) {
      retire.run(retiredAt, now, id);
    },
    createDraft(v: {
      id: string;
      templateId: string;
      content: string;
      contentSha256: string;
      basedOn: string | null;
      createdBy: string | null;
      now: string;
    }) {
      insertVersion.run(v);
    },
    saveDraft(v: { id: string; content: string; contentSha256: string; now: string }): boolean {
      return updateDraft.run(v).changes === 1;
    },
    /** Publishes the draft as the template's next version number; returns that number. */
    publish(id: string, templateId: string, by: string | null, now: string): number {
      const version = nextVersion.get(templateId)!.n;
      publish.run({ id, version, by, now });
      return version;
    },
    version: (id: string): VersionRecord | null => versionById.get(id) ?? null,
    versions: (templateId: string): VersionRecord[] => versionsOf.all(templateId),
    draftOf: (templateId: string): string | null => draftOf.get(templateId)?.id ?? null,
    /** Deletes a draft; the template goes too when the draft was all it had. */
    discardDraft(id: string, templateId: string): boolean {
      const gone = deleteDraft.run(id).changes === 1;
      if (gone && countVersions.get(templateId)!.n === 0) deleteTemplate.run(templateId);
      return gone;
    },
  };
}

export type TagsRepo = ReturnType<typeof tagsRepo>;

export function tagsRepo(db: Db) {
  const groups = db.prepare<[], { code: string; name: string }>(
    'SELECT code, name FROM problem_tag_groups ORDER BY sort',
  );
  const tags = db.prepare<[], { code: string; group: string; name: string; active: number }>(
    'SELECT code, group_code AS "group", name, active FROM problem_tags ORDER BY group_code, sort, code',
  );
  const upsertGroup = db.prepare(
    'INSERT INTO problem_tag_groups (code, name, sort) VALUES (@code, @name, @sort) ON CONFLICT(code) DO UPDATE SET name = excluded.name, sort = excluded.sort',
  );
  const upsertTag = db.prepare(`
    INSERT INTO problem_tags (code, group_code, name, active, sort) VALUES (@code, @group, @name, @active, @sort)
    ON CONFLICT(code) DO UPDATE SET group_code = excluded.group_code, name = excluded.name, active = excluded.active,
      sort = excluded.sort`);
  return {
    groups: () => groups.all(),
    tags: () => tags.all().map((t) => ({ ...t, active: t.active === 1 })),
    upsertGroup: (g: { code: string; name: string; sort: number }) => void upsertGroup.run(g),
    upsertTag: (t: { code: string; group: string; name: string; active: boolean; sort: number }) =>
      void upsertTag.run({ ...t, active: t.active ? 1 : 0 }),
  };
}
