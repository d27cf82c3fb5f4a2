// Use cases of the import screen: preview (read, map, check), re-map, commit, problem report.
import { translate } from '../../../core/i18n';
import type { AppContext } from '../context';
import { table, writeWorkbook } from '../files/xlsx-writer';
import type { HandlerGroup } from '../handler';
import { Importer, newStageBase } from '../import/importer';
import { readSpreadsheet } from '../import/read-file';

export function importHandlers(
  app: AppContext,
): HandlerGroup<
  | 'imports.preview'
  | 'imports.remap'
  | 'imports.commit'
  | 'imports.problemsReport'
  | 'imports.discard'
  | 'imports.batches'
> {
  const importer = new Importer(app);
  const staging = importer.staging;

  return {
    'imports.preview': async (input, call) => {
      call.progress('importer.phase.reading', 0, null);
      const read = await readSpreadsheet(input.file, {
        encoding: input.encoding ?? 'auto',
        signal: call.signal,
        onProgress: (rows) => call.progress('importer.phase.reading', rows, null),
      });
      const base = newStageBase(input.kind, call.user.id, input.file, read);
      const staged = await importer.analyse(base, input.mapping, call.signal, call.progress);
      staging.put(staged);
      return staged.preview;
    },

    'imports.remap': async (input, call) => {
      const old = staging.get(input.previewId, call.user.id);
      const staged = await importer.analyse(
        {
          id: old.id,
          userId: old.userId,
          kind: old.kind,
          fileName: old.fileName,
          sha256: old.sha256,
          read: old.read,
          createdAt: old.createdAt,
        },
        input.mapping,
        call.signal,
        call.progress,
      );
      staging.put(staged);
      return staged.preview;
    },

    'imports.commit': (input, call) => {
      const staged = staging.get(input.previewId, call.user.id);
      call.progress('importer.phase.writing', 0, staged.rows.length);
      const result = importer.commit(staged, input.departments, call.user);
      call.progress('importer.phase.writing', staged.rows.length, staged.rows.length);
      staging.discard(staged.id);
      return result;
    },

    'imports.problemsReport': async (input, call) => {
      const staged = staging.get(input.previewId, call.user.id);
      const t = (key: string, params?: Record<string, string | number>) =>
        translate(input.locale, key, params);
      const bytes = await writeWorkbook([
        table({
          name: t('importer.report.sheet'),
          title: t('importer.report.title', { file: staged.fileName }),
          columns: [
            { header: t('importer.report.row'), width: 8, value: (p) => p.rowNumber },
            { header: t('importer.report.column'), width: 8, value: (p) => p.columnLetter },
            { header: t('importer.report.header'), width: 16, value: (p) => p.header },
            {
              header: t('importer.report.severity'),
              width: 8,
              value: (p) => t(`importer.severity.${p.severity}`),
            },
            { header: t('importer.report.value'), width: 24, value: (p) => p.value },
            { header: t('importer.report.problem'), width: 60, value: (p) => t(p.key, p.params) },
            {
              header: t('importer.report.hint'),
              width: 60,
              value: (p) => (p.hintKey ? t(p.hintKey, p.hintParams) : null),
            },
          ],
          rows: staged.problems,
        }),
      ]);
      const base = staged.fileName.replace(/\.[^.]+$/, '');
      return { fileName: `${base}-${t('importer.report.suffix')}.xlsx`, bytes };
    },

    'imports.discard': (input, call) => {
      staging.get(input.previewId, call.user.id);
      staging.discard(input.previewId);
      return { ok: true as const };
    },

    'imports.batches': () => ({ batches: app.repos.imports.recentBatches(50) }),
  };
}
