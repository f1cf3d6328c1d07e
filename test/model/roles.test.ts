import { peopleIn } from '../../src/model/people';
import { roleOf } from '../../src/model/roles';

test.each([
  ['卷库保管员', '卷库保管员'],
  ['保管员', '卷库保管员'],
  ['卷库管理员', '卷库保管员'],
  ['保管员（兼值班）', '卷库保管员'],
  ['值班员', '值班人员'],
  ['监考', '监考人员'],
  ['监考员', '监考人员'],
  ['监考老师', '监考人员'],
  ['交接员', '交接人员'],
  ['监控员', '监控人员'],
  ['考务', '考务人员'],
  ['考务员', '考务人员'],
  ['押运员', '押运人员'],
  ['副主考', '主考'],
  ['监考 人员', '监考人员'],
  ['保安', undefined],
  ['监考工作', undefined],
  ['', undefined],
])('the roster role %p is %p', (word, role) => {
  expect(roleOf(word)).toBe(role);
});

test('a role written after a signer’s name in the words people use is no second signer', () => {
  expect(peopleIn('陈静 卷库管理员')).toEqual(['陈静']);
  expect(peopleIn('周涛 监考老师、吴刚 交接员')).toEqual(['周涛', '吴刚']);
});
