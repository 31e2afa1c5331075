// Section findings: a required section missing or empty, placeholders left in it, a “not applicable” without a reason.
// One entry per code: default severity, title and the docs/rules/<code>.md content (descriptors/types.ts).

import type { CodeSource } from './types';
import { GOOD_T } from './examples';

export const SECTION_CODES = {
  'missing-section': {
    severity: 'error',
    title: { zh: '缺少必需章节', en: 'Required section missing' },
    what: {
      zh: '指导原则要求的一项内容在文档中找不到。一项内容可以由标题作答，也可以在其上级章节内由标注段落（**风险分析报告**：…、（1）风险分析报告：…、表格行）或写明出处的句子（见附件 1、详见《…》、文件编号 …）作答（requirements.md §3a）。标题去掉编号、标点、全半角、空格和大小写差异后等于该要求的中文标题、英文标题、同义词或别名即为精确匹配；其次按规则集的规范化比较（去掉“网络安全”“医疗器械”“产品”等前缀和“报告”“文档”“资料”等后缀，“和/与/及/、”视为相同），再按连接词拆分（“网络安全测试计划和报告”同时答复测试计划与测试报告）。子项必须位于其上级章节之内。',
      en: 'An item the guideline requires is not in the document. An item is answered by a heading, or inside its parent’s section by a labelled block (**风险分析报告**：…, （1）风险分析报告：…, a table row) or a sentence that says where it is (见附件 1, 详见《…》, 文件编号 …) (requirements.md §3a). A title matches exactly when, with numbering, punctuation, width, spaces and case folded away, it equals the zh or en title, a synonym or an alias; else after the rule set’s normalisation (prefixes 网络安全 / 医疗器械 / 产品 and suffixes 报告 / 文档 / 资料 … folded away, 和 / 与 / 及 / 、 compared as one); else split at its conjunctions (网络安全测试计划和报告 answers the test plan and the test report). A sub-item must sit inside its parent’s section.',
    },
    why: {
      zh: '每一项要求都对应指导原则的条款（消息和 data.clause 给出条款号），缺项是审评补正最常见的原因。条件性要求（如 D3.7）在消息中写明触发它的产品事实。',
      en: 'Every requirement cites a clause of the guideline (the message and data.clause name it); a missing item is the most common reason a submission is sent back. For a conditional requirement (D3.7, say) the message names the product fact that switched it on.',
    },
    fix: {
      zh: '使用快速修复插入该章节（按指导原则顺序、沿用文档的编号风格与标题级别，并带有模板）；如果章节已写但标题不同，改用标准标题或在 .cyberdossierrc.yaml 的 aliases 中登记您的写法；如果章节写在了别处（data.foundAt），把它移到父章节之下；不适用时写“不适用”并说明理由。',
      en: 'Use the quick fix to insert the section (at its guideline position, in the document’s numbering style and heading level, with a template); if you wrote it under another title, use the standard title or register yours under `aliases` in .cyberdossierrc.yaml; if it sits elsewhere (data.foundAt), move it under its parent; if it does not apply, answer “不适用” with a reason.',
    },
    choices: {
      zh: '匹配规则的完整说明见 docs/requirements/<规则集>.md 的“如何识别答复”一节。只提到名称而没有答复（“风险分析报告待补充”，或不写出处的句子）不算作答：仍报告缺失（并报告占位符）；标注后没有内容报告 empty-section。指导原则未规定位置的项（2017 的软件版本命名规则 D4.3）在同一文档的任何位置都算作答；规定了位置的项写在别处仍报告缺失，标题写在别处时 data.foundAt 给出其行号。缺少父章节时只报告父章节；“软件版本命名规则”（D4.3）缺失为警告，“网络安全能力”（D5，指导原则用“可”）缺失为提示。真实性声明（S1）的每个缺失要素（data.item：no-update、applicant、date）各报告一次，位于 frontmatter 后第一行。内置同义词包括需求表所列及指导原则本身的措辞，其他写法请用 aliases 登记。data.foundAt 为错位标题的行号（从 0 开始），在另一文件中时另有 data.foundIn。子章节位于父章节之下的任何更深层级（中间隔着非要求标题也可以）。同一类型的多个文件按路径顺序视为一份文档。',
      en: 'The full matching rules are in the “How an item is recognised” section of docs/requirements/<rule set>.md. An item only mentioned without an answer (“风险分析报告待补充”, a sentence that gives no reference) does not count: it is still missing (and the placeholder is reported); a label with nothing after it is empty-section. An item whose place the guideline does not fix (the 2017 version naming rule D4.3) counts anywhere in its document; an item whose place it fixes still counts as missing elsewhere, and a heading elsewhere gives data.foundAt. When a parent is missing only the parent is reported; D4.3 (version naming) is a warning and D5 (capabilities, which the guideline only recommends: 可) a hint. Each missing element of the authenticity statement S1 (data.item: no-update, applicant, date) is reported once, on the first line after the frontmatter. The built-in synonyms are those listed plus the guideline’s own wording for each item; other wordings need an alias. data.foundAt is the misplaced heading’s 0-based line (data.foundIn names its file when it is another one). A sub-section may sit at any deeper level under its parent, also behind a heading that is not a requirement. Files of one kind are one document, in path order.',
    },
    bad: GOOD_T.replace(/## 2\.1 用户身份鉴别方法\n\n[^\n]+\n\n/, ''),
    good: GOOD_T,
  },
  'empty-section': {
    severity: 'warning',
    title: { zh: '章节内容为空', en: 'Section has no content' },
    what: { zh: '要求的章节有标题但没有正文（或只有同样为空的子标题）。', en: 'A required section has a heading but no body text (or only sub-headings that are themselves empty).' },
    why: { zh: '空章节等同于缺项：审评员需要看到内容。', en: 'An empty section is as good as a missing one: the reviewer needs its content.' },
    fix: { zh: '写明该章节应包含的内容（悬停标题可查看要求），或写“不适用”并说明理由。', en: 'Write what the section must contain (hover the heading to see it), or answer “不适用” with a reason.' },
    choices: {
      zh: '表格、图片、列表和代码都算正文；HTML 注释不算。父章节的正文可以全部在子章节中。所有必需子章节都为空时只报告子章节。空章节不再做表格等内容检查。',
      en: 'Tables, images, lists and code count as body text; HTML comments do not. A parent’s body may live entirely in its sub-sections. When every required sub-section is empty only the sub-sections are reported. Empty sections get no further content checks.',
    },
    bad: GOOD_T.replace(/(## 2\.2 用户类型及权限\n\n)[^\n]+/, '$1'),
    good: GOOD_T,
  },
  placeholder: {
    severity: 'warning',
    title: { zh: '残留占位符', en: 'Placeholder left in the text' },
    what: {
      zh: '正文中残留了占位符：TODO、TBD、FIXME、XXX（完整词）、待补充、待定、待填写、（略）、lorem ipsum、{{…}}，以及内容含中文或以 insert/填写 开头的 <…>。',
      en: 'A placeholder is left in the text: TODO, TBD, FIXME, XXX (whole words), 待补充, 待定, 待填写, （略）, lorem ipsum, {{…}}, and <…> whose content has a CJK character or starts with insert/填写.',
    },
    why: { zh: '提交的资料必须是完整的；占位符说明内容尚未完成。', en: 'A submitted dossier must be complete; a placeholder means the content is unfinished.' },
    fix: { zh: '用实际内容替换占位符。插入的章节模板中的 <…> 也是占位符，填写后警告消失。', en: 'Replace it with the real content. The <…> markers of inserted section templates are placeholders too; the warning goes once you fill them in.' },
    choices: {
      zh: 'HTML 注释和 HTML 标签（如 <br>）从不视为占位符，但 <insert …> 是；代码块不检查（常为日志或配置原文），行内代码检查。frontmatter 不检查占位符。占位符在正文任何位置（包括非要求章节）都报告，data.requirement 为包含它的最内层要求章节。{{…}} 不论内容均为占位符。表格中本身是占位符的版本单元格只报告 placeholder，不再报告 version-not-full。每个章节只报告一次：位置为该章节的第一个占位符，消息给出数量，其余占位符在 relatedInformation 中（data.count、data.lines 为数量和全部行号）；被注释停用的占位符不计入。仍有占位符的章节只有这一条诊断（issue 18）：同一要求章节的内容检查 version-rule-incomplete、section-incomplete、missing-diagram、vulnerability-assessment-incomplete、章节未写明事实的 inconsistent-fact（OTS 表与 SBOM 版本不一致的除外，它有自己的修复），以及锚定在该章节的 privacy-not-addressed 并入其中——列在 relatedInformation 的最前面（原位置与完整消息），代码记在 data.folded，消息末尾写明“另：…”，严重程度取其中最高者；占位符替换完后，这些检查照常单独报告。理由：审评人员和新用户面对的是一个尚未撰写的章节，下一步只有一件事——撰写它；但撰写时须写到的要点（如版本命名规则）不应丢失，因此并入而不是去掉。被配置关闭或被注释停用的检查不并入；关闭 placeholder 时它们照常报告。',
      en: 'HTML comments and HTML tags (<br>) are never placeholders, but <insert …> is; code blocks are not checked (they usually quote logs or configuration), inline code is. The frontmatter is not checked for placeholders. A placeholder anywhere in the body is reported (also outside requirement sections); data.requirement is the innermost requirement section holding it. {{…}} is a placeholder whatever it holds. A version cell that is itself a placeholder gets placeholder, not also version-not-full. One finding per section: on the section’s first placeholder, the count in the message, the others in relatedInformation (data.count and data.lines give the count and every line); a placeholder silenced by a comment is not counted. A section that still has placeholders gets this one finding only (issue 18): the content checks of the same requirement section — version-rule-incomplete, section-incomplete, missing-diagram, vulnerability-assessment-incomplete, inconsistent-fact where the section does not state a fact yet (not the OTS-table-versus-SBOM version mismatch, which has its own fix), and privacy-not-addressed anchored on that section — are folded into it: listed first in relatedInformation (their place and whole message), their codes in data.folded, an “also: …” at the end of the message, and the strongest severity of the group. Once the placeholders are replaced those checks are reported on their own again. Why: a reviewer or a new user faces a section not written yet, and the next step is one — write it; what it must then say (the version naming rule, say) must not be lost, so the checks are folded in rather than dropped. A check switched off by the configuration or silenced by a comment is not folded in; with placeholder switched off they are reported as usual.',
    },
    bad: GOOD_T.replace('用户名与口令，口令不少于 8 位，连续 5 次错误锁定 15 分钟。', '用户名与口令，口令规则待补充。'),
    good: GOOD_T,
  },
  'not-applicable-without-reason': {
    severity: 'error',
    title: { zh: '“不适用”未说明理由', en: '“Not applicable” without a reason' },
    what: {
      zh: '章节以否定答复开头（不适用、无、N/A、None、Not applicable，后接标点、空白或结尾），但后面说明理由的字符（不计空白和标点）少于 6 个。',
      en: 'A section’s body starts with a negative answer (不适用, 无, N/A, None, Not applicable, followed by punctuation, whitespace or the end) and what follows it has fewer than 6 characters that are neither whitespace nor punctuation.',
    },
    why: { zh: '指导原则前言：申请人应判断具体内容是否适用，“不适用内容详述理由”。', en: 'The guideline’s preamble: the applicant judges which contents apply and “explains in detail why any content does not apply” (不适用内容详述理由).' },
    fix: { zh: '在“不适用”后写明为何不适用于本产品，例如“不适用，理由：本产品无远程控制功能。”', en: 'State why it does not apply to this device, e.g. “不适用，理由：本产品无远程控制功能。”' },
    choices: {
      zh: '带理由的“不适用”视为该章节已提供，并覆盖其必需的子章节；不带理由时，该章节及其以下不再报告其他问题。“无线网络……”不是否定答复（“无”后接文字）。（fda-premarket-2025，规范 §3.2）表格（K5、K6.1、K7、K9、B3、E3/E4、L3）中必需列的单元格若只写 N/A、NA、None、Not applicable、Not required、不适用、无 而无理由，位于该单元格报告；带理由（至少 6 个字符，如“N/A – mask ROM, the supplier publishes no version”）视为已填写。K7 与 B3 的单元格写 None / 无 是答复（无 CWE、无鉴别），不报告。B1 控制类别表中不适用而理由不足 6 个字符的行同样报告。fda-premarket-2025 下章节的否定答复还有 NA（完整词）与 Not required；NMPA 规则集不认这两个词（NA 在那里是正文）。',
      en: 'A “not applicable” with a reason counts as the section and covers its required sub-sections; without a reason nothing else is reported for that section or below it. “无线网络……” is not a negative answer (无 is followed by a letter). (fda-premarket-2025, spec §3.2) A required cell of a table (K5, K6.1, K7, K9, B3, E3/E4, L3) that holds only N/A, NA, None, Not applicable, Not required, 不适用 or 无 is reported on the cell; with a reason (at least 6 characters: “N/A – mask ROM, the supplier publishes no version”) it counts as filled. In K7 and B3 a None / 无 cell is an answer (no CWE, no authentication) and is not reported. A B1 control-category row answered not applicable with a reason shorter than 6 characters is reported too. Under fda-premarket-2025 a section may also answer NA (a whole word) or Not required; the NMPA rule sets do not read these two words (NA is text there).',
    },
    bad: GOOD_T.replace('用户名与口令，口令不少于 8 位，连续 5 次错误锁定 15 分钟。', '不适用。'),
    good: GOOD_T.replace('用户名与口令，口令不少于 8 位，连续 5 次错误锁定 15 分钟。', '不适用，理由：本产品无用户界面，不存在用户登录。'),
  },
} satisfies Record<string, CodeSource>;
