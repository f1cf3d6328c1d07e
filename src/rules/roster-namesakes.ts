import { seqsEn } from '../model/finding';
import { ranges } from './proctor-takes-papers';
import type { RuleContext, RuleMeta } from './types';
import { proctorNamesakes, rowLabel } from '../model/vault-signers';

export const meta: RuleMeta = {
  id: 'roster-namesakes',
  title: { zh: '名单上同名的两人', en: 'Namesakes on the roster' },
  severity: 'warning',
  forms: [0, 3],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件3 备注“3.监考人员不得参与此环节领卷。”',
  messages: {
    zh: {
      namesakes:
        '涉卷人员名单上有 {count} 人同名“{name}”（{cells}），其中有“{role}”，也有不是监考人员的。出入库记录上“{name}”取卷、还卷的签字（第 {rows} 行）分不清是哪一位，暂不按监考人员领卷论。请核对是哪一位：若是监考人员，须改由考务人员领卷、还卷；若不是，请在名单和签字处把同名的人写得能区分开，如“{name}1”“{name}2”（括号里的部门、职务不算名字，分不开两人）。',
    },
    en: {
      namesakes:
        'The roster lists {count} people named "{name}" ({cells}): one is "{role}", a proctor, another is not. The vault log\'s signatures of "{name}" taking or returning papers ({rowsEn}) cannot be told apart, so they are not judged a proctor\'s for now. Check who it was: a proctor must leave fetching and returning papers to exam-affairs staff; if it was not the proctor, write the namesakes apart on the roster and where they sign, e.g. "{name}1" and "{name}2" (a department or title in brackets is no part of the name and does not tell them apart).',
    },
  },
  docs: 'Two or more rows of the 涉卷人员 roster with one name, one a proctor (监考人员, however written) and another in other roles only (考务人员, 交接人员 …), when that name takes or returns papers at this unit’s vault (附件3 取卷人, 还卷人). Two people share the name and nobody can tell which of them signed, so proctor-takes-papers judges no one by it — the one who fetched papers may well be the 考务人员 — and this says, once, at the proctor’s row, that the namesakes should be written apart (王芳1, 王芳2: a department in brackets, 王芳（教务处）, is read as a note, not part of the name). One person listed on two rows, each a proctor, is a proctor; a roster that lists one person twice, once as proctor and once in another role, is read the same as two people (the roster cannot say which it is).',
};

export function check({ model, report }: RuleContext): void {
  for (const { name, proctor, rows, signed } of proctorNamesakes(model.data)) {
    const seqs = ranges(signed.map((row) => rowLabel(model, row).seq));
    report(`staff[${proctor.index}].name`, 'namesakes', {
      name,
      count: rows.length,
      cells: rows.map((index) => model.locations[`staff[${index}].name`]?.cell ?? ''),
      role: proctor.role,
      rows: seqs,
      rowsEn: seqsEn(seqs),
    });
  }
}
