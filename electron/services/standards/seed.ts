// Built-in data of a new workspace: the problem-tag vocabulary (domain.md §3) and the three default
// templates (domain.md §7.1–7.3), published as version 1. Seeded once; an office that edits or
// retires them is not overridden later.
import { DEFAULT_TEMPLATES } from '../../../core/standards/defaults';
import { DEFAULT_TAG_GROUPS, DEFAULT_TAGS } from '../../../core/standards/tags';
import type { AppContext } from '../context';
import { contentHash, contentJson } from './content';

export const SETTING_STANDARDS_SEEDED = 'standards.seeded';

export function seedStandards(app: AppContext): void {
  const { repos } = app;
  if (repos.settings.get(SETTING_STANDARDS_SEEDED)) return;
  const now = app.now().toISOString();
  DEFAULT_TAG_GROUPS.forEach((g, i) => repos.tags.upsertGroup({ ...g, sort: i }));
  DEFAULT_TAGS.forEach((t, i) => repos.tags.upsertTag({ ...t, active: true, sort: i }));
  for (const content of DEFAULT_TEMPLATES) {
    const templateId = app.newId();
    const versionId = app.newId();
    repos.standards.createTemplate({ id: templateId, name: content.name, builtin: true, now });
    const json = contentJson(content);
    repos.standards.createDraft({
      id: versionId,
      templateId,
      content: json,
      contentSha256: contentHash(json),
      basedOn: null,
      createdBy: null,
      now,
    });
    repos.standards.publish(versionId, templateId, null, now);
  }
  repos.settings.set(SETTING_STANDARDS_SEEDED, now);
}
