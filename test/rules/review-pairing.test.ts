/**
 * The outside review's sites (test/fixtures/review): the two copies of one
 * handover kept by 长沙分校 (a-changsha-fenxiao.json) and by 宁乡考点 (a
 * workbook typed by hand), compared field by field (handover-copies-disagree);
 * and 宁乡考点's receipt with its 接收单位 miswritten (receiver-not-this-unit).
 */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook } from '../../src/forms/workbook';
import { readXlsx } from '../../src/io/xlsx/reader';
import { itemParts } from '../../src/model/pairing';
import type { SiteData } from '../../src/model/types';
import { validateAcross, validateSite } from '../../src/rules/engine';
import { fixture } from '../helpers';
import { findingsFor, modelOf } from './tester';

const REVIEW = path.join(__dirname, '..', 'fixtures', 'review', 'xlsx');
const workbook = (name: string) => readWorkbook(readXlsx(new Uint8Array(fs.readFileSync(path.join(REVIEW, `${name}.xlsx`)))));

/** The 分校's copy (edited) beside the 考点's workbook `kaodian`: every cross-workbook finding, as sheet!cell and message. */
function copies(kaodian: string, edit?: (d: SiteData) => void) {
  const fenxiao = fixture('review/a-changsha-fenxiao.json');
  edit?.(fenxiao);
  const out = validateAcross([
    { id: 'fenxiao', model: modelOf(fenxiao) },
    { id: 'kaodian', model: workbook(kaodian) },
  ]);
  const brief = (f: { rule: string; sheet: string | null; cell: string | null; row: number | null; message: string }) =>
    `${f.rule} ${f.sheet}!${f.cell} row ${f.row}: ${f.message}`;
  return { f: out.get('fenxiao')!.map(brief), k: out.get('kaodian')!.map(brief) };
}

describe('handover-copies-disagree on the review sites', () => {
  test('valid: 联系人 “周立新（0731-87881234）” on one copy and “周立新 0731-87881234” on the other', () => {
    expect(copies('f-handtyped-kaodian')).toEqual({ f: [], k: [] });
  });

  test('valid: 试卷归属 “宁乡考点 3袋” on one copy and “长沙分校宁乡考点 3” (no 单位 column) on the other', () => {
    expect(copies('f-handtyped-destination-prefix')).toEqual({ f: [], k: [] });
  });

  test('valid: the 地址 with its room in brackets on one copy, after a space on the other', () => {
    const bracketed = (d: SiteData) => (d.handovers![1].address = '宁乡市玉潭街道花明北路8号（宁乡考点试卷保密室）');
    expect(copies('f-handtyped-kaodian', bracketed)).toEqual({ f: [], k: [] });
  });

  const rule = 'handover-copies-disagree';
  const kSheet = '交接单（长沙分校→宁乡）';
  /** One difference, on both files: [this copy's cell, what it says] for the 分校's copy and the 考点's. */
  const both = (fCell: string, kCell: string, row: number | null, field: string, mine: string, theirs: string) => ({
    f: [
      `${rule} 交接单2!${fCell} row ${row}: 这张交接单的“${field}”写的是“${mine}”，而对方“宁乡考点”留存的同一张交接单（文件“kaodian”的 ${kSheet} ${kCell}）写的是“${theirs}”。一式两份须内容一致，请双方核对后改正。`,
    ],
    k: [
      `${rule} ${kSheet}!${kCell} row ${row}: 这张交接单的“${field}”写的是“${theirs}”，而对方“长沙分校”留存的同一张交接单（文件“fenxiao”的 交接单2 ${fCell}）写的是“${mine}”。一式两份须内容一致，请双方核对后改正。`,
    ],
  });
  const second = (d: SiteData) => d.handovers![1];

  test.each([
    ['周立新 电话0731-87881234'],
    ['周立新 手机：0731-87881234'],
    ['周立新（联系电话：0731-87881234）'],
    ['周立新 Tel: 0731-87881234'],
    ['周立新，TEL 0731-87881234'],
  ])('valid: 联系人 “%s” beside “周立新 0731-87881234”: the word for the number and its colon are no difference', (contact) => {
    expect(copies('f-handtyped-kaodian', (d) => (second(d).contact = contact))).toEqual({ f: [], k: [] });
  });

  test('invalid: another telephone number, punctuation aside', () => {
    expect(copies('f-handtyped-kaodian', (d) => (second(d).contact = '周立新（0731-87881235）'))).toEqual(
      both('D6', 'A6', null, '联系人', '周立新（0731-87881235）', '周立新 0731-87881234'),
    );
  });

  test('invalid: another number after 电话', () => {
    expect(copies('f-handtyped-kaodian', (d) => (second(d).contact = '周立新 电话：0731-87881235'))).toEqual(
      both('D6', 'A6', null, '联系人', '周立新 电话：0731-87881235', '周立新 0731-87881234'),
    );
  });

  test('invalid: another name before 手机', () => {
    expect(copies('f-handtyped-kaodian', (d) => (second(d).contact = '李华 手机0731-87881234'))).toEqual(
      both('D6', 'A6', null, '联系人', '李华 手机0731-87881234', '周立新 0731-87881234'),
    );
  });

  test('invalid: another person at the same number', () => {
    expect(copies('f-handtyped-kaodian', (d) => (second(d).contact = '李华（0731-87881234）'))).toEqual(
      both('D6', 'A6', null, '联系人', '李华（0731-87881234）', '周立新 0731-87881234'),
    );
  });

  test('invalid: another count beside a bare count: both shown in 袋, at the 数量 cell', () => {
    expect(copies('f-handtyped-destination-prefix', (d) => (second(d).items![0].quantity = 2))).toEqual(
      both('D8', 'D9', 1, '交接明细第 1 行', '宁乡考点 2袋（1月8日晚 1304）', '长沙分校宁乡考点 3袋（1月8日晚 1304）'),
    );
  });

  test('English: a date quoted from the cells as typed (“1月8日晚”) stays as typed; only the times the check gives are written Jan 8', () => {
    const fenxiao = fixture('review/a-changsha-fenxiao.json');
    second(fenxiao).items![0].quantity = 2;
    const out = validateAcross(
      [
        { id: 'fenxiao', model: modelOf(fenxiao) },
        { id: 'kaodian', model: workbook('f-handtyped-destination-prefix') },
      ],
      { lang: 'en' },
    );
    const [message] = out.get('fenxiao')!.map((f) => f.message);
    expect(message).toContain('"宁乡考点 2袋 (1月8日晚 1304)"');
    expect(message).toContain('"长沙分校宁乡考点 3袋 (1月8日晚 1304)"');
    expect(message).not.toContain('Jan 8晚');
  });

  test('invalid: the 分校 itself for its 考点: two units, at the 试卷归属 cell', () => {
    expect(copies('f-handtyped-destination-prefix', (d) => (second(d).items![0].destination = '长沙分校'))).toEqual(
      both('C8', 'C9', 1, '交接明细第 1 行', '长沙分校 3袋（1月8日晚 1304）', '长沙分校宁乡考点 3袋（1月8日晚 1304）'),
    );
  });

  test('invalid: another 考点 of the same 分校', () => {
    expect(copies('f-handtyped-destination-prefix', (d) => (second(d).items![0].destination = '长沙分校岳麓考点'))).toEqual(
      both('C8', 'C9', 1, '交接明细第 1 行', '长沙分校岳麓考点 3袋（1月8日晚 1304）', '长沙分校宁乡考点 3袋（1月8日晚 1304）'),
    );
  });
});

test.each([
  ['宁乡考点', '长沙分校宁乡考点'],
  ['耒阳考点', '衡阳分校（耒阳考点）'],
  ['长沙分校', '湖南开放大学长沙分校'],
  ['长沙分校', '长沙分校（学院）'],
])('a 试卷归属 written two ways is one unit: %s / %s', (a, b) => {
  expect(itemParts({ destination: a }).destination).toBe(itemParts({ destination: b }).destination);
});

test.each([
  ['长沙分校', '长沙分校宁乡考点'],
  ['宁乡考点', '宁乡县考点'],
  ['长沙分校考点', '考点'],
  ['衡阳分校耒阳考点', '长沙分校岳麓考点'],
])('two units stay two: %s / %s', (a, b) => {
  expect(itemParts({ destination: a }).destination).not.toBe(itemParts({ destination: b }).destination);
});

describe('a receiver copy naming another unit, beside the sender’s copy', () => {
  const misnamed = 'f-handtyped-receiver-misnamed';
  const kSheet = '交接单（长沙分校→宁乡）';

  test('one finding at its 接收单位 (A4): receiver-not-this-unit, which says what to write; no difference at A4 on either file', () => {
    expect(copies(misnamed)).toEqual({ f: [], k: [] });
    expect(validateSite(workbook(misnamed)).map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual([`receiver-not-this-unit ${kSheet}!A4`]);
  });

  test('another field that differs is still reported on both files', () => {
    const contact = (d: SiteData) => (d.handovers![1].contact = '李华（0731-87881234）');
    const msg = (mine: string, other: string, file: string, cell: string, theirs: string) =>
      `这张交接单的“联系人”写的是“${mine}”，而对方“${other}”留存的同一张交接单（文件“${file}”的 ${cell}）写的是“${theirs}”。一式两份须内容一致，请双方核对后改正。`;
    expect(copies(misnamed, contact)).toEqual({
      f: [`handover-copies-disagree 交接单2!D6 row null: ${msg('李华（0731-87881234）', '宁乡考点', 'kaodian', `${kSheet} A6`, '周立新 0731-87881234')}`],
      k: [`handover-copies-disagree ${kSheet}!A6 row null: ${msg('周立新 0731-87881234', '长沙分校', 'fenxiao', '交接单2 D6', '李华（0731-87881234）')}`],
    });
  });

  test('a sender’s copy naming yet another unit is told so, on the sender’s file only', () => {
    const other = (d: SiteData) => (d.handovers![1].to = '长沙分校岳麓考点');
    expect(copies(misnamed, other)).toEqual({
      f: [
        `handover-copies-disagree 交接单2!C4 row null: 这张交接单的“接收单位”写的是“长沙分校岳麓考点”，而对方“宁乡考点”留存的同一张交接单（文件“kaodian”的 ${kSheet} A4）写的是“宁乡县考点”。一式两份须内容一致，请双方核对后改正。`,
      ],
      k: [],
    });
  });
});

describe('receiver-not-this-unit', () => {
  const brief = (f: { rule: string; form: number | null; sheet: string | null; cell: string | null; row: number | null }) =>
    `${f.rule} 附件${f.form} ${f.sheet}!${f.cell} row ${f.row}`;

  test('宁乡县考点 for 宁乡考点 on its receipt: one finding at 接收单位 (A4), none at the four rows', () => {
    const found = validateSite(workbook('f-handtyped-receiver-misnamed'));
    expect(found.map(brief)).toEqual(['receiver-not-this-unit 附件1 交接单（长沙分校→宁乡）!A4 row null']);
    expect(found[0].message).toBe(
      '这张交接单的接收单位写的是“宁乡县考点”，而本单位（基本信息的考点）是“宁乡考点”。接收方存档的这一份，接收单位应是本单位；它在本单位的工作簿里，已当作本单位接收的交接单检查，交接明细的试卷归属按“宁乡考点”核对。请把接收单位改成“宁乡考点”；如果这张交接单确实是交给别的单位的，请把它移出本工作簿。',
    );
  });

  test('the same slip copied onto the rows is the one finding', () => {
    const found = findingsFor({
      name: 'slip copied',
      edit: (d) => {
        d.handovers![0].to = '岳麓区考点';
        for (const it of d.handovers![0].items!) it.destination = '岳麓区考点';
      },
    });
    expect(found.map(brief)).toEqual(['receiver-not-this-unit 附件1 交接单!C4 row null']);
  });

  test('a row for another unit on that receipt is still its own finding', () => {
    const found = findingsFor({
      name: 'and a row for 天心考点',
      edit: (d) => {
        d.handovers![0].to = '岳麓区考点';
        d.handovers![0].items![1].destination = '天心考点';
      },
    });
    expect(found.map(brief)).toEqual(['receiver-not-this-unit 附件1 交接单!C4 row null', 'item-for-another-unit 附件1 交接单!C9 row 2']);
  });
});
