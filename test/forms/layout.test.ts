/**
 * The forms as the source prints them (003's 附件1–5), and the layouts they
 * had before, still read: 附件1 with a 移交单位 line, a 单位 column and four
 * opinion/signature rows; 附件5 as a grid of one row per shift.
 */
import { FORMS, formEntry } from '../../src/forms';
import { blockPages } from '../../src/forms/layout';
import { renderForm } from '../../src/forms/render';
import { readWorkbook } from '../../src/forms/workbook';
import type { CellValue } from '../../src/model/grid';
import type { SiteInfo } from '../../src/model/types';

const sheet = (name: string, rows: CellValue[][]) => ({ sheets: [{ name, rows, merges: [] }] });

describe('titles', () => {
  const site: SiteInfo = { semester: '2024春', branch: '湖南分部', school: '长沙分校', examSite: '天心考点', level: '考点' };
  const titleOf = (id: Parameters<typeof formEntry>[0], info: SiteInfo): string[] => {
    const draft = renderForm(formEntry(id).layout, 'x', info, {});
    return draft.cells.filter((c) => c.style === 'title' || c.style === 'subtitle').map((c) => String(c.value));
  };

  test('a unit named with its suffix does not get it again (附件2–5)', () => {
    expect(titleOf('intake', site)).toEqual(['国家开放大学湖南分部长沙分校天心考点2024春学期纸质试卷入库清单']);
    expect(titleOf('vaultLog', site)).toEqual(['2024春学期国家开放大学湖南分部长沙分校天心考点纸质试卷出入库记录表']);
    expect(titleOf('distribution', site)).toEqual(['国家开放大学试卷分发登记表', '湖南分部长沙分校天心考点']);
    expect(titleOf('duty', { ...site, school: '开放教育学院', examSite: '直属' })).toEqual(['湖南分部开放教育学院直属考点保密室值班记录']);
  });

  test('a name without the suffix gets it, and the blank form prints blanks', () => {
    expect(titleOf('duty', { ...site, school: '长沙', examSite: '天心' })).toEqual(['湖南分部长沙分校（学院）天心考点保密室值班记录']);
    expect(titleOf('intake', {})).toEqual(['国家开放大学湖南分部______分校（学院）______考点______学期纸质试卷入库清单']);
    expect(titleOf('handover', { semester: '2023-2024学年第二学期' })).toEqual(['2023-2024学年第二学期国家开放大学纸质试卷交接单']);
  });
});

describe('附件5 pages', () => {
  const blocks = formEntry('duty').layout.blocks!;
  const shift = (kind: string | undefined, n: number) => ({ ...(kind ? { kind } : {}), record: `第${n}班` });

  test('a 日间 and the 夜间 after it share a page; a record out of place starts a new one, keeping the order', () => {
    const pages = blockPages(blocks, {
      supervisor: '王芳',
      shifts: [shift('日间', 1), shift('夜间', 2), shift('夜间', 3), shift('日间', 4), shift(undefined, 5), shift('白班', 6)],
    });
    expect(pages).toEqual([
      { supervisor: '王芳', shifts: [shift('日间', 1), shift('夜间', 2)] },
      { supervisor: '王芳', shifts: [undefined, shift('夜间', 3)] },
      { supervisor: '王芳', shifts: [shift('日间', 4), shift(undefined, 5)] },
      { supervisor: '王芳', shifts: [shift('白班', 6), undefined] },
    ]);
  });

  test('no shifts still print one blank day', () => {
    expect(blockPages(blocks, { shifts: [] })).toEqual([{ shifts: [undefined, undefined] }]);
  });
});

describe('layouts of before are still read', () => {
  test('附件1 with 移交单位 in its header, a 单位 column and four opinion and signature rows', () => {
    const model = readWorkbook(
      sheet('交接单', [
        ['2024春学期国家开放大学纸质试卷交接单'],
        ['日期：', '2024年6月14日 9:30'],
        ['移交单位：', '长沙分校'],
        ['接收单位：', '岳麓考点'],
        ['接收地址：', '麓山南路1号'],
        ['联系人（负责人）：', '王芳'],
        ['交接明细', '序号', '试卷归属', '数量（袋/箱）', '单位', '备注'],
        [null, 1, '岳麓考点', 3, '箱', '1001'],
        [null, '合计', null, 3],
        ['移交单位及意见：', '密封完好'],
        ['移交人签字（两人）：', '张伟、孙丽'],
        ['接收单位及意见：', '清点无误'],
        ['接收人签字（两人）：', '李强、赵敏'],
      ]),
    );
    expect(model.data.handovers).toEqual([
      {
        semester: '2024春',
        time: '2024-06-14T09:30',
        from: '长沙分校',
        to: '岳麓考点',
        address: '麓山南路1号',
        contact: '王芳',
        items: [{ destination: '岳麓考点', quantity: 3, unit: '箱', note: '1001' }],
        total: 3,
        fromOpinion: '密封完好',
        fromSigners: ['张伟', '孙丽'],
        toOpinion: '清点无误',
        toSigners: ['李强', '赵敏'],
      },
    ]);
  });

  test('附件1 as the source prints it, values typed after the labels of its boxes', () => {
    const model = readWorkbook(
      sheet('交接单', [
        ['2024春学期国家开放大学纸质试卷交接单'],
        ['日期：', '2024年6月14日9时30分'],
        ['接收单位：', '岳麓考点'],
        ['交接明细', '序号', '试卷归属', '数量（袋/箱）', '备注'],
        [null, 1, '岳麓考点', '2袋'],
        [null, '合计', null, 2],
        ['移交单位及意见：长沙分校', null, null, '接收单位及意见：'],
        ['同意移交', null, null, '同意接收'],
        ['移交人签字（两人）：张伟、孙丽', null, null, '接收人签字（两人）：李强、赵敏'],
      ]),
    );
    expect(model.data.handovers![0]).toEqual({
      semester: '2024春',
      time: '2024-06-14T09:30',
      from: '长沙分校',
      to: '岳麓考点',
      items: [{ destination: '岳麓考点', quantity: 2, unit: '袋' }],
      total: 2,
      fromOpinion: '同意移交',
      fromSigners: ['张伟', '孙丽'],
      toOpinion: '同意接收',
      toSigners: ['李强', '赵敏'],
    });
    // An empty opinion is not taken from the unit's name on the line above.
    expect(model.locations['handovers[0].fromOpinion']).toEqual({ sheet: '交接单', cell: 'A8', form: 1, row: null });
  });

  test('附件5 as a grid of one row per shift', () => {
    const model = readWorkbook(
      sheet('值班记录', [
        ['湖南分部长沙分校岳麓考点保密室值班记录'],
        ['值班情况记录表', '序号', '班次（日间/夜间）', '值班时间（起）', '值班时间（止）', '情况记录', '交班人签字', '接班人签字'],
        [null, 1, '日间', '2024年6月14日 10:00', '2024年6月14日 20:00', '入库', '陈静', '刘洋'],
        [null, 2, '夜间', '2024年6月14日 20:00', '2024年6月15日 8:00', '无异常', '刘洋', '陈静'],
        ['负责人签字：', '王芳'],
      ]),
    );
    expect(model.data.duty).toEqual({
      shifts: [
        { kind: '日间', from: '2024-06-14T10:00', to: '2024-06-14T20:00', record: '入库', handedOverBy: '陈静', takenOverBy: '刘洋' },
        { kind: '夜间', from: '2024-06-14T20:00', to: '2024-06-15T08:00', record: '无异常', handedOverBy: '刘洋', takenOverBy: '陈静' },
      ],
      supervisor: '王芳',
    });
    expect(model.locations['duty.shifts[1].to']).toEqual({ sheet: '值班记录', cell: 'E4', form: 5, row: 2 });
  });

  test('附件5 as the source prints it: blocks found by 值班时间, a blank block is no shift', () => {
    const model = readWorkbook(
      sheet('值班记录', [
        ['湖南分部长沙分校岳麓考点保密室值班记录'],
        ['值班情况记录表', '日间', '值班时间：', '2024年6月14日10时', '至', '14日20时'],
        [null, null, '情况记录：', '入库'],
        [null, null, '交班人签字：', '陈静'],
        [null, null, '接班人签字：', '刘洋'],
        [null, '夜间', '值班时间：', '   年   月   日   时', '至', '    日    时'],
        [null, null, '情况记录：'],
        [null, null, '交班人签字：'],
        [null, null, '接班人签字：'],
        ['负责人签字：王芳'],
      ]),
    );
    expect(model.data.duty).toEqual({
      shifts: [{ kind: '日间', from: '2024-06-14T10:00', to: '2024-06-14T20:00', record: '入库', handedOverBy: '陈静', takenOverBy: '刘洋' }],
      supervisor: '王芳',
    });
    expect(model.locations['duty.shifts[0].takenOverBy']).toEqual({ sheet: '值班记录', cell: 'D5', form: 5, row: 1 });
  });
});

test('every form of the source prints its helper columns outside its print area', () => {
  for (const entry of FORMS) {
    const draft = renderForm(entry.layout, entry.layout.sheetName);
    const right = /:([A-Z]+)\d+$/.exec(draft.print.area)![1];
    const helpers = (entry.layout.table?.columns ?? []).filter((c) => c.helper).map((c) => c.label);
    const outside = draft.cells.filter((c) => c.style === 'header' && String.fromCharCode(65 + c.col) > right).map((c) => String(c.value));
    expect({ form: entry.layout.id, outside }).toEqual({ form: entry.layout.id, outside: helpers });
  }
});
