// The three built-in templates (domain.md §7.1–7.3): 行政处罚（普通程序）, 行政许可, 行政强制. Point
// values follow the domain brief's composition; the wording is this app's own, not a copy of any
// published standard (domain.md §1.1: none may be labelled as such). Offices adapt them or enter
// their province's standard.
import {
  BAND_PRESETS,
  TEMPLATE_FORMAT,
  type Category,
  type Item,
  type TemplateContent,
  type VetoItem,
} from './model';

const pt = (points: number) => Math.round(points * 10);

function fixed(
  code: string,
  text: string,
  max: number,
  deduct: number,
  tags: string[],
  extra: Partial<Item> = {},
): Item {
  return {
    code,
    text,
    max: pt(max),
    mode: 'fixed',
    deduct: pt(deduct),
    overflow: 'cap',
    naFullMarks: false,
    tags,
    guidance: '',
    ...extra,
  };
}
function each(
  code: string,
  text: string,
  max: number,
  unit: number,
  tags: string[],
  extra: Partial<Item> = {},
): Item {
  return {
    code,
    text,
    max: pt(max),
    mode: 'per_occurrence',
    unit: pt(unit),
    overflow: 'cap',
    naFullMarks: false,
    tags,
    guidance: '',
    ...extra,
  };
}
function range(
  code: string,
  text: string,
  max: number,
  min: number,
  rangeMax: number,
  tags: string[],
): Item {
  return {
    code,
    text,
    max: pt(max),
    mode: 'range',
    rangeMin: pt(min),
    rangeMax: pt(rangeMax),
    step: 5,
    overflow: 'cap',
    naFullMarks: false,
    tags,
    guidance: '',
  };
}
const na = { naFullMarks: true };
function veto(code: string, text: string, tags: string[]): VetoItem {
  return { code, text, effect: 'zero', tags, guidance: '' };
}
function category(code: string, name: string, max: number, items: Item[]): Category {
  return { code, name, max: pt(max), items };
}

/** 立卷 block shared by the penalty and coercion templates. */
function filingItems(prefix: string): Item[] {
  return [
    fixed(`${prefix}1`, '执法文书采用规定的格式', 2, 2, ['E01']),
    each(`${prefix}2`, '文书各栏填写齐全，表述清楚，用语规范', 4, 1, ['E03', 'E04']),
    fixed(`${prefix}3`, '一件案件单独立一卷', 2, 1, ['F01']),
    fixed(`${prefix}4`, '使用统一卷皮，封面各项填写完整', 1, 1, ['E09']),
    each(`${prefix}5`, '卷内目录逐项填写，与材料及页码一致', 2, 1, ['F02']),
    fixed(`${prefix}6`, '材料按办案环节先后排列，正卷、副卷分开', 1, 1, ['F04']),
    each(
      `${prefix}7`,
      '卷内材料逐页编号（阿拉伯数字，有文字的页面右下角；封面、目录、备考表不编号）',
      2,
      1,
      ['F03'],
    ),
    each(`${prefix}8`, '装订整齐、不留金属物，纸张完好、规格一致', 2, 1, ['F05']),
    fixed(`${prefix}9`, '书写材料耐久（铅笔、圆珠笔书写的材料复印后入卷）', 1, 1, ['F07']),
    fixed(`${prefix}10`, '填写卷内备考表', 1, 1, ['F08']),
    each(`${prefix}11`, '证据材料齐全、无漏装，复印件注明出处并经核对', 2, 1, ['F06', 'B05']),
  ];
}

/** Fields every default shares (fresh arrays each time: templates are edited as data). */
const common = (): Pick<
  TemplateContent,
  'format' | 'total' | 'bands' | 'bonus' | 'description'
> => ({
  format: TEMPLATE_FORMAT,
  total: 1000,
  bands: BAND_PRESETS.four.map((b) => ({ ...b })),
  bonus: { enabled: false, cap: 50, items: [] },
  description: '本软件内置的默认标准，分值为示例组合，请按本地评查办法调整后使用。',
});

export const DEFAULT_PENALTY: TemplateContent = {
  ...common(),
  name: '行政处罚案卷评查标准（普通程序）— 默认',
  appliesTo: { caseTypes: ['penalty'], procedures: ['normal'] },
  vetoItems: [
    veto('V1', '作出处罚的机关没有该项处罚权或超越职权，或者委托执法不符合法律规定', [
      'A01',
      'A02',
    ]),
    veto('V2', '承办人员不具备执法资格，或调查取证、检查时执法人员不足两名', ['A03', 'A04']),
    veto('V3', '处罚对象认定错误', ['A06']),
    veto('V4', '主要违法事实没有查清，或者对违法行为定性错误', ['B01', 'C09']),
    veto('V5', '主要证据不足，或者证据系伪造、以非法手段取得', ['B04']),
    veto('V6', '超过追诉时效仍然作出处罚', ['B10']),
    veto('V7', '没有法律依据、依据已失效，或者适用的法律、条款错误', ['C01', 'C02']),
    veto('V8', '处罚种类或幅度超出法定范围，或者对同一违法行为重复罚款', ['C07', 'C08']),
    veto(
      'V9',
      '程序严重违法：未告知陈述申辩权；应告知听证未告知或应听证未听证；应经法制审核或集体讨论而未经；先作决定后立案等程序倒置',
      ['D05', 'D07', 'D09', 'D10', 'D03'],
    ),
    veto('V10', '涉嫌犯罪、依法应当移送司法机关而未移送', ['D17']),
  ],
  categories: [
    category('A', '实体', 30, [
      each('A1', '违法行为的时间、地点、情节、后果认定准确，表述完整', 6, 2, ['B02']),
      each(
        'A2',
        '证据合法、真实、与案件相关，证据链完整（含主体资格证明、违法所得或货值认定）',
        10,
        2,
        ['B04', 'B05', 'A08', 'B03'],
      ),
      each('A3', '法律依据写明全称和条、款、项，违法条款与处罚条款分别列明', 6, 2, ['C03', 'C04']),
      range('A4', '适用裁量基准，说明从轻、减轻、从重等情节及理由，罚当其过', 8, 2, 8, [
        'C05',
        'C06',
      ]),
    ]),
    category('B', '程序', 50, [
      each('B1', '案源登记、立案审批及时，负责人审批意见和签名齐全', 4, 1, ['D01', 'D02']),
      each(
        'B2',
        '调查取证规范：出示证件，笔录写明起止时间、逐页签名、修改处确认，现场检查有记录',
        8,
        1,
        ['B06', 'B07', 'B08'],
      ),
      each(
        'B3',
        '采取行政强制措施或先行登记保存经过审批，在期限内处理，清单完整',
        4,
        1,
        ['D04'],
        na,
      ),
      each('B4', '调查终结报告和案件审核意见完整', 3, 1, ['E03']),
      each('B5', '重大执法决定有完整、规范的法制审核意见', 5, 1, ['D09'], na),
      fixed('B6', '情节复杂或者重大的案件经负责人集体讨论并有记录', 3, 3, ['D10'], na),
      each('B7', '事先告知拟作出的处罚内容、事实、理由、依据和陈述申辩、听证权利', 6, 2, [
        'D05',
        'D06',
        'D07',
      ]),
      each('B8', '当事人的陈述申辩或听证有记录，并经过复核', 4, 2, ['D08']),
      each(
        'B9',
        '处罚决定书要素齐全（当事人、事实证据、种类依据、履行方式和期限、救济途径和期限、机关和日期、印章），说理充分',
        5,
        1,
        ['E05', 'E06', 'E08'],
      ),
      each('B10', '文书按法定期限和方式送达，送达回证签收完整、文书名称一致', 4, 1, ['D12']),
      each('B11', '执行到位：罚缴分离、缴款凭证、罚没物品处置、结案报告、依法公示', 4, 1, [
        'D13',
        'D14',
        'D15',
        'D16',
      ]),
    ]),
    category('C', '立卷', 20, filingItems('C')),
  ],
};

export const DEFAULT_PERMIT: TemplateContent = {
  ...common(),
  name: '行政许可案卷评查标准 — 默认',
  appliesTo: { caseTypes: ['permit'], procedures: [] },
  vetoItems: [
    veto('LV1', '实施许可的机关不具备法定资格或超越权限', ['A01']),
    veto('LV2', '许可事项没有合法的设定依据，或者未依法公布', ['C01']),
    veto('LV3', '适用的依据错误或已失效（包括技术标准引用错误）', ['C01', 'C02']),
    veto('LV4', '对不符合法定条件的申请准予许可，或对符合条件的申请不予许可', ['C09']),
    veto('LV5', '依法应当听证、招标、拍卖或考试等而未适用该程序', ['D07']),
    veto('LV6', '实质核查的人员不足两名或不具备执法资格', ['G03', 'A03']),
    veto('LV7', '没有法律、行政法规依据收取费用', ['G09']),
  ],
  categories: [
    category('A', '申请与受理', 20, [
      each('A1', '申请书和申请材料齐全，格式文本不含与许可无关的内容', 4, 1, ['E03']),
      each('A2', '出具材料接收凭证（材料清单、收件日期、复印件核对、双方签字或盖章）', 3, 1, [
        'G02',
      ]),
      fixed('A3', '材料不全的，当场或五日内一次性书面告知需要补正的全部内容', 5, 5, ['G01'], {
        partialUnit: 10,
      }),
      each('A4', '受理或不予受理的书面凭证加盖专用印章、注明日期，不予受理的说明理由', 6, 2, [
        'G02',
        'G11',
      ]),
      each('A5', '受理审批有承办、审核、审批意见', 2, 1, ['G07']),
    ]),
    category('B', '审查', 30, [
      each('B1', '有书面审查记录和审查意见', 4, 1, ['E03']),
      each(
        'B2',
        '实地核查由两名以上人员进行，核查笔录要素齐全（证件、起止时间和地点、内容、签名）',
        8,
        2,
        ['G03'],
        na,
      ),
      each('B3', '涉及他人重大利益的，告知利害关系人并听取陈述申辩', 4, 2, ['G04'], na),
      each('B4', '依法告知听证权利并按程序组织听证', 4, 2, ['D07'], na),
      fixed('B5', '检验、检测、鉴定、专家评审等所需时间书面告知申请人', 3, 3, ['G10'], na),
      each('B6', '逐级审批写明意见、签名和时间（不得只签名）', 5, 1, ['G07']),
      fixed('B7', '在法定或承诺期限内审结；延期的经负责人批准并告知申请人', 2, 2, ['G05', 'G06']),
    ]),
    category('C', '决定与送达', 30, [
      each(
        'C1',
        '准予或不予许可的决定以书面作出，要素齐全（事项、依据、有效期、印章、日期）',
        8,
        2,
        ['E03', 'E08'],
      ),
      fixed('C2', '不予许可的说明理由并告知申请行政复议、提起诉讼的权利', 5, 5, ['G11'], na),
      each('C3', '许可证件加盖印章并在法定期限内颁发', 5, 2, ['G08'], na),
      each('C4', '送达回证完整（送达方式、签收人、日期）', 5, 1, ['D12']),
      fixed('C5', '收费有依据并使用合法票据（不收费的得满分）', 3, 3, ['G09'], na),
      fixed('C6', '依法公示许可结果', 2, 2, ['D16']),
      fixed('C7', '对被许可人监督检查的记录归入案卷（如适用）', 2, 2, ['F06'], na),
    ]),
    category('D', '立卷归档', 20, [
      each('D1', '使用规定格式文书，填写规范', 2, 1, ['E01', 'E03']),
      fixed('D2', '一件案件单独立一卷', 2, 2, ['F01']),
      fixed('D3', '使用统一规范的卷皮', 2, 2, ['E09']),
      each('D4', '卷内目录填写规范', 2, 1, ['F02']),
      each('D5', '材料按受理、审查、决定、送达的顺序排列', 3, 1, ['F04']),
      each('D6', '卷内材料编写页号', 3, 1, ['F03']),
      fixed('D7', '装订整齐，不留金属物', 2, 2, ['F05']),
      fixed('D8', '纸张无破损、规格统一', 2, 2, ['F05']),
      fixed('D9', '书写材料耐久，打印清晰', 1, 1, ['F07']),
      fixed('D10', '填写卷内备考表', 1, 1, ['F08']),
    ]),
  ],
};

export const DEFAULT_COERCION: TemplateContent = {
  ...common(),
  name: '行政强制执行案卷评查标准 — 默认',
  description:
    '本软件内置的默认标准，分值为示例组合，请按本地评查办法调整后使用。查封、扣押、冻结等强制措施案卷可复制本标准后调整。',
  appliesTo: { caseTypes: ['coercion'], procedures: [] },
  vetoItems: [
    veto('SV1', '执行机关没有法律授予的强制执行权（应申请人民法院执行而自行执行）', ['H09']),
    veto('SV2', '据以执行的行政决定尚未生效、未送达，或当事人的履行期限尚未届满', ['D03']),
    veto('SV3', '未经书面催告即作出强制执行决定（催告期间有转移、隐匿财物证据的立即执行除外）', [
      'H01',
    ]),
    veto('SV4', '没有书面的强制执行决定', ['H04']),
    veto(
      'SV5',
      '在夜间或法定节假日实施（情况紧急的除外），或以停止供水、供电、供热、供燃气的方式迫使当事人履行',
      ['H05'],
    ),
    veto('SV6', '执行人员不具备执法资格', ['A03']),
    veto('SV7', '适用的法律依据错误，或执行超出行政决定确定的义务范围', ['C02']),
  ],
  categories: [
    category('A', '前提与依据', 20, [
      each('A1', '据以执行的行政决定书及其送达凭证已入卷', 6, 2, ['F06', 'D12']),
      fixed('A2', '有履行期限届满而未履行的证明材料', 4, 4, ['B04']),
      each('A3', '法律依据引用准确、完整', 6, 2, ['C03']),
      range('A4', '强制方式适当（非强制手段可以达到目的的不采取强制）', 4, 1, 4, ['C05']),
    ]),
    category('B', '催告与陈述申辩', 25, [
      each(
        'B1',
        '催告书要素齐全（履行期限、履行方式、金钱给付的金额和方式、陈述申辩权）',
        10,
        2.5,
        ['H02'],
      ),
      each('B2', '催告书依法送达', 4, 2, ['D12']),
      each('B3', '陈述申辩有记录，所提事实、理由、证据经过复核，成立的予以采纳', 6, 2, ['H03']),
      fixed('B4', '立即执行的，有转移或隐匿财物的证据（不适用的得满分）', 5, 5, ['B04'], na),
    ]),
    category('C', '决定与实施', 35, [
      each(
        'C1',
        '强制执行决定书要素齐全（当事人及地址、理由和依据、方式和时间、救济途径和期限、机关名称、印章、日期）',
        10,
        2,
        ['H04'],
      ),
      each('C2', '决定书依法送达', 4, 2, ['D12']),
      fixed('C3', '经行政机关负责人批准', 4, 4, ['D09']),
      each('C4', '实施过程记录完整（现场笔录、全过程音像记录、见证人）', 6, 2, ['D18', 'F10']),
      each(
        'C5',
        '中止、终结、执行和解、代履行等依法办理并有书面记录（如适用）',
        6,
        2,
        ['H07', 'H08'],
        na,
      ),
      fixed('C6', '加处罚款或滞纳金的数额不超过金钱给付义务的本金（如适用）', 5, 5, ['H06'], na),
    ]),
    category('D', '立卷归档', 20, filingItems('D')),
  ],
};

export const DEFAULT_TEMPLATES: readonly TemplateContent[] = [
  DEFAULT_PENALTY,
  DEFAULT_PERMIT,
  DEFAULT_COERCION,
];
