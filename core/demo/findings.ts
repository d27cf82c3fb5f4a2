// Typical deduction reasons of the demo workspace and the benchmarks, per problem tag
// (core/standards/tags.ts): what an evaluator writes when a file falls short of an item with that
// tag. A finding on an item takes a reason of one of the item's own tags, so the demo's score
// sheets, notice examples and problem statistics read like a real evaluation. Invented wording.
import type { Item } from '../standards/model';

const REASONS_BY_TAG: Readonly<Record<string, readonly string[]>> = {
  A08: ['卷内无当事人营业执照复印件，主体资格无法确认', '当事人身份证复印件未经核对，无核对人签名'],
  B02: ['处罚决定书未写明违法行为发生的具体地点', '调查终结报告对违法行为持续时间表述前后不一'],
  B03: ['违法所得金额未作认定，也未说明无违法所得的依据'],
  B04: [
    '认定销售数量仅有当事人陈述，无进货单据等其他证据印证',
    '现场检查照片不能反映违法事实，证据链不完整',
  ],
  B05: ['证据复印件未注明出处，无当事人签章确认', '证据材料未注明提取人和提取时间'],
  B06: [
    '询问笔录未由当事人逐页签名确认',
    '现场检查笔录未记载执法人员执法证件号码',
    '询问笔录未写明询问起止时间',
  ],
  B07: ['询问笔录未记载告知被询问人申请回避的权利'],
  B08: ['现场照片未注明拍摄时间、地点和拍摄人', '电子数据提取未制作提取笔录'],
  C03: ['处罚决定书引用法律条文未写明款、项', '法律依据未写明法律全称'],
  C04: ['处罚决定书只引用处罚条款，未引用违法行为所违反的条款'],
  D01: ['立案审批表日期晚于现场检查和询问日期，属先调查后立案'],
  D02: ['发现违法线索后超过规定期限才立案，未说明理由'],
  D04: ['先行登记保存未经负责人审批', '先行登记保存超过七日未作处理决定'],
  D05: ['卷内无陈述申辩权利告知书'],
  D06: ['行政处罚告知书未载明拟处罚的事实和依据'],
  D07: ['拟作出较大数额罚款，未告知当事人要求听证的权利'],
  D08: ['当事人提出陈述申辩意见，卷内无复核记录'],
  D09: ['重大执法决定缺法制审核意见', '法制审核意见只有签名，无审核结论'],
  D12: [
    '送达回证无受送达人签名',
    '送达回证记载的文书名称与所送文书不一致',
    '留置送达无见证人签名或照片记录',
  ],
  D13: ['罚款由执法人员当场收缴，无罚缴分离手续', '卷内无罚款缴纳凭证'],
  D14: ['没收物品无处置记录'],
  D15: ['卷内无结案报告'],
  D16: ['行政处罚决定未按规定在网站公示'],
  E01: ['使用自制格式的受理通知书，未使用规定格式文书'],
  E03: ['案件调查终结报告缺少承办人意见', '文书“案由”栏未填写', '审批表缺审批日期'],
  E04: ['决定书用语不规范，将“罚款”写作“罚金”'],
  E05: ['处罚决定书对从轻处罚的理由未作说明', '未说明适用裁量基准的理由'],
  E06: ['处罚决定书未载明申请行政复议、提起行政诉讼的途径和期限'],
  E08: ['决定书落款处未加盖行政机关印章', '审批表负责人栏只有签名无日期'],
  F02: ['卷内无目录', '卷内目录所列页码与材料实际页码不符'],
  F03: ['卷内材料未编页码', '页码编写在页面左上角，且封面也编了页码'],
  F04: ['卷内材料未按办理顺序排列，送达回证排在受理材料之前'],
  F05: ['案卷用订书钉装订，未去除金属物'],
  F06: ['卷内缺少据以执行的决定书送达回证', '证据清单所列材料未入卷'],
  F10: ['全过程音像记录未随卷归档'],
  G02: ['材料接收凭证未加盖专用印章', '受理通知书未注明受理日期'],
  G03: ['实地核查只有一名工作人员签名', '卷内无实地核查笔录'],
  G04: ['许可事项涉及相邻方重大利益，未告知利害关系人'],
  G07: ['审批表只有签名，无审批意见和时间'],
  G08: ['许可证件超过法定期限颁发'],
  G11: ['不予受理决定未说明理由和救济途径'],
  H02: ['催告书未载明履行方式和期限', '催告书未告知当事人陈述申辩的权利'],
  H03: ['当事人提出陈述申辩意见，未见复核记录'],
  H04: ['强制执行决定书未载明申请复议或提起诉讼的途径和期限'],
  H07: ['代履行前未送达代履行决定书'],
  H08: ['执行中止后未作出书面决定'],
  D18: ['强制执行现场无全过程音像记录', '现场笔录无见证人签名'],
};

/**
 * The reason and tag of the `k`-th demo finding on `item`: a reason of one of the item's tags,
 * rotating over them with k. An item without a tag in the library (an office's own template)
 * gets a reason that names the item's requirement.
 */
export function typicalFinding(
  item: Pick<Item, 'text' | 'tags'>,
  k: number,
): {
  reason: string;
  tags: string[];
} {
  const choices = item.tags.flatMap((tag) =>
    (REASONS_BY_TAG[tag] ?? []).map((reason) => ({ reason, tags: [tag] })),
  );
  if (choices.length > 0) return choices[k % choices.length]!;
  return { reason: `不符合“${item.text}”的要求`, tags: [...item.tags] };
}
