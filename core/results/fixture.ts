// Test data (used by results.test.ts and agreement.test.ts only): a small campaign whose every
// figure is worked out by hand in the tests. Two templates that share items but not bands: the
// penalty one has four bands, the permit one three bands and a bonus item.
//
//   file  department  type    sheets (points)                         result
//   f1    甲局        处罚    张三 95 (A1), 李四 93 (A1, C1×2)         mean 94.0 优秀
//   f2    甲局        处罚    王五 86 (B1×2, B2), 张三 98 (B1)         复核 arbiter 86 良好
//   f3    乙局        处罚    王五 0 (V1), 李四 0 (V1, A2)             mean 0 不合格 (veto)
//   f4    乙局        许可    李四 100 (bonus J1), 张三 99 (C1)        mean 99.5 优秀
//   f5    丙局        处罚    joint 90 (A2), signed 王五 and 张三       joint 90 优秀
//   f6    丙局        处罚    李四 80 (A1×4) submitted, 王五 open      waiting
//   f7    丁局        处罚    王五 90 (A2)                             mean 90 优秀
//   f8    丁局        处罚    王五 90 (A1×2)                           mean 90 优秀
import { BAND_PRESETS, FindingSchema, TemplateContentSchema } from '../standards/model';
import type { FindingInput, TemplateContent } from '../standards/model';
import { DEFAULT_TAG_GROUPS, DEFAULT_TAGS } from '../standards/tags';
import type { ResultsFile, ResultsInput, ResultsSheet, TagVocabulary } from './results';

const base = {
  format: 'anjuan-standard/1',
  appliesTo: {},
  total: 1000,
  vetoItems: [{ code: 'V1', text: '执法主体不合法', effect: 'zero', tags: ['A01'] }],
  categories: [
    {
      code: 'A',
      name: '实体',
      max: 500,
      items: [
        {
          code: 'A1',
          text: '违法事实表述完整',
          max: 200,
          mode: 'per_occurrence',
          unit: 50,
          tags: ['B02'],
        },
        { code: 'A2', text: '适用裁量基准', max: 300, mode: 'fixed', deduct: 100, tags: ['C05'] },
      ],
    },
    {
      code: 'B',
      name: '程序',
      max: 300,
      items: [
        {
          code: 'B1',
          text: '告知陈述申辩权',
          max: 200,
          mode: 'per_occurrence',
          unit: 20,
          tags: ['D05', 'D06'],
        },
        { code: 'B2', text: '其他程序要求', max: 100, mode: 'fixed', deduct: 100 },
      ],
    },
    {
      code: 'C',
      name: '立卷',
      max: 200,
      items: [
        {
          code: 'C1',
          text: '卷内材料逐页编号',
          max: 200,
          mode: 'per_occurrence',
          unit: 10,
          tags: ['F03'],
        },
      ],
    },
  ],
} as const;

export const PENALTY: TemplateContent = TemplateContentSchema.parse({
  ...base,
  name: '测试处罚标准',
  bands: BAND_PRESETS.four,
  bonus: { enabled: false, cap: 0, items: [] },
});

export const PERMIT: TemplateContent = TemplateContentSchema.parse({
  ...base,
  name: '测试许可标准',
  bands: BAND_PRESETS.three,
  bonus: {
    enabled: true,
    cap: 50,
    items: [{ code: 'J1', text: '三项制度落实到位', points: 20 }],
  },
});

export const VOCABULARY: TagVocabulary = { groups: DEFAULT_TAG_GROUPS, tags: DEFAULT_TAGS };

const P = { 张三: 'p1', 李四: 'p2', 王五: 'p3' } as const;
type Name = keyof typeof P;

export function sheet(
  id: string,
  name: Name | null,
  findings: FindingInput[],
  extra: Partial<ResultsSheet> = {},
): ResultsSheet {
  return {
    id,
    kind: 'evaluator',
    personId: name ? P[name] : null,
    evaluatorName: name,
    status: 'submitted',
    content: {
      findings: findings.map((f) => FindingSchema.parse(f)),
      comments: '',
      highlights: '',
    },
    ...extra,
  };
}

const item = (code: string, f: Partial<FindingInput> = {}): FindingInput =>
  ({ kind: 'item', code, reason: `${code} 理由`, ...f }) as FindingInput;

function file(
  caseId: string,
  departmentName: string,
  caseNo: string,
  permit: boolean,
  result: Partial<ResultsFile['result']>,
  sheets: ResultsSheet[],
): ResultsFile {
  return {
    caseId,
    caseNo,
    caseType: permit ? 'permit' : 'penalty',
    caseTypeName: permit ? '行政许可' : '行政处罚',
    departmentName,
    title: `${departmentName}案卷${caseId}`,
    templateKey: permit ? 'tv-permit' : 'tv-penalty',
    result: {
      state: 'final',
      total: null,
      bandIndex: null,
      grade: null,
      decision: 'mean',
      keptSheetId: null,
      ...result,
    },
    sheets,
  };
}

const fin = (total: number, bandIndex: number, grade: string) => ({ total, bandIndex, grade });

export const FILES: ResultsFile[] = [
  file('f1', '甲局', '甲罚〔2024〕1号', false, fin(940, 0, '优秀'), [
    sheet('s1a', '张三', [item('A1', { count: 1, reason: '违法地点表述不全', pages: '3' })]),
    sheet('s1b', '李四', [
      item('A1', { count: 1, reason: '', pages: '' }),
      item('C1', { count: 2 }),
    ]),
  ]),
  file(
    'f2',
    '甲局',
    '甲罚〔2024〕2号',
    false,
    { ...fin(860, 1, '良好'), decision: 'arbiter', keptSheetId: 's2x' },
    [
      sheet('s2a', '王五', [item('B1', { count: 2 }), item('B2', { missing: true })]),
      sheet('s2b', '张三', [item('B1', { count: 1 })], {
        content: {
          findings: [FindingSchema.parse(item('B1', { count: 1 }))],
          comments: '',
          highlights: '全过程记录完整',
        },
      }),
      sheet(
        's2x',
        null,
        [
          item('B1', { count: 2, reason: '未告知听证权', pages: '12' }),
          item('B2', { missing: true }),
        ],
        { kind: 'arbiter' },
      ),
    ],
  ),
  file('f3', '乙局', '乙罚〔2024〕1号', false, fin(0, 3, '不合格'), [
    sheet('s3a', '王五', [{ kind: 'veto', code: 'V1', reason: '无处罚权' }]),
    sheet('s3b', '李四', [
      { kind: 'veto', code: 'V1', reason: '超越职权' },
      item('A2', { missing: true }),
    ]),
  ]),
  file('f4', '乙局', '乙许〔2024〕1号', true, fin(995, 0, '优秀'), [
    sheet('s4a', '李四', [{ kind: 'bonus', code: 'J1', reason: '公示及时' }]),
    sheet('s4b', '张三', [item('C1', { count: 1 })]),
  ]),
  file(
    'f5',
    '丙局',
    '丙罚〔2024〕1号',
    false,
    { ...fin(900, 0, '优秀'), decision: 'joint', keptSheetId: 's5j' },
    [
      sheet('s5j', null, [item('A2', { missing: true })], {
        kind: 'joint',
        signatures: [
          { personId: P.王五, name: '王五' },
          { personId: P.张三, name: '张三' },
        ],
        content: {
          findings: [FindingSchema.parse(item('A2', { missing: true }))],
          comments: '',
          highlights: '立案及时',
        },
      }),
    ],
  ),
  file('f6', '丙局', '丙罚〔2024〕2号', false, { state: 'waiting', decision: null }, [
    sheet('s6a', '李四', [item('A1', { count: 4 })]),
    sheet('s6b', '王五', [], { status: 'open' }),
  ]),
  file('f7', '丁局', '丁罚〔2024〕1号', false, fin(900, 0, '优秀'), [
    sheet('s7a', '王五', [item('A2', { missing: true })]),
  ]),
  file('f8', '丁局', '丁罚〔2024〕2号', false, fin(900, 0, '优秀'), [
    sheet('s8a', '王五', [item('A1', { count: 2 })]),
  ]),
];

export const CAMPAIGN: ResultsInput = {
  files: FILES,
  templates: { 'tv-penalty': PENALTY, 'tv-permit': PERMIT },
  vocabulary: VOCABULARY,
};
