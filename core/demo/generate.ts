// The demo workspace (示例数据): a realistic district with 30 enforcement departments, about 90
// evaluators and a year of case files, generated deterministically from a seed so that tests and
// benchmarks get the same data every time. Every name, number and party is invented.
import type { CaseDraft } from '../import/types';

export interface DemoDepartment {
  name: string;
  shortName: string;
  /** What the department mostly decides: causes of its penalty files and items of its permits. */
  penalties: readonly string[];
  permits: readonly string[];
}

export interface DemoPerson {
  name: string;
  departmentName: string;
  position: string;
  legalOfficer: boolean;
  certNo: string;
  phone: string;
}

export interface DemoAccount {
  username: string;
  displayName: string;
  role: 'coordinator' | 'evaluator';
  /** Index into people, for evaluator accounts linked to a person of the pool. */
  personIndex: number | null;
}

/** The documented password of every demo account (README, first-run page). */
export const DEMO_PASSWORD = 'demo2025';
export const DEMO_ORG_NAME = '东湖区司法局';

const D = (
  name: string,
  shortName: string,
  penalties: string[],
  permits: string[],
): DemoDepartment => ({
  name: `东湖区${name}`,
  shortName,
  penalties,
  permits,
});

export const DEMO_DEPARTMENTS: readonly DemoDepartment[] = [
  D(
    '市场监督管理局',
    '东市监',
    ['销售过期食品', '价格欺诈', '未取得许可从事经营活动', '虚假宣传'],
    ['食品经营许可'],
  ),
  D('生态环境分局', '东环', ['超标排放大气污染物', '未批先建', '违法倾倒固体废物'], ['排污许可']),
  D(
    '城市管理综合行政执法局',
    '东城管',
    ['违规设置户外广告', '违法建设', '占道经营'],
    ['城市建筑垃圾处置核准'],
  ),
  D(
    '交通运输局',
    '东交',
    ['道路运输车辆超限', '非法营运', '未按规定维护车辆'],
    ['道路运输经营许可'],
  ),
  D(
    '文化和旅游局',
    '东文旅',
    ['无证经营网吧', '擅自从事营业性演出'],
    ['娱乐场所经营许可', '营业性演出许可'],
  ),
  D(
    '应急管理局',
    '东应急',
    ['未按规定开展安全生产培训', '未落实安全生产责任制'],
    ['危险化学品经营许可'],
  ),
  D(
    '卫生健康委员会',
    '东卫健',
    ['非法行医', '公共场所卫生不合格'],
    ['公共场所卫生许可', '医疗机构执业登记'],
  ),
  D('自然资源分局', '东自然资', ['违法占用耕地', '非法采矿'], ['建设用地规划许可']),
  D('住房和城乡建设局', '东住建', ['未取得施工许可擅自施工', '违规转包工程'], ['建筑工程施工许可']),
  D('农业农村局', '东农', ['销售假劣农药', '违规使用兽药'], ['农药经营许可', '种子生产经营许可']),
  D('水务局', '东水', ['违法取水', '非法采砂'], ['取水许可']),
  D('人力资源和社会保障局', '东人社', ['拖欠劳动者工资', '违法使用童工'], ['人力资源服务许可']),
  D('教育局', '东教', ['违规举办校外培训'], ['民办学校办学许可']),
  D('民政局', '东民', ['违规开展殡葬服务', '社会组织违规活动'], ['养老机构备案', '社会团体登记']),
  D('商务局', '东商', ['违规开展单用途预付卡业务', '违规经营成品油'], ['成品油零售经营许可']),
  D('发展和改革委员会', '东发改', ['价格违法行为', '违规招标'], ['固定资产投资项目核准']),
  D('医疗保障局', '东医保', ['虚构交易骗取医保基金', '违规收费'], ['定点医药机构协议']),
  D('林业和园林局', '东林', ['擅自改变林地用途', '滥伐林木'], ['林木采伐许可']),
  D(
    '消防救援大队',
    '东消',
    ['消防设施未保持完好', '占用疏散通道'],
    ['公众聚集场所投入使用前消防安全检查'],
  ),
  D('体育局', '东体', ['未经许可经营高危险性体育项目'], ['高危险性体育项目经营许可']),
  D('统计局', '东统', ['统计造假', '拒报统计资料'], []),
  D('财政局', '东财', ['违规代理记账', '政府采购违法'], ['代理记账机构审批']),
  D('民族宗教事务局', '东宗', ['擅自举行宗教活动'], ['宗教活动场所筹备设立审批']),
  D('档案局', '东档', ['违规处置档案'], []),
  D('气象局', '东气', ['违规施放气球'], ['升放无人驾驶自由气球许可']),
  D('烟草专卖局', '东烟', ['无证经营烟草制品', '销售假冒卷烟'], ['烟草专卖零售许可']),
  D('司法局', '东司', ['律师事务所违规执业'], ['基层法律服务工作者执业核准']),
  D('退役军人事务局', '东退役', ['违规使用优抚资金'], ['光荣院设立审批']),
  D('审计局', '东审', ['拒绝提供审计资料'], []),
  D(
    '公安分局',
    '东公',
    ['违规燃放烟花爆竹', '违反治安管理'],
    ['烟花爆竹道路运输许可', '剧毒化学品购买许可'],
  ),
];

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉婷健俊飞帆雪琳晨宇浩然凯博文斌海峰波宁欣怡佳慧颖晓东亮';
const SHOPS = [
  '便利店',
  '餐饮管理有限公司',
  '建筑工程有限公司',
  '商贸有限公司',
  '食品店',
  '药房',
  '汽车运输有限公司',
  '网络科技有限公司',
  '装饰工程有限公司',
  '酒店管理有限公司',
  '娱乐有限公司',
  '农资经营部',
];
const BRANDS = [
  '宏达',
  '瑞丰',
  '安康',
  '鑫源',
  '华泰',
  '顺达',
  '永安',
  '天成',
  '恒信',
  '佳禾',
  '福满',
  '博远',
  '金鼎',
  '惠民',
  '新兴',
  '兴旺',
];
const PENALTY_KINDS = [
  '警告',
  '罚款',
  '罚款、没收违法所得',
  '没收非法财物、罚款',
  '责令停产停业、罚款',
  '吊销许可证件',
];
const COERCION = ['查封违法建设施工设备', '扣押涉案物品', '加处罚款', '强制拆除违法建筑'];
const BASES = [
  '《中华人民共和国食品安全法》第一百二十四条',
  '《中华人民共和国大气污染防治法》第九十九条',
  '《中华人民共和国安全生产法》第九十七条',
  '《中华人民共和国行政许可法》第三十八条',
  '《城市市容和环境卫生管理条例》第三十六条',
  '《中华人民共和国行政强制法》第四十四条',
];

/** mulberry32: small, fast, good enough for demo data, and the same everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function picker(rand: () => number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const person = () =>
    pick([...SURNAMES]) + pick([...GIVEN]) + (rand() < 0.6 ? pick([...GIVEN]) : '');
  return { pick, int, person };
}

const pad = (n: number) => String(n).padStart(2, '0');
function isoDay(year: number, dayOfYear: number): string {
  const d = new Date(Date.UTC(year, 0, 1) + dayOfYear * 86400000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function generatePeople(seed = 2025, perDepartment = 3): DemoPerson[] {
  const rand = seededRandom(seed);
  const { pick, int, person } = picker(rand);
  const people: DemoPerson[] = [];
  const certs = new Set<string>();
  for (const d of DEMO_DEPARTMENTS) {
    for (let i = 0; i < perDepartment; i++) {
      let cert: string;
      do cert = String(int(11000000, 11999999));
      while (certs.has(cert));
      certs.add(cert);
      people.push({
        name: person(),
        departmentName: d.name,
        position: i === 0 ? '法制员' : pick(['执法骨干', '科长', '法制员', '副科长']),
        legalOfficer: i === 0 || rand() < 0.45,
        certNo: cert,
        phone: `1${pick(['3', '5', '8'])}${String(int(100000000, 999999999))}`,
      });
    }
  }
  return people;
}

/** `count` case files decided in `year`, spread over the departments by a skewed volume. */
export function generateCases(
  count: number,
  opts: { seed?: number; year?: number } = {},
): CaseDraft[] {
  const rand = seededRandom(opts.seed ?? 20251231);
  const { pick, int, person } = picker(rand);
  const year = opts.year ?? 2025;
  // Some departments decide far more than others (市场监管, 城管, 交通 …).
  const weights = DEMO_DEPARTMENTS.map((_d, i) => (i < 5 ? 6 : i < 12 ? 3 : 1));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const serials = new Map<string, number>();
  const out: CaseDraft[] = [];
  for (let n = 0; n < count; n++) {
    let r = rand() * totalWeight;
    let di = 0;
    while (r >= weights[di]!) r -= weights[di++]!;
    const dept = DEMO_DEPARTMENTS[di]!;
    const roll = rand();
    const type =
      dept.permits.length === 0 || roll < 0.66 ? 'penalty' : roll < 0.92 ? 'permit' : 'coercion';
    const word = type === 'penalty' ? '处罚' : type === 'permit' ? '许' : '强';
    const key = `${dept.shortName}${word}`;
    const serial = (serials.get(key) ?? 0) + 1;
    serials.set(key, serial);
    const filed = int(0, 330);
    const decided = Math.min(364, filed + int(10, 80));
    const open = rand() < 0.07;
    const closed = open ? null : decided + int(5, 40);
    const company = rand() < 0.7;
    const party = company ? `东湖区${pick(BRANDS)}${pick(SHOPS)}` : person();
    const simple = type === 'penalty' && rand() < 0.15;
    const amountFen =
      type !== 'penalty'
        ? null
        : simple
          ? int(1, 20) * 1000
          : rand() < 0.1
            ? null
            : int(5, 2000) * 10000;
    out.push({
      caseNo: `${key}〔${year}〕${serial}号`,
      caseNoRaw: `${key}〔${year}〕${serial}号`,
      year,
      filingNo: `${dept.shortName}立〔${year}〕${int(1, 999)}号`,
      caseType: type,
      procedure:
        type === 'penalty' ? (simple ? 'simple' : 'normal') : type === 'coercion' ? 'normal' : null,
      cause:
        type === 'penalty'
          ? pick(dept.penalties)
          : type === 'permit'
            ? pick(dept.permits)
            : pick(COERCION),
      partyName: party,
      partyType: company ? (party.endsWith('公司') ? '法人' : '个体工商户') : '自然人',
      partyCode: company
        ? `91${int(100000, 999999)}MA${int(10000000, 99999999)}${pick(['X', 'U', 'H', 'L'])}`
        : null,
      departmentName: dept.name,
      handlers: `${person()}、${person()}`,
      handlerCertNos: `${int(11000000, 11999999)}、${int(11000000, 11999999)}`,
      filedOn: isoDay(year, filed),
      decidedOn: isoDay(year, decided),
      closedOn: closed === null ? null : isoDay(year, closed),
      penaltyKinds: type === 'penalty' ? (simple ? '警告' : pick(PENALTY_KINDS)) : null,
      amountFen,
      legalBasis: pick(BASES),
      status: open ? 'open' : 'closed',
      pageCount: simple ? int(4, 12) : int(20, 160),
      caseUid: null,
      notes: null,
    });
  }
  return out;
}

/** One coordinator and five evaluators from five different departments' legal officers. */
export function demoAccounts(people: readonly DemoPerson[]): DemoAccount[] {
  const accounts: DemoAccount[] = [
    { username: 'zuzhi', displayName: '王明', role: 'coordinator', personIndex: null },
  ];
  const picks = [0, 3, 9, 15, 21];
  picks.forEach((deptIndex, i) => {
    const personIndex = people.findIndex(
      (p) => p.departmentName === DEMO_DEPARTMENTS[deptIndex]!.name && p.legalOfficer,
    );
    accounts.push({
      username: `pingcha${i + 1}`,
      displayName: people[personIndex]!.name,
      role: 'evaluator',
      personIndex,
    });
  });
  return accounts;
}
