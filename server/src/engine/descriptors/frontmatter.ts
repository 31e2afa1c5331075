// Frontmatter findings: a missing key, an invalid value.
// One entry per code: default severity, title and the docs/rules/<code>.md content (descriptors/types.ts).

import type { CodeSource } from './types';
import { GOOD_T } from './examples';

export const FRONTMATTER_CODES = {
  'frontmatter-missing': {
    severity: 'error',
    title: { zh: '缺少 frontmatter 或必填项', en: 'Frontmatter or a required key missing' },
    what: { zh: '申报资料文件没有 frontmatter，或缺少必填项（document、submission、product.name、product.class、data.types；变更时 updates）。', en: 'A dossier file has no frontmatter, or a required key is missing (document, submission, product.name, product.class, data.types; updates for a change).' },
    why: { zh: '产品事实决定哪些条件性要求适用（一、五）；缺少它们时无法判断应提交什么。', en: 'The product facts decide which conditional requirements apply (一, 五); without them nobody can tell what must be submitted.' },
    fix: { zh: '补充缺少的键（补全会给出键名和取值）；共享的事实可写在同一文件夹的 dossier.yaml 中。', en: 'Add the missing key (completion offers keys and values); shared facts can go into the folder’s dossier.yaml.' },
    choices: {
      zh: '位置：缺少的键所在的父键（如缺少 product.class 时为 product:），否则为开头的 ---。dossier.yaml 与文件都没有时报告在文件的 ---。空值（key: 后无内容）视为缺少。',
      en: 'Position: the parent key of the missing key (product: for product.class), else the opening ---. A key missing from both the file and dossier.yaml is reported on the file’s ---. An empty value (key: with nothing) counts as missing.',
    },
    bad: GOOD_T.replace('class: II, ', ''),
    good: GOOD_T,
  },
  'frontmatter-invalid': {
    severity: 'error',
    title: { zh: 'frontmatter 无效', en: 'Invalid frontmatter' },
    what: { zh: 'frontmatter 的 YAML 无效、有未知键、类型错误、取值不在枚举中，或事实相互矛盾。', en: 'The frontmatter YAML is invalid, or has an unknown key, a wrong type, a value outside an enum, or contradictory facts.' },
    why: { zh: '无效的值不能决定任何条件（不做猜测）；检查结果只有在事实正确时才可信。', en: 'An invalid value decides nothing (no guessing); the results can only be trusted when the facts are right.' },
    fix: { zh: '按消息中的“您是否想写 …？”修正（快速修复可一键替换）；中文别名（如 双向、实时、第二类）同样有效。', en: 'Apply the did-you-mean of the message (the quick fix replaces it); zh aliases such as 双向, 实时, 第二类 are valid too.' },
    choices: {
      zh: 'YAML 不能解析时正文不再检查。自定义标签被拒绝；别名展开有上限（防“十亿笑”攻击）；__proto__ 等键只是普通的未知键。矛盾包括：none 与其他 updates 并列、延续注册含重大更新、dedicated_wireless 与 wireless: false 同时出现。',
      en: 'When the YAML does not parse the body is not checked. Custom tags are refused; alias expansion is bounded (billion laughs); __proto__ and friends are plain unknown keys. Contradictions: none with other updates, a major update at renewal, dedicated_wireless with wireless: false.',
    },
    bad: GOOD_T.replace('data: { types: [device] }', 'data: { types: [device] }\nfunctions: { exchange: bidirectonal }'),
    good: GOOD_T.replace('data: { types: [device] }', 'data: { types: [device] }\nfunctions: { exchange: bidirectional }'),
  },
} satisfies Record<string, CodeSource>;
