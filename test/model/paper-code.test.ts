/**
 * Which paper a 试卷号 names (model/paper-code.ts): an AB卷 written as codes with the version after them is
 * one paper; a code that only looks like it is not cut; a code of digits is compared without its leading zeros
 * (a number cell drops them) and shown as written.
 */
import { candidatesCountedBefore, isSpareName, isSpareRow, nameWithoutMarks, paperCode, paperOf, shownCode } from '../../src/model/paper-code';

describe('paperOf', () => {
  test.each([
    ['1304A', '1304', '1304', 'A'],
    ['1304b', '1304', '1304', 'B'],
    ['1304-B', '1304', '1304', 'B'],
    ['1304（A卷）', '1304', '1304', 'A'],
    ['1304(B卷)', '1304', '1304', 'B'],
    ['1304 B卷', '1304', '1304', 'B'],
    ['１３０４Ａ', '1304', '1304', 'A'],
    ['1304甲', '1304', '1304', '甲'],
    ['01304乙卷', '1304', '01304', '乙'],
    ['0304A', '304', '0304', 'A'],
  ])('%p is paper %p (written %p), version %p', (text, code, written, version) => {
    expect(paperOf(text)).toEqual({ code, written, version, spare: false });
  });

  test.each([
    ['0304', '304', '0304'],
    ['01304', '1304', '01304'],
    ['0304A', '304', '0304'],
    ['０３０４（B卷）', '304', '0304'],
    [' 0304 ', '304', '0304'],
    ['00', '0', '00'],
    ['0', '0', '0'],
    ['0A304', '0A304', '0A304'],
  ])('%p is compared as %p and shown as %p', (written, code, shown) => {
    expect(paperCode(written)).toBe(code);
    expect(shownCode(written)).toBe(shown);
  });

  test('a number cell’s 304 is the text cell’s 0304', () => {
    expect(paperCode(304)).toBe(paperCode('0304'));
    expect(paperCode('304A')).toBe(paperCode('0304A'));
    expect(shownCode(304)).toBe('304');
  });

  test.each([['1304'], ['A1304'], ['13A'], ['1304E'], ['1304AB'], ['计算机A'], ['']])('%p has no version: it is its own code', (written) => {
    expect(paperOf(written)).toEqual({ code: written, written, version: '', spare: false });
  });

  test('nothing written is no paper; a number is its code', () => {
    expect(paperCode(undefined)).toBe('');
    expect(paperCode(1304)).toBe('1304');
  });
});

describe('candidatesCountedBefore', () => {
  const row = (paperNo: string, candidates: unknown, start = '2025-01-11T09:00') => ({ paperNo, start, candidates });

  test('versions at one start with the same number: the later rows repeat the paper’s candidates', () => {
    expect(candidatesCountedBefore([row('1304A', 60), row('2216', 0), row('1304B', 60), row('1304C', 60)])).toEqual(new Set([2, 3]));
  });

  test('different numbers, other starts, unversioned codes and one version twice are each counted', () => {
    const schedule = [row('1304A', 31), row('1304B', 29), row('2216A', 5), row('2216B', 5, '2025-01-12T09:00'), row('3307', 8), row('3307', 8)];
    expect(candidatesCountedBefore([...schedule, row('4405A', 3), row('4405A', 3)])).toEqual(new Set());
  });
});

describe('nameWithoutMarks', () => {
  test.each([
    ['计算机应用基础（A卷）', '计算机应用基础'],
    ['计算机应用基础B卷', '计算机应用基础'],
    ['计算机应用基础（备用卷）', '计算机应用基础'],
    ['计算机应用基础(备用)', '计算机应用基础'],
    ['计算机应用基础备用', '计算机应用基础'],
    ['计算机应用基础（备用试卷）', '计算机应用基础'],
    ['计算机应用基础-备用卷', '计算机应用基础'],
    ['计算机应用基础（备份卷）', '计算机应用基础'],
    ['计算机应用基础（A卷）（备用卷）', '计算机应用基础'],
    ['计算机应用基础（备用卷）（B卷）', '计算机应用基础'],
  ])('%p is a row of %p', (name, paper) => {
    expect(nameWithoutMarks(name)).toBe(paper);
  });

  test.each([['数据备份'], ['数据备份与恢复'], ['备用电源技术基础'], ['管理学基础']])('%p keeps its name: no mark at its end', (name) => {
    expect(nameWithoutMarks(name)).toBe(name);
  });
});

describe('a spare paper’s name (isSpareName)', () => {
  it.each([
    ['大学英语（备用卷）', true],
    ['大学英语备用', true],
    ['大学英语(备用试卷)', true],
    ['大学英语（备份卷）（A卷）', true],
    ['大学英语（A卷）', false],
    ['数据备份与恢复', false],
    ['大学英语', false],
  ])('%s → %s', (name, spare) => {
    expect(isSpareName(name)).toBe(spare);
  });
});

describe('a spare bag’s mark after the 试卷号 (“1304备用”): paper 1304’s spare, not another paper', () => {
  test.each([
    ['1304备用', '1304', '1304', ''],
    ['1304（备用）', '1304', '1304', ''],
    ['1304(备用卷)', '1304', '1304', ''],
    ['1304备', '1304', '1304', ''],
    ['1304-备用卷', '1304', '1304', ''],
    ['1304备份卷', '1304', '1304', ''],
    ['０１３０４（备用试卷）', '1304', '01304', ''],
    ['1304A备用', '1304', '1304', 'A'],
    ['1304（B卷）（备用）', '1304', '1304', 'B'],
  ])('%p is paper %p (written %p), version %p, a spare', (text, code, written, version) => {
    expect(paperOf(text)).toEqual({ code, written, version, spare: true });
  });

  test.each([['13041'], ['1304备注'], ['备1304'], ['13备'], ['1304备份']])('%p is no spare of 1304: its own code', (written) => {
    expect(paperOf(written)).toEqual({ code: written, written, version: '', spare: false });
  });

  test('a row is a spare’s by its name’s mark or its code’s', () => {
    expect([
      isSpareRow({ paperNo: '5501备用', paperName: '大学英语' }),
      isSpareRow({ paperNo: '5501', paperName: '大学英语（备用卷）' }),
      isSpareRow({ paperNo: '5501', paperName: '大学英语' }),
      isSpareRow({ paperNo: '5501A', paperName: '大学英语' }),
    ]).toEqual([true, true, false, false]);
  });
});
