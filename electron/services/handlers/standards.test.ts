import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TemplateSummary, TemplateVersion } from '../../../core/api/methods/standards';
import { DEFAULT_PENALTY } from '../../../core/standards/defaults';
import { cloneTemplate } from '../../../core/standards/model';
import { ZipReader } from '../import/zip';
import { tableCounts, testApp, type TestApp } from '../testing';

let t: TestApp;
let s: string;
beforeEach(async () => {
  t = await testApp();
  s = await t.setupCoordinator();
});
afterEach(() => t.cleanup());

const list = async () =>
  (await t.ok<{ templates: TemplateSummary[] }>('standards.list', {}, s)).templates;
const get = (versionId: string) => t.ok<TemplateVersion>('standards.get', { versionId }, s);

describe('built-in standards', () => {
  it('a new workspace has the three defaults published as version 1, and the tag vocabulary', async () => {
    const templates = await list();
    expect(templates.map((x) => [x.name, x.latestVersion, x.builtin, x.caseTypes])).toEqual([
      ['行政处罚案卷评查标准（普通程序）— 默认', 1, true, ['penalty']],
      ['行政强制执行案卷评查标准 — 默认', 1, true, ['coercion']],
      ['行政许可案卷评查标准 — 默认', 1, true, ['permit']],
    ]);
    const tags = await t.ok<{ groups: unknown[]; tags: unknown[] }>('tags.list', {}, s);
    expect(tags.groups).toHaveLength(8);
    expect(tags.tags.length).toBeGreaterThan(80);
  });
});

describe('drafts and published versions', () => {
  it('publishing freezes a version; a new draft changes, the published version does not', async () => {
    const created = await t.ok<TemplateVersion>(
      'standards.create',
      { name: '本市处罚标准', preset: 'penalty' },
      s,
    );
    expect(created).toMatchObject({ status: 'draft', version: null, problems: [] });
    const published = await t.ok<TemplateVersion>(
      'standards.publish',
      { versionId: created.id },
      s,
    );
    expect(published).toMatchObject({ status: 'published', version: 1 });

    // The published version refuses changes, through the API and in SQL.
    const edit = await t.call(
      'standards.saveDraft',
      {
        versionId: published.id,
        content: published.content,
        expectedSha256: published.contentSha256,
      },
      s,
    );
    expect(!edit.ok && edit.error.key).toBe('errors.versionPublished');
    expect(() =>
      t.app.context.db
        .prepare("UPDATE template_versions SET content = '{}' WHERE id = ?")
        .run(published.id),
    ).toThrow(/immutable/);

    const draft = await t.ok<TemplateVersion>('standards.newDraft', { versionId: published.id }, s);
    const changed = cloneTemplate(draft.content);
    changed.categories[0]!.items[0]!.text = '违法事实认定准确';
    const saved = await t.ok<TemplateVersion>(
      'standards.saveDraft',
      { versionId: draft.id, content: changed, expectedSha256: draft.contentSha256 },
      s,
    );
    expect(saved.content.categories[0]!.items[0]!.text).toBe('违法事实认定准确');
    expect((await get(published.id)).content).toEqual(published.content);
    expect((await get(published.id)).contentSha256).toBe(published.contentSha256);

    const second = await t.ok<TemplateVersion>('standards.publish', { versionId: draft.id }, s);
    expect(second.version).toBe(2);
    const again = await t.call('standards.newDraft', { versionId: published.id }, s);
    expect(again.ok).toBe(true);
    const twice = await t.call('standards.newDraft', { versionId: published.id }, s);
    expect(!twice.ok && twice.error.key).toBe('errors.draftExists');
  });

  it('refuses to publish an invalid draft and names every problem', async () => {
    const created = await t.ok<TemplateVersion>(
      'standards.create',
      { name: '空白', preset: 'blank' },
      s,
    );
    expect(created.problems.map((p) => p.key)).toContain('standards.problems.categoryEmpty');
    const r = await t.call('standards.publish', { versionId: created.id }, s);
    expect(!r.ok && r.error).toMatchObject({ code: 'VALIDATION', key: 'errors.templateInvalid' });
    expect(!r.ok && r.error.fieldErrors?.[0]).toMatchObject({
      path: 'categories.0.items',
      key: 'standards.problems.categoryEmpty',
    });
  });

  it('refuses a save over someone else’s newer save', async () => {
    const d = await t.ok<TemplateVersion>('standards.create', { name: 'x', preset: 'permit' }, s);
    const c1 = cloneTemplate(d.content);
    c1.description = 'first';
    await t.ok(
      'standards.saveDraft',
      { versionId: d.id, content: c1, expectedSha256: d.contentSha256 },
      s,
    );
    t.clock.advance(1000);
    const r = await t.call(
      'standards.saveDraft',
      { versionId: d.id, content: d.content, expectedSha256: d.contentSha256 },
      s,
    );
    expect(!r.ok && r.error.key).toBe('errors.draftChanged');
  });

  it('copies a version into a new template, retires and discards', async () => {
    const [first] = await list();
    const copy = await t.ok<TemplateVersion>(
      'standards.copy',
      { versionId: first!.latestVersionId!, name: '副本' },
      s,
    );
    expect(copy.content.name).toBe('副本');
    expect(copy.basedOn).toBe(first!.latestVersionId);
    await t.ok('standards.retire', { templateId: first!.id, retired: true }, s);
    expect((await list()).find((x) => x.id === first!.id)!.retired).toBe(true);
    await t.ok('standards.discardDraft', { versionId: copy.id }, s);
    expect((await list()).some((x) => x.name === '副本')).toBe(false);
  });
});

describe('import and export', () => {
  it('JSON export then import gives the same content', async () => {
    const [first] = await list();
    const file = await t.ok<{ fileName: string; bytes: Uint8Array }>(
      'standards.exportJson',
      { versionId: first!.latestVersionId! },
      s,
    );
    const imported = await t.ok<TemplateVersion>('standards.import', { file }, s);
    expect(imported.content).toEqual((await get(first!.latestVersionId!)).content);
  });

  it('XLSX export then import gives the same content, in both languages', async () => {
    for (const [preset, locale] of [
      ['penalty', 'zh-CN'],
      ['permit', 'en-US'],
      ['coercion', 'zh-CN'],
    ] as const) {
      const d = await t.ok<TemplateVersion>('standards.create', { name: `T-${preset}`, preset }, s);
      const content = cloneTemplate(d.content);
      content.bonus = {
        enabled: true,
        cap: 30,
        items: [{ code: 'J1', text: '全过程记录规范', points: 20, tags: ['D18'], guidance: '' }],
      };
      content.vetoItems[0]!.effect = 'block_excellent';
      content.categories[0]!.items[0]!.guidance = '注意核对笔录';
      const saved = await t.ok<TemplateVersion>(
        'standards.saveDraft',
        { versionId: d.id, content, expectedSha256: d.contentSha256 },
        s,
      );
      const file = await t.ok<{ fileName: string; bytes: Uint8Array }>(
        'standards.exportXlsx',
        { versionId: d.id, locale },
        s,
      );
      const back = await t.ok<TemplateVersion>('standards.import', { file }, s);
      expect(back.content).toEqual(saved.content);
    }
  });

  it('an XLSX typed by hand with mistakes is refused with every problem by sheet, row and column, and changes nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const items = wb.addWorksheet('评查项目');
    items.addRow(['类别名称', '项目编号', '评查内容', '满分', '扣分方式', '扣分值']);
    items.addRow(['实体', 'A1', '事实清楚', '6', '按处扣分', '2']);
    items.addRow(['实体', 'A2', '证据充分', '六', '按处扣分', '2']);
    items.addRow(['实体', 'A3', '', '4', '按次扣', '1']);
    wb.addWorksheet('等次').addRow(['等次', '分数线']);
    wb.addWorksheet('基本信息').addRow(['项目', '内容']);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const before = tableCounts(t.app);
    const r = await t.call('standards.import', { file: { fileName: '手填标准.xlsx', bytes } }, s);
    expect(!r.ok && r.error.key).toBe('errors.standardFileInvalid');
    expect(!r.ok && r.error.fieldErrors?.map((f) => [f.path, f.key])).toEqual([
      ['评查项目!D3', 'standards.import.notPoints'],
      ['评查项目!E4', 'standards.import.badMode'],
      ['评查项目!C4', 'standards.import.required'],
      ['基本信息', 'standards.import.required'],
    ]);
    expect(tableCounts(t.app)).toEqual(before);
  });

  it('the printable standard is a DOCX with the items and the veto list', async () => {
    const [first] = await list();
    const file = await t.ok<{ fileName: string; bytes: Uint8Array }>(
      'standards.exportDocx',
      { versionId: first!.latestVersionId!, locale: 'zh-CN' },
      s,
    );
    expect(file.fileName).toBe('行政处罚案卷评查标准（普通程序）— 默认.docx');
    const xml = new ZipReader(file.bytes).readText('word/document.xml');
    expect(xml).toContain('否决项（基本标准）');
    expect(xml).toContain(DEFAULT_PENALTY.categories[1]!.items[10]!.text.slice(0, 10));
    expect(xml).toContain('每处扣2分');
  });
});
