import { isDittoMark, peopleIn, personKey, signaturesIn } from '../../src/model/people';

test.each([
  ['同上', true],
  ['同 上', true],
  ['同左', true],
  ['仝上', true],
  ['〃', true],
  ['〃〃', true],
  ['″', true],
  ['＂', true],
  ['"', true],
  ['上同', false],
  ['同上海', false],
  ['李强', false],
  ['', false],
  [null, false],
])('ditto mark %p: %p', (signature, ditto) => {
  expect(isDittoMark(signature)).toBe(ditto);
});

describe('a date or time written beside a signature is when the person signed, no second person (review round 5, D1)', () => {
  test.each([
    ['李娜 1.10', ['李娜 1.10'], ['李娜']],
    ['刘洋 1.11', ['刘洋 1.11'], ['刘洋']],
    ['刘洋 1月11日', ['刘洋 1月11日'], ['刘洋']],
    ['刘洋　１．１１', ['刘洋 1.11'], ['刘洋']],
    ['刘洋 2024.1.11 8:10', ['刘洋 2024.1.11 8:10'], ['刘洋']],
    ['刘洋 上午8:10', ['刘洋 上午8:10'], ['刘洋']],
    ['刘洋 1/11', ['刘洋 1 11'], ['刘洋']],
    ['刘洋 一月十一日', ['刘洋 一月十一日'], ['刘洋']],
    ['1.10 李娜', ['1.10 李娜'], ['李娜']],
    ['李娜（保管员） 1.10', ['李娜(保管员) 1.10'], ['李娜']],
    ['李娜 主考 1.10', ['李娜 主考 1.10'], ['李娜']],
    ['刘洋 1.11、李娜 1.11', ['刘洋 1.11', '李娜 1.11'], ['刘洋', '李娜']],
    ['刘洋 1.11 李娜', ['刘洋 1.11', '李娜'], ['刘洋', '李娜']],
    ['刘洋1月11日', ['刘洋1月11日'], ['刘洋']],
    ['刘洋1.11', ['刘洋1.11'], ['刘洋']],
  ])('%p → signatures %p, people %p', (cell, signatures, people) => {
    expect(signaturesIn(cell)).toEqual(signatures);
    expect(peopleIn(cell)).toEqual(people);
  });

  test('a digit alone after a name is kept (王芳2 may be how a roster tells two 王芳 apart)', () => {
    expect(personKey('王芳2')).toBe('王芳2');
  });

  test('a cell holding only a date is what it says, its dots as written (not the name dot ·)', () => {
    expect(peopleIn('1.10')).toEqual(['1.10']);
    expect(personKey('1．10')).toBe('1.10');
  });

  test('a name’s dot is still the middle dot, however typed', () => {
    expect(personKey('阿依古丽.买买提')).toBe('阿依古丽·买买提');
    expect(personKey('阿依古丽•买买提 1.10')).toBe('阿依古丽·买买提');
  });
});

describe('a compound surname signed with a space before the given name is one person (review round 7, D2)', () => {
  test.each([
    ['欧阳 明', ['欧阳 明'], ['欧阳明']],
    ['司马　林', ['司马 林'], ['司马林']],
    ['诸葛 亮亮', ['诸葛 亮亮'], ['诸葛亮亮']],
    ['欧阳 明 主考', ['欧阳 明 主考'], ['欧阳明']],
    ['欧阳 明、李娜', ['欧阳 明', '李娜'], ['欧阳明', '李娜']],
    ['欧阳 明 李娜', ['欧阳 明', '李娜'], ['欧阳明', '李娜']],
    ['李 娜 司马 林', ['李 娜', '司马 林'], ['李娜', '司马林']],
    // Unchanged: a whole name before the space, two people; a given name of three characters is no given name.
    ['欧阳明 李娜', ['欧阳明', '李娜'], ['欧阳明', '李娜']],
    ['张三 李四', ['张三', '李四'], ['张三', '李四']],
    ['胡 斌', ['胡 斌'], ['胡斌']],
    ['欧阳 王小明', ['欧阳', '王小明'], ['欧阳', '王小明']],
  ])('%p → signatures %p, people %p', (cell, signatures, people) => {
    expect(signaturesIn(cell)).toEqual(signatures);
    expect(peopleIn(cell)).toEqual(people);
  });
});

describe('a name written the Latin way is one person across its spaces (review 15a D1)', () => {
  test.each([
    ['John Smith', ['John Smith'], ['John Smith']],
    ['David Lee', ['David Lee'], ['David Lee']],
    ['John  Smith', ['John Smith'], ['John Smith']],
    ['Ｊｏｈｎ　Ｓｍｉｔｈ', ['John Smith'], ['John Smith']],
    ['Mary Ann O’Brien', ['Mary Ann O’Brien'], ['Mary Ann O’Brien']],
    ['Jean-Luc Picard', ['Jean-Luc Picard'], ['Jean-Luc Picard']],
    ['José García', ['José García'], ['José García']],
    ['John Smith（主考）', ['John Smith(主考)'], ['John Smith']],
    ['John Smith 主考', ['John Smith 主考'], ['John Smith']],
    ['John Smith 1.10', ['John Smith 1.10'], ['John Smith']],
    // Two people are parted as Chinese names are: 、，, / ; or a line; a Latin name beside a Chinese one is two.
    ['John Smith、David Lee', ['John Smith', 'David Lee'], ['John Smith', 'David Lee']],
    ['John Smith, David Lee', ['John Smith', 'David Lee'], ['John Smith', 'David Lee']],
    ['John Smith/David Lee', ['John Smith', 'David Lee'], ['John Smith', 'David Lee']],
    ['John Smith\nDavid Lee', ['John Smith', 'David Lee'], ['John Smith', 'David Lee']],
    ['John Smith 王芳', ['John Smith', '王芳'], ['John Smith', '王芳']],
    ['王芳 David Lee', ['王芳', 'David Lee'], ['王芳', 'David Lee']],
    // Unchanged: Chinese names with a space between them are two people.
    ['王芳 李强', ['王芳', '李强'], ['王芳', '李强']],
  ])('%p → signatures %p, people %p', (cell, signatures, people) => {
    expect(signaturesIn(cell)).toEqual(signatures);
    expect(peopleIn(cell)).toEqual(people);
  });
});

describe('a name written the Latin way is one person however cased, its family name in capitals first or last (review 15a D1’s leftover)', () => {
  test.each([
    ['SMITH John', 'John Smith'],
    ['John SMITH', 'John Smith'],
    ['JOHN SMITH', 'John Smith'],
    ['john smith', 'John Smith'],
    ['Smith（主考）', 'Smith'],
    ['O’BRIEN Mary Ann', 'Mary Ann O’Brien'],
    ['GARCÍA José', 'José García'],
    ['JEAN-LUC PICARD', 'Jean-Luc Picard'],
    // Written in the common order, a name is quoted as written.
    ['Zoe Adams', 'Zoe Adams'],
    ['David Lee 主考', 'David Lee'],
  ])('%p is %p', (cell, key) => {
    expect(personKey(cell)).toBe(key);
    expect(peopleIn(cell)).toEqual([key]);
  });

  test('the roster’s SMITH John and the signatures John Smith, JOHN SMITH are one key; Chinese names are unchanged', () => {
    expect(new Set(['SMITH John', 'John Smith', 'JOHN SMITH', 'john SMITH'].map(personKey))).toEqual(new Set(['John Smith']));
    expect(personKey('Johnny Smith')).not.toBe(personKey('SMITH John'));
    expect(['王芳（主考）', '阿依古丽·买买提', '欧阳娜娜'].map(personKey)).toEqual(['王芳', '阿依古丽·买买提', '欧阳娜娜']);
    expect(peopleIn('SMITH John、王芳')).toEqual(['John Smith', '王芳']);
  });
});
